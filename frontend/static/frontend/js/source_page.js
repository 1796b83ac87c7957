// A source's page: the entry (GET sources/{id}/claims/?layer=), how each outlet named it,
// and every claim attributed to it across outlets in the chosen layer, each linking to the
// workspace at the claim (?at=start-end).

import { api, showMessage } from "./api.js";
import { el } from "./dom.js";
import { excerpt } from "./excerpt.js";
import { claimsByOutlet, claimsSummary, dateWords, layerWords, namingRows, workspaceLink } from "./source_page_model.js";
import { entrySummary } from "./source_registry_model.js";

const root = document.getElementById("source-page");
const projectId = root.dataset.projectId;
const entryId = root.dataset.entryId;
const layers = JSON.parse(document.getElementById("source-layers").textContent);
const picker = document.getElementById("source-layer");
const feedback = document.getElementById("source-feedback");
const status = document.getElementById("claims-status");
const groups = document.getElementById("claim-groups");
const namingBody = document.getElementById("naming-rows");
const baseTitle = document.title;

function layerFromAddress() {
  const asked = new URLSearchParams(location.search).get("layer");
  return asked && layers.includes(asked) ? asked : root.dataset.layer;
}

function fillPicker(current) {
  const names = layers.includes(current) ? layers : [current, ...layers];
  picker.replaceChildren(...names.map((layer) => el("option", { value: layer, selected: layer === current, text: layerWords(layer) })));
  picker.disabled = names.length < 2;
}

function showEntry(entry) {
  document.title = `${entry.name} · ${baseTitle}`;
  document.getElementById("source-name").textContent = entry.name;
  // a blind project's annotator is told the count of their own spans (data-own-counts)
  document.getElementById("source-summary").textContent = entrySummary(entry, root.dataset.ownCounts === "true");
  const aliases = entry.aliases?.length ? `Also named: ${entry.aliases.join(" · ")}` : "No aliases.";
  document.getElementById("source-aliases").textContent = aliases;
}

function showNaming(rows) {
  if (!rows.length) {
    namingBody.replaceChildren(el("tr", {}, el("td", { colspan: "2", class: "muted", text: "No outlet names it in this layer." })));
    return;
  }
  namingBody.replaceChildren(
    ...rows.map((row) => {
      const names = el("ul", { class: "naming-list" }, ...row.names.map((name) => el("li", {}, el("q", { text: name.text || "—" }), el("span", { class: "count", text: ` × ${name.count}` }))));
      // an outlet naming it several ways also gets its total; one way, the count says it all
      if (row.names.length > 1) names.append(el("li", { class: "naming-total", text: `${row.total} times in all` }));
      return el("tr", {}, el("th", { scope: "row", text: row.outlet }), el("td", {}, names));
    }),
  );
}

function claimItem(item) {
  const doc = item.document || {};
  const claim = item.claim || {};
  const href = workspaceLink(projectId, doc.id, claim.start, claim.end);
  const where = [doc.title || "Untitled", dateWords(doc.published_at)].filter(Boolean).join(" · ");
  return el(
    "li",
    { class: "claim-item" },
    el("blockquote", { class: "claim-text", text: claim.text }),
    el("p", { class: "claim-meta" }, "named as ", el("q", { class: "named-as", text: item.named_as || "—" }), item.cue ? el("span", {}, " · cue ", el("q", { text: item.cue })) : null),
    el(
      "p",
      { class: "claim-where" },
      `${where} · `,
      el("a", { href, "aria-label": `Open “${excerpt(claim.text)}” in the workspace (${doc.outlet || "no outlet"})` }, "Open in the workspace"),
    ),
  );
}

function showClaims(claims) {
  showMessage(status, claimsSummary(claims));
  groups.replaceChildren(
    ...claimsByOutlet(claims).map((group) =>
      el("section", { class: "outlet-group", "aria-label": group.outlet }, el("h3", { text: group.outlet }), el("ol", { class: "claim-list" }, ...group.claims.map(claimItem))),
    ),
  );
}

async function load(layer) {
  showMessage(status, "Loading…");
  try {
    const answer = await api("GET", `projects/${projectId}/sources/${entryId}/claims/?layer=${encodeURIComponent(layer)}`);
    feedback.textContent = "";
    showEntry(answer.entry);
    showNaming(namingRows(answer.named_as, answer.claims));
    showClaims(answer.claims || []);
  } catch (error) {
    groups.replaceChildren();
    namingBody.replaceChildren();
    showMessage(status, "");
    showMessage(feedback, error.status === 404 ? "No such source in this project." : error.message, "error");
  }
}

picker.addEventListener("change", async () => {
  const url = new URL(location.href);
  url.searchParams.set("layer", picker.value);
  history.replaceState(null, "", url);
  await load(picker.value);
});

const first = layerFromAddress();
fillPicker(first);
load(first).then(() => {
  root.dataset.ready = "true";
});
