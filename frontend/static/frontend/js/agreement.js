// The agreement page: reads GET /api/v1/projects/{id}/agreement/ with the form's filters
// (every measure at once, so the measure picker redraws without asking again) and draws the
// chosen measure: the overall figure, the layer x layer heat map, bars by label, the trend by
// submission date and the documents most disagreed on, each chart with its numbers as a
// table. The CSV link asks the same question as the page, as CSV.
//
// States: loading (the form's button disabled, "Loading…"), shown, empty (no layers to
// compare: a sentence says why) and failed (the server's message). Text goes in as text.

import { api } from "./api.js";
import { el } from "./dom.js";
import { heatMap, labelBars, rampLegend, trendChart } from "./agreement_charts.js";
import {
  agreementQuery,
  byDisagreement,
  emptyState,
  formatFigure,
  formatSd,
  pairMatrix,
  reportLabels,
  statisticName,
  undefinedReason,
  valueDomain,
} from "./agreement_figures.js";

const DOCUMENTS_SHOWN = 20;

const root = document.getElementById("project-agreement");
const projectId = root.dataset.projectId;
const form = document.getElementById("agreement-form");
const measurePicker = document.getElementById("agreement-measure");
const against = document.getElementById("agreement-against");
const layersBox = document.getElementById("agreement-layers");
const labelsBox = document.getElementById("agreement-labels");
const apply = document.getElementById("agreement-apply");
const message = document.getElementById("agreement-message");
const csv = document.getElementById("agreement-csv");
const summary = document.getElementById("agreement-summary");
const figures = document.getElementById("agreement-figures");
const heatmapBox = document.getElementById("agreement-heatmap");
const labelBox = document.getElementById("agreement-label-bars");
const trendBox = document.getElementById("agreement-trend");
const documentsBox = document.getElementById("agreement-documents");

let report = null;
const knownLayers = new Set(); // every layer any answer named, so filters keep their choices
const knownLabels = new Set();

/** The form's filters as the API's query (the measure is not one: every measure is asked). */
function filters() {
  const data = new FormData(form);
  return {
    layers: data.getAll("layer"),
    labels: data.getAll("label"),
    story: data.get("story"),
    against: data.get("against"),
    match: data.get("match"),
    min_iou: Number(data.get("min_iou")) ? data.get("min_iou") : "",
    period: data.get("period"),
  };
}

function checkboxes(box, name, values) {
  const ticked = new Set(new FormData(form).getAll(name));
  box.replaceChildren(
    ...[...values].sort().map((value) => {
      const id = `${name}-${value.replace(/[^A-Za-z0-9_-]/g, "_")}`;
      return el(
        "span",
        { class: "check-inline" },
        el("input", { type: "checkbox", name, value, id, checked: ticked.has(value) }),
        el("label", { for: id, text: value }),
      );
    }),
  );
  box.closest("fieldset").hidden = values.size === 0;
}

function refreshChoices() {
  for (const name of report.layers) knownLayers.add(name);
  for (const label of reportLabels(report)) knownLabels.add(label);
  checkboxes(layersBox, "layer", knownLayers);
  checkboxes(labelsBox, "label", knownLabels);
  const chosen = against.value;
  against.replaceChildren(
    el("option", { value: "", text: "each other (every pair)" }),
    ...[...knownLayers].sort().map((name) => el("option", { value: name, text: `${name} (as reference)`, selected: name === chosen })),
  );
}

/** A table of rows (arrays of text), headed by `columns`; numeric columns right-aligned. */
function table(caption, columns, rows, numeric = new Set()) {
  return el(
    "div",
    { class: "table-wrap" },
    el(
      "table",
      { class: "figures" },
      el("caption", { text: caption }),
      el("thead", {}, el("tr", {}, ...columns.map((c, i) => el("th", { scope: "col", class: numeric.has(i) ? "num" : undefined, text: c })))),
      el("tbody", {}, ...rows.map((row) => el("tr", {}, ...row.map((cell, i) => el("td", { class: numeric.has(i) ? "num" : undefined }, cell))))),
    ),
  );
}

function numbersOf(caption, columns, rows, numeric) {
  return el("details", { class: "numbers" }, el("summary", { text: "The numbers as a table" }), table(caption, columns, rows, numeric));
}

function note(text) {
  return el("p", { class: "hint na-note", text });
}

