// Pure logic of a source's page (source_page.js): the claims attributed to the source grouped
// by outlet, how each outlet named it, the link into the workspace at a claim, and the words
// for a layer in the picker. No DOM here (tests/frontend/source_page_model.test.mjs).

/** "gold" -> "Gold", "annotator:ana" -> "ana (annotator)", "model:attribution" ->
 * "attribution (model)". */
export function layerWords(layer) {
  if (layer === "gold") return "Gold";
  if (layer.startsWith("annotator:")) return `${layer.slice("annotator:".length)} (annotator)`;
  if (layer.startsWith("model:")) return `${layer.slice("model:".length)} (model)`;
  return layer;
}

/** The workspace at a span of a document: `?at=start-end` scrolls to it and selects it. */
export function workspaceLink(projectId, documentId, start, end) {
  return `/projects/${projectId}/documents/${documentId}/work/?at=${start}-${end}`;
}

const outletOf = (document) => document?.outlet || "No outlet";

/** The claims as groups by outlet, in the order the API gives them (by outlet, then time):
 * [{outlet, claims}]. */
export function claimsByOutlet(claims) {
  const groups = [];
  for (const claim of claims || []) {
    const outlet = outletOf(claim.document);
    let group = groups[groups.length - 1];
    if (!group || group.outlet !== outlet) {
      group = { outlet, claims: [] };
      groups.push(group);
    }
    group.claims.push(claim);
  }
  return groups;
}

/**
 * How each outlet named the source: rows {outlet, names: [{text, count}], total}, outlets in
 * name order, names most used first. Takes the API's counts in either shape it may come in:
 * a list of {outlet, named_as, count} or {outlet: {text: count}}; without counts, counts the
 * claims' `named_as`.
 */
export function namingRows(counts, claims = []) {
  const table = new Map();
  const add = (outlet, text, count) => {
    const names = table.get(outlet) || new Map();
    names.set(text, (names.get(text) || 0) + count);
    table.set(outlet, names);
  };
  if (Array.isArray(counts) && counts.length) {
    for (const row of counts) add(row.outlet || "No outlet", row.named_as ?? row.text ?? "", Number(row.count) || 0);
  } else if (counts && !Array.isArray(counts) && Object.keys(counts).length) {
    for (const [outlet, names] of Object.entries(counts)) {
      for (const [text, count] of Object.entries(names)) add(outlet || "No outlet", text, Number(count) || 0);
    }
  } else {
    for (const claim of claims) add(outletOf(claim.document), claim.named_as || "", 1);
  }
  return [...table.entries()]
    .sort(([a], [b]) => a.localeCompare(b, "en"))
    .map(([outlet, names]) => {
      const rows = [...names.entries()].map(([text, count]) => ({ text, count }));
      rows.sort((a, b) => b.count - a.count || a.text.localeCompare(b.text, "en"));
      return { outlet, names: rows, total: rows.reduce((sum, row) => sum + row.count, 0) };
    });
}

/** A document's date as the page shows it ("7 Dec 2026"), or "" without one. */
export function dateWords(iso) {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

/** "3 claims from 2 outlets", "1 claim from 1 outlet", "No claims in this layer." */
export function claimsSummary(claims) {
  const n = (claims || []).length;
  if (!n) return "No claims attributed to this source in this layer.";
  const outlets = new Set(claims.map((claim) => outletOf(claim.document))).size;
  return `${n} claim${n === 1 ? "" : "s"} from ${outlets} outlet${outlets === 1 ? "" : "s"}`;
}
