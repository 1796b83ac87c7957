// The Curate queue page: the counts of what reviewers have to do, the documents that
// reached them (filtered, most disagreed first, paged, with unread comments), j/k or the
// arrows to move through them and Enter to open one, and a bulk auto-merge run in the
// background with a progress bar. Words and figures come from curate_queue_model.js.

import { api, ApiError, showMessage } from "./api.js";
import { el } from "./dom.js";
import {
  addressOf,
  disagreementText,
  filtersFromAddress,
  jobText,
  mergeRequest,
  moveTo,
  queueQuery,
  stateText,
  unreadByDocument,
} from "./curate_queue_model.js";

const PAGE_SIZE = 50;
const POLL_MS = 1000;
const NOTES_SHOWN = 20;

const root = document.getElementById("curate-queue");
const projectId = root.dataset.projectId;
const filtersForm = document.getElementById("queue-filters");
const table = document.getElementById("queue");
const tbody = table.querySelector("tbody");
const queueStatus = document.getElementById("queue-status");
const queueMessage = document.getElementById("queue-message");
const pager = document.getElementById("queue-pager");
const previousButton = document.getElementById("queue-previous");
const nextButton = document.getElementById("queue-next");
const mergeForm = document.getElementById("merge-form");
const mergeButton = document.getElementById("merge-start");
const progress = document.getElementById("merge-progress");
const mergeStatus = document.getElementById("merge-status");
const mergeResult = document.getElementById("merge-result");
const jobList = document.getElementById("merge-jobs");

const storyNames = new Map(
  Array.from(document.querySelectorAll("#filter-story option"))
    .filter((option) => option.value)
    .map((option) => [Number(option.value), option.textContent]),
);
const numberFormat = new Intl.NumberFormat();
let page = 1;
let loadToken = 0;

// ---- counts -----------------------------------------------------------------------------

async function loadCounts() {
  try {
    const summary = await api("GET", `projects/${projectId}/curation/summary/`);
    for (const box of document.querySelectorAll("#review-counts [data-count]")) {
      box.querySelector("dd").textContent = numberFormat.format(summary[box.dataset.count] ?? 0);
    }
  } catch (error) {
    showMessage(queueMessage, `The counts could not be loaded: ${error.message}`, "error");
  }
}

// ---- the list ---------------------------------------------------------------------------

function filters() {
  return Object.fromEntries(new FormData(filtersForm));
}

function disagreementCell(row) {
  const { figure, detail } = disagreementText(row);
  const cell = el("td", { class: "num disagreement" }, el("span", { class: "figure", text: figure }));
  if (row.disagreement !== null) {
    const bar = el("span", { class: "meter", "aria-hidden": "true" }, el("span"));
    bar.firstChild.style.width = `${Math.round(row.disagreement * 100)}%`;
    cell.append(bar);
  }
  cell.append(el("span", { class: "detail", text: detail }));
  return cell;
}

function queueRow(row, unread) {
  const link = el("a", {
    href: `/projects/${projectId}/curate/${row.id}/`,
    class: row.title ? undefined : "untitled",
    text: row.title || `Document ${row.id}`,
  });
  const count = unread.get(row.id) || 0;
  return el(
    "tr",
    { dataset: { document: String(row.id), state: row.review_status } },
    el("td", { class: "title-cell" }, link),
    el("td", { class: row.outlet ? undefined : "muted", text: row.outlet || "—" }),
    el("td", { class: row.story ? undefined : "muted", text: storyNames.get(row.story) || (row.story ? `Story ${row.story}` : "—") }),
    el("td", {}, el("span", { class: `review-state state-${row.review_status}`, text: stateText(row) })),
    disagreementCell(row),
    el("td", { class: "num", text: `${row.submitted} of ${row.needed}` }),
    el("td", { class: count ? "num unread" : "num muted", text: count ? `${count} unread` : "—" }),
  );
}

function describe(count, chosen) {
  const narrowed = chosen.state || chosen.story || chosen.outlet || chosen.min_disagreement || (chosen.q || "").trim();
  if (count === 0) return narrowed ? "No document matches these filters." : "No document has reached its reviewers yet.";
  const what = `${numberFormat.format(count)} document${count === 1 ? "" : "s"}`;
  const order = chosen.order === "position" ? "in queue order" : "the most disagreed first";
  const match = count === 1 ? " matches" : " match";
  return `${what}${narrowed ? match : ""}, ${order}.`;
}