function currentMeasure() {
  return report.measures.find((m) => m.measure === measurePicker.value) || report.measures[0];
}

function drawSummary(measure) {
  const value = el("strong", { class: "headline", id: "agreement-value", text: formatFigure(measure.value) });
  const parts = [
    el("p", { class: "figure-line" }, value, " ", el("span", { id: "agreement-sd", text: formatSd(measure.sd) })),
    el("p", { class: "meta", id: "agreement-what" }, `${measure.name} · ${statisticName(measure.statistic)}${measure.averaged ? ", mean over pairs of layers (± their standard deviation)" : ", over every layer at once"}`),
    el("p", { class: "meta", text: `${report.documents} document${report.documents === 1 ? "" : "s"} compared · layers: ${report.layers.join(", ")} · computed ${new Date(report.computed_at).toLocaleString()}` }),
  ];
  if (measure.value === null) parts.push(note(undefinedReason(measure.statistic, "overall")));
  summary.replaceChildren(...parts);
}

function drawHeatmap(measure, domain) {
  if (!measure.averaged && !measure.pairs.length) {
    heatmapBox.replaceChildren(note(`${statisticName(measure.statistic)} is one figure over every layer at once: it has no pairs of layers. Choose Cohen's kappa or Krippendorff's alpha of the same data for pairs.`));
    return;
  }
  const againstName = report.parameters.against || "";
  const layers = report.layers;
  const matrix = pairMatrix(measure.pairs, layers, againstName);
  const label = `${measure.name}: layer by layer`;
  const rows = measure.pairs.map((p) => [p.a, p.b, formatFigure(p.value), formatFigure(p.precision), formatFigure(p.recall), p.matched ?? "", p.a_units ?? "", p.b_units ?? "", p.items ?? ""]);
  const parts = [
    el("div", { class: "chart-scroll", id: "heatmap-chart" }, heatMap(matrix, domain, label)),
    el("div", { class: "legend" }, rampLegend(domain)),
    el("p", { class: "hint", text: againstName ? `Each layer against ${againstName}: precision and recall are of the layer, ${againstName} being the reference.` : "Each cell is one pair of layers; the diagonal is a layer with itself. \u201cnone\u201d: the two layers have nothing to compare (no document in common, or no item both rated)." }),
  ];
  if (measure.pairs.some((p) => p.value === null)) parts.push(note(undefinedReason(measure.statistic, "pair")));
  parts.push(numbersOf(label, ["Layer A", "Layer B", "Value", "Precision", "Recall", "Matched", "A's units", "B's units", "Items"], rows, new Set([2, 3, 4, 5, 6, 7, 8])));
  heatmapBox.replaceChildren(...parts);
  heatmapBox.querySelector("details").id = "pairs-table";
}

function drawLabels(measure, domain) {
  if (!measure.labels.length) {
    labelBox.replaceChildren(note("No labels to show for this measure with these filters."));
    return;
  }
  const label = `${measure.name}: by label`;
  const rows = measure.labels.map((f) => [f.label, formatFigure(f.value), formatFigure(f.sd), formatFigure(f.precision), formatFigure(f.recall)]);
  const parts = [el("div", { class: "chart-scroll", id: "labels-chart" }, labelBars(measure.labels, domain, label))];
  if (measure.labels.some((f) => f.value === null)) parts.push(note(undefinedReason(measure.statistic, "label")));
  parts.push(numbersOf(label, ["Label", "Value", "SD", "Precision", "Recall"], rows, new Set([1, 2, 3, 4])));
  labelBox.replaceChildren(...parts);
  labelBox.querySelector("details").id = "labels-table";
}

function drawTrend(measure, domain) {
  if (!measure.trend.length) {
    const why = measure.unit === "story" ? "Cross-document links are compared story by story, and a story's documents are submitted at different times: no trend." : "No submission dates to place the figures on yet.";
    trendBox.replaceChildren(note(why));
    return;
  }
  const label = `${measure.name}: by ${report.parameters.period} of submission`;
  const rows = measure.trend.map((p) => [p.period, formatFigure(p.value), formatFigure(p.sd), String(p.documents)]);
  const parts = [
    el("div", { class: "chart-scroll", id: "trend-chart" }, trendChart(measure.trend, domain, label)),
    el("p", { class: "hint", text: `Each point: the documents whose last compared set was submitted in that ${report.parameters.period} (the date is the period's first day).` }),
  ];
  if (measure.trend.some((p) => p.value === null)) parts.push(note(undefinedReason(measure.statistic, "trend")));
  parts.push(numbersOf(label, [`${report.parameters.period[0].toUpperCase()}${report.parameters.period.slice(1)} from`, "Value", "SD", "Documents"], rows, new Set([1, 2, 3])));
  trendBox.replaceChildren(...parts);
  trendBox.querySelector("details").id = "trend-table";
}

