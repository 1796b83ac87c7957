// The progress page: reads GET /api/v1/projects/{id}/progress/ once and draws the overall
// figures, the annotators' table, the submissions chart and the documents x annotators
// matrix, filtered in the page (progress_model.js) a page of rows at a time.

import { api, showMessage } from "./api.js";
import { el, element } from "./dom.js";
import { throughputChart } from "./progress_charts.js";
import { STATES, csvPath, duration, filtered, perSubmitted, stateOf, summary } from "./progress_model.js";

const PAGE_SIZE = 100;

const root = document.getElementById("project-progress-page");
const projectId = root.dataset.projectId;
const message = document.getElementById("progress-message");
const form = document.getElementById("matrix-filters");
const numberFormat = new Intl.NumberFormat();
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

let report = null;
let page = 1;

function filters() {
  const data = new FormData(form);
  return { story: data.get("story") || "", state: data.get("state") || "", annotator: data.get("annotator") || "" };
}

function renderSummary() {
  const figures = summary(report);
  const list = document.getElementById("progress-summary");
  const pair = (term, value, id) => el("div", {}, element("dt", "", term), el("dd", { id, text: value }));
  list.replaceChildren(
    pair("Documents", numberFormat.format(figures.documents), "figure-documents"),
    pair("Done", numberFormat.format(figures.done), "figure-done"),
    pair("Ready to curate", numberFormat.format(figures.ready), "figure-ready"),
    pair("Sets open", numberFormat.format(figures.open), "figure-open"),
    pair("Time on task", duration(figures.seconds), "figure-time"),
  );
  const needed = report.annotators_per_document;
  document.getElementById("progress-rule").textContent =
    `A document is done when ${needed} annotator${needed === 1 ? "" : "s"} submitted it; it is ready to curate from then until its review is finished.`;
}

function renderAnnotators() {
  const rows = report.annotators.map((person) => {
    const row = el("tr", { dataset: { username: person.username } });
    const who = element("td", "", person.name);
    if (person.name !== person.username) who.append(element("span", "muted", ` (${person.username})`));
    row.append(who, element("td", person.role ? "" : "muted", person.role || "not a member"));
    for (const key of ["assigned", "in_progress", "submitted", "skipped"]) {
      row.append(element("td", "num", numberFormat.format(person[key])));
    }
    row.append(el("td", { class: "num time-on-task", text: duration(person.seconds_spent) }));
    row.append(element("td", "num", perSubmitted(person)));
    row.append(element("td", person.last_active ? "" : "muted", person.last_active ? dateFormat.format(new Date(person.last_active)) : "never"));
    return row;
  });
  document.querySelector("#annotators-table tbody").replaceChildren(...rows);
  if (!rows.length) {
    const empty = el("td", { colspan: 9, class: "muted", text: "No annotators yet: add people in the project settings." });
    document.querySelector("#annotators-table tbody").append(el("tr", {}, empty));
  }
}

function renderThroughput() {
  const box = document.getElementById("throughput-chart");
  const numbers = document.getElementById("throughput-numbers");
  const days = report.throughput;
  if (!days.length) {
    box.replaceChildren(element("p", "muted", "No set submitted yet."));
    numbers.hidden = true;
    return;
  }
  const total = days.reduce((sum, day) => sum + day.submitted, 0);
  box.replaceChildren(throughputChart(days, `Sets submitted per day, ${days[0].day} to ${days.at(-1).day}: ${total} in all`));
  numbers.querySelector("tbody").replaceChildren(
    ...days.map((day) => el("tr", {}, element("td", "", day.day), element("td", "num", String(day.submitted)))),
  );
  numbers.hidden = false;
}

function fillFilters() {
  const options = (select, items) => select.append(...items.map(([value, text]) => el("option", { value, text })));
  options(form.story, report.stories.map((story) => [story.id, story.name]));
  options(form.state, STATES.map((state) => [state.key, `${state.letter} ${state.name}`]));
  options(form.annotator, report.annotators.map((person) => [person.username, person.name]));
  document.getElementById("matrix-legend").replaceChildren(
    ...STATES.map((state) => el("li", {}, cellMark(state), ` ${state.name}`)),
  );
}

function cellMark(state) {
  return el("span", { class: `cell-mark state-${state.key}`, "aria-hidden": "true", text: state.letter });
}

function matrixRow(doc, columns) {
  const title = doc.title || `Document ${doc.id}`;
  const link = el("a", { href: `/projects/${projectId}/curate/${doc.id}/`, text: title });
  const row = el("tr", { dataset: { document: doc.id } });
  row.append(element("td", "num", String(doc.position)), el("td", { class: "title-cell" }, link), element("td", doc.outlet ? "" : "muted", doc.outlet || "—"));
  doc.cells.forEach((cell, i) => {
    const state = stateOf(cell.status);
    const person = report.annotators[columns[i]];
    const time = cell.set ? `, ${duration(cell.seconds_spent)} on task` : "";
    const td = el("td", { class: "cell", title: `${person.name}: ${state.name}${time}`, dataset: { state: state.key } }, cellMark(state));
    td.append(el("span", { class: "visually-hidden", text: `${state.name}${time}` }));
    row.append(td);
  });
  return row;
}

function renderMatrix() {
  const chosen = filters();
  document.getElementById("progress-csv").href = csvPath(projectId, chosen);
  const { columns, documents } = filtered(report, chosen);
  const table = document.getElementById("matrix");
  const head = table.querySelector("thead tr");
  head.replaceChildren(el("th", { scope: "col", class: "num", text: "#" }), el("th", { scope: "col", text: "Document" }), el("th", { scope: "col", text: "Outlet" }));
  for (const i of columns) head.append(el("th", { scope: "col", class: "annotator", text: report.annotators[i].name }));
  const pages = Math.max(1, Math.ceil(documents.length / PAGE_SIZE));
  page = Math.min(page, pages);
  const shown = documents.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  table.querySelector("tbody").replaceChildren(...shown.map((doc) => matrixRow(doc, columns)));
  table.hidden = shown.length === 0 || columns.length === 0;
  const total = report.documents.length;
  document.getElementById("matrix-status").textContent =
    columns.length === 0 ? "No annotators yet." : documents.length === total ? `${numberFormat.format(total)} document${total === 1 ? "" : "s"}, in queue order.` : `${numberFormat.format(documents.length)} of ${numberFormat.format(total)} documents match the filters.`;
  document.getElementById("matrix-pager").hidden = pages <= 1;
  document.getElementById("matrix-page-of").textContent = `Page ${page} of ${pages}`;
  document.getElementById("matrix-previous").disabled = page <= 1;
  document.getElementById("matrix-next").disabled = page >= pages;
}

form.addEventListener("change", () => {
  page = 1;
  renderMatrix();
});
form.addEventListener("submit", (event) => event.preventDefault());
document.getElementById("matrix-previous").addEventListener("click", () => {
  page -= 1;
  renderMatrix();
});
document.getElementById("matrix-next").addEventListener("click", () => {
  page += 1;
  renderMatrix();
});

async function load() {
  try {
    report = await api("GET", `projects/${projectId}/progress/`);
  } catch (error) {
    document.getElementById("progress-summary").replaceChildren(element("dt", "", "Progress could not be loaded."));
    showMessage(message, error.message, "error");
    return;
  }
  renderSummary();
  renderAnnotators();
  renderThroughput();
  fillFilters();
  renderMatrix();
  root.dataset.state = "shown";
}

load();