async function loadQueue() {
  const token = ++loadToken;
  const chosen = filters();
  const address = addressOf(chosen, page);
  window.history.replaceState(null, "", address ? `?${address}` : window.location.pathname);
  queueStatus.textContent = "Loading…";
  let data;
  let unread;
  try {
    data = await api("GET", `projects/${projectId}/curation/?${queueQuery(chosen, page, PAGE_SIZE)}`);
    const ids = data.results.map((row) => `document=${row.id}`).join("&");
    unread = unreadByDocument(ids ? await api("GET", `projects/${projectId}/comments/unread/?${ids}`) : null);
  } catch (error) {
    if (token !== loadToken) return;
    if (error instanceof ApiError && error.status === 404 && page > 1) {
      page = 1; // the list got shorter than the page the address kept
      loadQueue();
      return;
    }
    queueStatus.textContent = "";
    showMessage(queueMessage, `The queue could not be loaded: ${error.message}`, "error");
    return;
  }
  if (token !== loadToken) return; // a newer choice answered first
  queueMessage.textContent = "";
  tbody.replaceChildren(...data.results.map((row) => queueRow(row, unread)));
  table.hidden = data.results.length === 0;
  queueStatus.textContent = describe(data.count, chosen);
  const pages = Math.max(1, Math.ceil(data.count / PAGE_SIZE));
  pager.hidden = pages <= 1;
  document.getElementById("queue-page-of").textContent = `Page ${page} of ${pages}`;
  previousButton.disabled = !data.previous;
  nextButton.disabled = !data.next;
}

function refilter() {
  page = 1;
  loadQueue();
}

filtersForm.addEventListener("submit", (event) => {
  event.preventDefault();
  refilter();
});
for (const select of filtersForm.querySelectorAll("select")) select.addEventListener("change", refilter);
previousButton.addEventListener("click", () => {
  page = Math.max(1, page - 1);
  loadQueue();
});
nextButton.addEventListener("click", () => {
  page += 1;
  loadQueue();
});

// j/k or the arrows move through the list (outside form fields); Enter opens the focused
// document, as any focused link does.
document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.target.closest("input, select, textarea, button, [contenteditable]")) return;
  const links = Array.from(tbody.querySelectorAll("td.title-cell a"));
  const current = links.indexOf(document.activeElement);
  const index = moveTo(event.key, current, links.length);
  if (index === null) return;
  event.preventDefault();
  links[index].focus();
});

// ---- bulk auto-merge --------------------------------------------------------------------

function showJob(job) {
  progress.hidden = job.status === "done" || job.status === "failed";
  progress.value = Math.round(100 * job.progress);
  mergeStatus.textContent = jobText(job);
  const parts = [];
  if (job.error) parts.push(el("p", { class: "feedback", "data-kind": "error", text: job.error }));
  if (job.status === "done" && job.notes.length) {
    const [headline, ...left] = job.notes;
    parts.push(el("p", { id: "merge-headline", text: headline }));
    if (left.length) {
      const shown = left.slice(0, NOTES_SHOWN).map((note) => el("li", { text: note }));
      if (left.length > NOTES_SHOWN) shown.push(el("li", { class: "hint", text: `and ${left.length - NOTES_SHOWN} more` }));
      parts.push(el("p", { text: "Left to you:" }), el("ul", { class: "merge-notes" }, ...shown));
    }
  }
  mergeResult.replaceChildren(...parts);
}

async function loadJobs() {
  const jobs = await api("GET", `projects/${projectId}/merge-jobs/`);
  const items = jobs.map((job) => el("li", { text: `#${job.id} ${jobText(job)}` }));
  jobList.replaceChildren(...(items.length ? items : [el("li", { class: "hint", text: "None yet." })]));
  return jobs;
}

async function follow(job) {
  showJob(job);
  while (job.status === "queued" || job.status === "running") {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    job = await api("GET", `merge-jobs/${job.id}/`);
    showJob(job);
  }
  await Promise.all([loadJobs(), loadCounts(), loadQueue()]);
}

/** Follow the job `start` gives (a new one, or one still running when the page opened),
 * with the button off until it ends. */
async function watch(start) {
  mergeButton.disabled = true;
  progress.hidden = false;
  progress.value = 0;
  mergeResult.replaceChildren();
  try {
    await follow(await start());
  } catch (error) {
    progress.hidden = true;
    mergeStatus.textContent = "";
    const message = error instanceof ApiError ? error.message : String(error);
    mergeResult.replaceChildren(el("p", { class: "feedback", "data-kind": "error", role: "alert", text: message }));
  } finally {
    mergeButton.disabled = false;
  }
}

mergeForm.addEventListener("submit", (event) => {
  event.preventDefault();
  mergeStatus.textContent = "Starting the auto-merge…";
  const data = new FormData(mergeForm);
  const body = mergeRequest({ ...Object.fromEntries(data), models: data.getAll("models") });
  watch(() => api("POST", `projects/${projectId}/merge-jobs/`, body));
});

/** The filters and page the address keeps, put back in the form. */
function restore() {
  const kept = filtersFromAddress(window.location.search);
  for (const [name, value] of Object.entries(kept.filters)) {
    const field = filtersForm.elements.namedItem(name);
    if (field && (field.tagName !== "SELECT" || Array.from(field.options).some((o) => o.value === value))) {
      field.value = value;
    }
  }
  page = kept.page;
}

restore();
loadCounts();
loadQueue();
loadJobs()
  .then((jobs) => {
    const running = jobs.find((job) => job.status === "queued" || job.status === "running");
    if (running) watch(async () => running); // started earlier, here or elsewhere
  })
  .catch((error) => showMessage(queueMessage, `Past auto-merges could not be loaded: ${error.message}`, "error"));
