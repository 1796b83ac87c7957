// The story workbench: reads GET /api/v1/stories/{id}/claims/?project=&layer= and draws the
// claims x outlets table (a row per claim, a column per report; each wording with the words
// other outlets did not use marked, its source, cue, place and stances, and a link into the
// workspace at it) and the per-outlet charts with their numbers as a table.
//
// States (the status line): loading, shown, empty (no claim in this layer: a sentence says
// so) and failed (the server's message). The layer picker is a plain form (GET ?layer=).
// Text goes in as text only.

import { api } from "./api.js";
import { el } from "./dom.js";
import { barChart } from "./story_charts.js";
import {
  columnHead,
  counted,
  countedText,
  entryHref,
  markedPieces,
  outletCharts,
  placeOf,
  reportsCount,
  rowCaption,
  stanceText,
  workspaceHref,
} from "./story_workbench_model.js";

const root = document.getElementById("story-workbench");
const projectId = Number(root.dataset.projectId);
const storyId = Number(root.dataset.storyId);
const layer = root.dataset.layer;
const status = document.getElementById("story-status");
const table = document.getElementById("claims-table");
const charts = document.getElementById("outlet-charts");
const numbers = document.getElementById("outlet-numbers");
const scroller = document.getElementById("claims-scroll");
const frame = document.getElementById("claims-frame");
const scrollHint = document.getElementById("claims-scroll-hint");

// The table is wider than the card at laptop sizes: say so, and shade the edge that has
// more columns beyond it (classes more-left / more-right on the frame), kept up to date
// as the table scrolls and the window changes size.
function showOverflow() {
  const beyond = scroller.scrollWidth - scroller.clientWidth;
  const wide = !table.hidden && beyond > 1;
  scrollHint.hidden = !wide;
  frame.classList.toggle("more-left", wide && scroller.scrollLeft > 1);
  frame.classList.toggle("more-right", wide && scroller.scrollLeft < beyond - 1);
}

function head(data) {
  const cells = data.documents.map((column) => {
    const { outlet, day, title } = columnHead(column);
    return el(
      "th",
      { scope: "col", class: "outlet-head", title: title || undefined, dataset: { document: column.id } },
      el("span", { class: "outlet-name", text: outlet }),
      el("span", { class: "outlet-day", text: day }),
      el("span", { class: "outlet-title", text: title }),
    );
  });
  return el("tr", {}, el("th", { scope: "col", class: "claim-head", text: "Claim" }), ...cells);
}

function wording(claim, documentId, outlet) {
  const pieces = markedPieces(claim.text, claim.differs).map((piece) => (piece.marked ? el("mark", { text: piece.text }) : piece.text));
  const link = el(
    "a",
    { class: "wording", href: workspaceHref(projectId, documentId, claim), "aria-label": `${outlet}: ${claim.text}. Open in the workspace` },
    ...pieces,
  );
  const facts = el("dl", { class: "claim-facts" });
  const fact = (name, value, className) => {
    if (value) facts.append(el("dt", { text: name }), el("dd", { class: className, text: value }));
  };
  if (claim.source) {
    // the registry entry, when the source names one, links to its source page
    const source = el("dd", { class: "source" }, claim.source.text);
    const href = entryHref(projectId, claim.source);
    if (href) source.append(" (", el("a", { class: "entry-link", href, text: claim.source.entry.name }), ")");
    facts.append(el("dt", { text: "Source" }), source);
  }
  fact("Cue", claim.cue ? claim.cue.text : "", "cue");
  fact("Where", placeOf(claim), "place");
  fact("Stance", claim.stances.map(stanceText).join("; "), "stance");
  return el("div", { class: "claim", dataset: { span: claim.id } }, link, facts);
}

function row(data, claimRow) {
  const byDocument = new Map(claimRow.cells.map((cell) => [cell.document, cell.claims]));
  const caption = rowCaption(claimRow, data);
  const cells = data.documents.map((column) => {
    const claims = byDocument.get(column.id);
    if (!claims) return el("td", { class: "empty-cell" }, el("span", { class: "visually-hidden", text: "not carried" }));
    const outlet = columnHead(column).outlet;
    return el("td", { class: "carried" }, ...claims.map((claim) => wording(claim, column.id, outlet)));
  });
  const badge = el("span", { class: claimRow.only_outlet ? "status only-outlet" : "status shared", text: caption });
  return el(
    "tr",
    { class: claimRow.only_outlet ? "only-outlet-row" : "shared-row", dataset: { row: claimRow.id } },
    el("th", { scope: "row", class: "claim-head" }, badge),
    ...cells,
  );
}

function drawTable(data) {
  table.tHead.replaceChildren(head(data));
  table.tBodies[0].replaceChildren(...data.rows.map((claimRow) => row(data, claimRow)));
  table.hidden = data.rows.length === 0;
  document.getElementById("claims-count").textContent = `(${reportsCount(data.documents.length)})`;
  showOverflow();
  const shared = data.rows.filter((r) => !r.only_outlet).length;
  const wordings = data.rows.reduce((n, r) => n + r.cells.reduce((m, c) => m + c.claims.length, 0), 0);
  status.textContent = data.rows.length
    ? `${counted(data.rows.length, "claim")} (${counted(wordings, "wording")}) in ${reportsCount(data.documents.length)}, layer ${data.layer}: ${shared} carried by more than one outlet.`
    : `No claim in the layer ${data.layer} on this story's ${data.documents.length} reports yet.`;
}

function chartFigure(title, rows, max) {
  return el("figure", { class: "outlet-chart" }, el("figcaption", { text: title }), barChart(rows, title, max));
}

function drawOutlets(data) {
  const series = outletCharts(data.outlets);
  charts.replaceChildren(
    chartFigure("Share of claims attributed to anonymous sources", series.anonymous, 1),
    chartFigure("Claims only this outlet carries", series.alone),
    chartFigure("Cue verbs used (the three most used per outlet)", series.cues),
    chartFigure("Stances recorded toward the claims", series.stances),
  );
  const body = numbers.querySelector("tbody");
  body.replaceChildren(
    ...data.outlets.map((o) =>
      el(
        "tr",
        {},
        el("th", { scope: "row", text: o.outlet || "No outlet" }),
        el("td", { class: "num", text: String(o.documents) }),
        el("td", { class: "num", text: String(o.claims) }),
        el("td", { class: "num", text: `${o.anonymous} (${Math.round(o.anonymous_share * 100)}%)` }),
        el("td", { class: "num", text: String(o.only_outlet) }),
        el("td", { text: countedText(o.cues, "cue") }),
        el("td", { text: countedText(o.stances, "value") }),
      ),
    ),
  );
  numbers.hidden = data.outlets.length === 0;
}

async function load() {
  const query = new URLSearchParams({ project: projectId, layer });
  try {
    const data = await api("GET", `stories/${storyId}/claims/?${query}`);
    drawTable(data);
    drawOutlets(data);
  } catch (error) {
    status.textContent = error.message || "The claims could not be read.";
    status.classList.add("error");
  } finally {
    root.dataset.ready = "true";
  }
}

scroller.addEventListener("scroll", showOverflow, { passive: true });
window.addEventListener("resize", showOverflow);
load();
