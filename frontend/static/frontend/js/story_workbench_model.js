// Pure: what the story workbench draws, from GET /api/v1/stories/{id}/claims/: a wording cut
// into marked and plain pieces, a column's head, where a claim sits, the link to the
// workspace at a claim, and the rows of the per-outlet charts. No DOM here.

export const NO_OUTLET = "No outlet";
export const CUES_SHOWN = 3; // per outlet, in the cue chart (the table lists every cue)

/** The wording cut at the `differs` ranges: [{text, marked}], in order, covering it all. */
export function markedPieces(text, differs) {
  const pieces = [];
  let at = 0;
  for (const [start, end] of [...(differs || [])].sort((a, b) => a[0] - b[0])) {
    if (start < at || end <= start || end > text.length) continue;
    if (start > at) pieces.push({ text: text.slice(at, start), marked: false });
    pieces.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}

/** A column's head: the outlet (or "No outlet") and the publication day (or "undated"). */
export function columnHead(documentColumn) {
  const day = documentColumn.published_at ? documentColumn.published_at.slice(0, 10) : "undated";
  return { outlet: documentColumn.outlet || NO_OUTLET, day, title: documentColumn.title || "" };
}

/** Where a claim sits: "headline", "lede · ¶2", "body · ¶14". */
export function placeOf(claim) {
  return claim.zone === "headline" ? "headline" : `${claim.zone} · ¶${claim.paragraph}`;
}

/** The workspace at a claim: its document, with ?at=<start>-<end>. */
export function workspaceHref(projectId, documentId, claim) {
  return `/projects/${projectId}/documents/${documentId}/work/?at=${claim.start}-${claim.end}`;
}

/** A stance as read: "one official: against", or "document: favor" without a holder. */
export function stanceText(stance) {
  return `${stance.holder || "document"}: ${stance.value}`;
}

/** The source page of a claim's registry entry ("" without an entry). */
export function entryHref(projectId, source) {
  const entry = source && source.entry;
  return entry && entry.id ? `/projects/${projectId}/sources/${entry.id}/` : "";
}

/** "1 report", "5 reports": a count with its noun. */
export function counted(n, noun) {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** "5 reports" for the table's heading. */
export function reportsCount(n) {
  return counted(n, "report");
}

/** "3 outlets" / "Only Axios" for a row's head. */
export function rowCaption(row, table) {
  if (!row.only_outlet) return `${row.outlets} outlets`;
  const outlet = outletOf(table, row.cells[0].document);
  return `Only ${outlet}`;
}

export function outletOf(table, documentId) {
  const column = table.documents.find((d) => d.id === documentId);
  return (column && column.outlet) || NO_OUTLET;
}

const percent = (share) => `${Math.round(share * 100)}%`;

/** The per-outlet charts' rows: [{name, value, text}] each, value on the chart's scale. */
export function outletCharts(outlets) {
  const named = outlets.map((o) => ({ ...o, name: o.outlet || NO_OUTLET }));
  return {
    anonymous: named.map((o) => ({
      name: o.name,
      value: o.anonymous_share,
      text: o.claims ? `${percent(o.anonymous_share)} (${o.anonymous} of ${o.claims})` : "no claims",
    })),
    alone: named.map((o) => ({ name: o.name, value: o.only_outlet, text: String(o.only_outlet) })),
    cues: named.flatMap((o) =>
      o.cues.slice(0, CUES_SHOWN).map((c) => ({ name: `${o.name}: ${c.cue}`, value: c.count, text: String(c.count) })),
    ),
    stances: named.flatMap((o) =>
      o.stances.map((s) => ({ name: `${o.name}: ${s.value}`, value: s.count, text: String(s.count) })),
    ),
  };
}

/** Counted items as one line: "said 12, told 3". */
export function countedText(items, key) {
  return items.length ? items.map((item) => `${item[key]} ${item.count}`).join(", ") : "—";
}
