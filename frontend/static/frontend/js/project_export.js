// The export page: a streamed download link built from the form, or a background job with
// a progress bar and a download link when it is done.

import { api, ApiError } from "./api.js";
import { el } from "./dom.js";

const POLL_MS = 1000;

const root = document.getElementById("project-export");
const projectId = root.dataset.projectId;
const form = document.getElementById("export-form");
const format = document.getElementById("export-format");
const download = document.getElementById("export-download");
const jobButton = document.getElementById("export-job");
const progress = document.getElementById("job-progress");
const status = document.getElementById("job-status");
const jobResult = document.getElementById("job-result");
const jobList = document.getElementById("job-list");

/** The form's choices as export parameters (empty ones left out). */
function parameters() {
  const data = new FormData(form);
  const params = new URLSearchParams();
  params.set("format", format.value);
  const statuses = data.getAll("status");
  if (statuses.length) params.set("status", statuses.join(","));
  for (const name of ["kind", "author", "story", "outlet"]) {
    const value = String(data.get(name) || "").trim();
    if (value) params.set(name, value);
  }
  if (data.get("gold_only")) params.set("gold_only", "true");
  return params;
}

function refreshLink() {
  download.href = `/api/v1/projects/${projectId}/export/?${parameters()}`;
}

function describe(job) {
  const text = `#${job.id} ${job.format}: ${job.status} (${job.documents_done}/${job.documents_total} documents)`;
  const item = el("li", {}, text);
  if (job.download) item.append(" · ", el("a", { href: job.download, text: "download" }));
  if (job.error) item.append(" · ", el("span", { class: "job-error", text: job.error }));
  return item;
}

async function loadJobs() {
  const jobs = await api("GET", `projects/${projectId}/exports/`);
  jobList.replaceChildren(...(jobs.length ? jobs.map(describe) : [el("li", { class: "hint", text: "None yet." })]));
}

function showJob(job) {
  progress.hidden = job.status === "done" || job.status === "failed";
  progress.value = Math.round(100 * job.progress);
  status.textContent = `Export ${job.status}: ${job.documents_done} of ${job.documents_total} documents`;
  const parts = [];
  if (job.download) parts.push(el("p", {}, el("a", { href: job.download, id: "job-download", text: "Download the export" })));
  if (job.error) parts.push(el("p", { class: "feedback", "data-kind": "error", text: job.error }));
  if (job.notes.length) {
    parts.push(el("p", { text: "Not expressible in this format:" }), el("ul", {}, ...job.notes.map((n) => el("li", { text: n }))));
  }
  jobResult.replaceChildren(...parts);
}

async function follow(job) {
  showJob(job);
  while (job.status === "queued" || job.status === "running") {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    job = await api("GET", `exports/${job.id}/`);
    showJob(job);
  }
  await loadJobs();
}

jobButton.addEventListener("click", async () => {
  const params = Object.fromEntries(parameters());
  if (params.gold_only) params.gold_only = true;
  jobButton.disabled = true;
  progress.hidden = false;
  progress.value = 0;
  try {
    await follow(await api("POST", `projects/${projectId}/exports/`, params));
  } catch (error) {
    status.textContent = error instanceof ApiError ? error.message : String(error);
  } finally {
    jobButton.disabled = false;
  }
});

form.addEventListener("change", refreshLink);
form.addEventListener("input", refreshLink);

/** A format this server lacks the library for stays listed, disabled; the page says why. */
function formatOption(f) {
  const option = el("option", { value: f.name, text: f.unavailable ? `${f.title} (unavailable here)` : f.title });
  option.disabled = Boolean(f.unavailable);
  return option;
}

api("GET", "formats/")
  .then((formats) => {
    format.replaceChildren(...formats.export.map(formatOption));
    refreshLink();
    return loadJobs();
  })
  .catch((error) => {
    status.textContent = error instanceof ApiError ? error.message : String(error);
  });
