// The suggesters page: a form per built-in suggester (managers) starts a run; the runs table
// shows every run with its progress, polled while one is going, its outcome or its error,
// and a link to the agreement page for its layer. Recommenders have their own card
// (recommenders.js), whose Run buttons go through the same API.

import { api, ApiError, showMessage } from "./api.js";
import { el } from "./dom.js";
import {
  POLL_MS,
  agreementHref,
  isActive,
  outcomeText,
  percent,
  progressText,
  runRequest,
  suggesterName,
} from "./suggester_runs_model.js";

const root = document.getElementById("project-suggesters");
const projectId = root.dataset.projectId;
const table = document.getElementById("runs-table");
const tbody = table.querySelector("tbody");
const listStatus = document.getElementById("runs-status");
let polling = null;
let lastDrawn = "";

function statusCell(run) {
  const cell = el("td", {}, el("span", { class: `status status-run-${run.status}`, text: run.status }));
  if (isActive(run)) {
    cell.append(
      el("progress", { max: "100", value: String(percent(run)), "aria-label": `Run ${run.id} progress` }),
    );
  }
  return cell;
}

function outcomeCell(run) {
  const cell = el("td", { class: run.status === "failed" ? "run-error" : "" }, outcomeText(run));
  const errors = (run.outcome && run.outcome.errors) || [];
  if (errors.length) {
    cell.append(el("ul", { class: "run-errors" }, ...errors.map((text) => el("li", { text }))));
  }
  return cell;
}

function row(run) {
  const started = new Date(run.created_at).toLocaleString();
  return el(
    "tr",
    { dataset: { run: String(run.id), status: run.status } },
    el("td", { class: "num", text: `#${run.id}` }),
    el("td", { text: suggesterName(run.suggester) }),
    el("td", { class: "run-layer" }, el("a", { href: agreementHref(projectId), title: `${run.layer} against gold, on the Agreement page`, text: run.layer })),
    el("td", {}, run.story ? run.story.name : "every document", el("br"), el("span", { class: "hint", text: progressText(run) })),
    statusCell(run),
    outcomeCell(run),
    el("td", {}, started, run.requested_by ? el("span", { class: "hint", text: ` by ${run.requested_by}` }) : null),
  );
}

async function loadRuns() {
  const runs = await api("GET", `projects/${projectId}/suggester-runs/`);
  // Drawn again only when something changed, so a focused link keeps its focus while a
  // run is polled.
  const drawn = JSON.stringify(runs);
  if (drawn !== lastDrawn) tbody.replaceChildren(...runs.map(row));
  lastDrawn = drawn;
  table.hidden = runs.length === 0;
  listStatus.textContent = runs.length ? "" : "No runs yet.";
  listStatus.hidden = runs.length > 0;
  if (runs.some(isActive)) schedule();
}

function schedule() {
  if (polling) return;
  polling = setTimeout(async () => {
    polling = null;
    try {
      await loadRuns();
    } catch (error) {
      listStatus.hidden = false;
      showMessage(listStatus, error.message, "error");
    }
  }, POLL_MS);
}

async function start(form) {
  const feedback = document.getElementById(`${form.id}-feedback`);
  const button = form.querySelector("button[type=submit]");
  const body = runRequest(form.dataset.suggester, new FormData(form));
  button.disabled = true;
  try {
    const run = await api("POST", `projects/${projectId}/suggester-runs/`, body);
    showMessage(feedback, `Run #${run.id} started: ${suggesterName(run.suggester)} writing ${run.layer}. Follow it below.`);
    await loadRuns();
    schedule();
  } catch (error) {
    const message = error instanceof ApiError ? error.message : String(error);
    showMessage(feedback, message, "error");
    const replace = form.querySelector("input[name=replace]");
    if (error instanceof ApiError && error.details.status === "layer_exists" && replace) replace.focus();
  } finally {
    button.disabled = false;
  }
}

for (const form of root.querySelectorAll("form.suggester-form")) {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    start(form);
  });
}

// A recommender's Run (recommenders.js) starts a run too: follow it here.
document.addEventListener("suggester-run-started", () => {
  loadRuns().catch((error) => showMessage(listStatus, error.message, "error"));
});

loadRuns()
  .catch((error) => {
    listStatus.hidden = false;
    showMessage(listStatus, error.message, "error");
  })
  .finally(() => {
    root.dataset.ready = "true";
  });