function documentRows(measure, shown) {
  const stories = measure.unit === "story";
  return shown.map((d, i) => {
    const title = d.title || `#${d.document}`;
    const name = stories ? el("span", { text: title }) : el("a", { href: `/projects/${projectId}/curate/${d.document}/`, text: title });
    return el(
      "tr",
      { dataset: { document: String(d.document) } },
      el("td", { class: "num", text: String(i + 1) }),
      el("td", { class: "title-cell" }, name),
      el("td", { class: "num value", text: formatFigure(d.value) }),
      el("td", { class: "num", text: formatFigure(d.sd) }),
      el("td", { class: "num", text: String(d.pairs) }),
    );
  });
}

function drawDocuments(measure, limit = DOCUMENTS_SHOWN) {
  const sorted = byDisagreement(measure.documents);
  if (!sorted.length) {
    documentsBox.replaceChildren(note("No document has two layers to compare for this measure."));
    return;
  }
  const stories = measure.unit === "story";
  const shown = sorted.slice(0, limit);
  const head = ["#", stories ? "Story" : "Document", "Value", "SD", "Pairs"];
  const body = el("tbody", {}, ...documentRows(measure, shown));
  const parts = [
    el("p", { class: "hint", text: stories ? "Cross-document links are compared story by story." : "Open a document to curate it: the curation view shows every layer's units over its text." }),
    el(
      "div",
      { class: "table-wrap" },
      el(
        "table",
        { id: "documents-table", class: "figures" },
        el("caption", { class: "visually-hidden", text: `${measure.name}: by ${stories ? "story" : "document"}, lowest first` }),
        el("thead", {}, el("tr", {}, ...head.map((c, i) => el("th", { scope: "col", class: i === 1 ? undefined : "num", text: c })))),
        body,
      ),
    ),
  ];
  if (sorted.some((d) => d.value === null)) parts.push(note(undefinedReason(measure.statistic, "document")));
  if (sorted.length > shown.length) {
    parts.push(el("button", { type: "button", id: "documents-more", onclick: () => drawDocuments(measure, sorted.length), text: `Show all ${sorted.length}` }));
  }
  documentsBox.replaceChildren(...parts);
}

function draw() {
  const empty = emptyState(report);
  figures.hidden = Boolean(empty);
  if (empty) {
    summary.replaceChildren(el("p", { class: "empty", id: "agreement-empty", text: empty }));
    return;
  }
  const measure = currentMeasure();
  const values = [measure.value, ...measure.pairs.map((p) => p.value), ...measure.labels.map((f) => f.value), ...measure.trend.map((p) => p.value)];
  const domain = valueDomain(measure.statistic, values);
  drawSummary(measure);
  drawHeatmap(measure, domain);
  drawLabels(measure, domain);
  drawTrend(measure, domain);
  drawDocuments(measure);
}

async function load() {
  const query = agreementQuery(filters());
  csv.href = `/api/v1/projects/${projectId}/agreement/?${agreementQuery({ ...filters(), format: "csv" })}`;
  apply.disabled = true;
  root.dataset.state = "loading";
  delete message.dataset.kind;
  message.setAttribute("role", "status");
  message.textContent = "Computing the figures… A first look at a large project takes a few seconds; the same question again is answered from the cache until a set changes.";
  try {
    report = await api("GET", `projects/${projectId}/agreement/?${query}`);
    refreshChoices();
    draw();
    message.textContent = "";
    root.dataset.state = "shown";
  } catch (error) {
    root.dataset.state = "failed";
    const details = Object.entries(error.details || {}).map(([field, why]) => `${field}: ${[why].flat().join(" ")}`);
    message.textContent = [error.message, ...details].join(" ");
    message.dataset.kind = "error";
    message.setAttribute("role", "alert");
  } finally {
    apply.disabled = false;
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  load();
});
measurePicker.addEventListener("change", () => {
  if (report) draw();
  root.dataset.measure = measurePicker.value;
});

load();
