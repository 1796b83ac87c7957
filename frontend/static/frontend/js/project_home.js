// Project home: progress (the project's and the caller's own sets) and the document list
// with full-text search. Name, description and guidelines are rendered by the template.

import { api, showMessage } from "./api.js";
import { element } from "./dom.js";
import { showReturnedWork } from "./returned_work.js";

const PAGE_SIZE = 50;
const MAX_PAGES = 200; // a guard when following `next` links
const STATUS_NAMES = {
  assigned: "Assigned",
  in_progress: "In progress",
  submitted: "Submitted",
  skipped: "Skipped",
  returned: "Returned to you",
  curated: "Curated",
};
const MY_STATUSES = ["assigned", "in_progress", "submitted", "skipped"];

const root = document.getElementById("project-home");
const projectId = root.dataset.projectId;
const username = root.dataset.username;
const canAnnotate = root.dataset.canAnnotate === "true";
const perDocument = Number(root.dataset.annotatorsPerDocument) || 1;

const numberFormat = new Intl.NumberFormat();

/** `count` and a noun, pluralised with an s. */
function counted(count, noun) {
  return `${numberFormat.format(count)} ${noun}${count === 1 ? "" : "s"}`;
}

/** A `next` link from a paginated answer, as a path relative to /api/v1/. */
function apiPath(url) {
  const parsed = new URL(url, window.location.origin);
  return parsed.pathname.replace(/^\/api\/v1\//, "") + parsed.search;
}

async function allResults(path) {
  const results = [];
  let next = path;
  for (let pages = 0; next && pages < MAX_PAGES; pages += 1) {
    const page = await api("GET", next);
    results.push(...page.results);
    next = page.next ? apiPath(page.next) : null;
  }
  return results;
}

// ---- progress ----------------------------------------------------------------------------

const progressMessage = document.getElementById("progress-message");

function renderProjectProgress(progress) {
  const figure = document.getElementById("progress-figure");
  figure.replaceChildren(
    element("strong", "", numberFormat.format(progress.documents_done)),
    document.createTextNode(` of ${counted(progress.documents, "document")} done`),
  );
  const share = progress.documents ? progress.documents_done / progress.documents : 0;
  document.getElementById("progress-bar").style.width = `${Math.round(share * 100)}%`;
}

function renderMyProgress(sets) {
  const byStatus = {};
  for (const aset of sets) byStatus[aset.status] = (byStatus[aset.status] || 0) + 1;
  const others = Object.keys(byStatus).filter((status) => !MY_STATUSES.includes(status));
  const statuses = MY_STATUSES.concat(others);
  const list = document.getElementById("my-progress");
  list.replaceChildren();
  for (const status of statuses) {
    list.append(element("dt", "", STATUS_NAMES[status] || status));
    list.append(element("dd", "", numberFormat.format(byStatus[status] || 0)));
  }
  document.getElementById("my-progress-summary").textContent = sets.length
    ? `You have worked on ${counted(sets.length, "document")}.`
    : "You have not started yet.";
}

/** The caller's annotator sets, by document id (for the "My set" column). */
let mySetStatus = new Map();

async function loadProgress() {
  const project = api("GET", `projects/${projectId}/`);
  const mine = canAnnotate
    ? allResults(
        `sets/?project=${projectId}&kind=annotator&author=${encodeURIComponent(username)}` +
          "&page_size=500",
      )
    : Promise.resolve([]);
  try {
    renderProjectProgress((await project).progress);
  } catch (error) {
    document.getElementById("progress-figure").textContent = "Progress could not be loaded.";
    showMessage(progressMessage, error.message, "error");
  }
  try {
    const sets = await mine;
    mySetStatus = new Map(sets.map((aset) => [aset.document, aset.status]));
    if (canAnnotate) renderMyProgress(sets);
  } catch (error) {
    showMessage(progressMessage, `Your sets could not be loaded: ${error.message}`, "error");
  }
}

// ---- documents ---------------------------------------------------------------------------

const table = document.getElementById("documents");
const tbody = table.querySelector("tbody");
const listStatus = document.getElementById("documents-status");
const documentsMessage = document.getElementById("documents-message");
const pager = document.getElementById("documents-pager");
const previousButton = document.getElementById("documents-previous");
const nextButton = document.getElementById("documents-next");
const searchForm = document.getElementById("document-search");
const searchInput = document.getElementById("document-q");
const clearButton = document.getElementById("document-clear");

const state = { q: new URLSearchParams(window.location.search).get("q") || "", page: 1 };
let loadToken = 0;

function documentRow(doc) {
  const row = document.createElement("tr");
  row.append(element("td", "num", String(doc.position)));
  const titleCell = element("td", "title-cell");
  const link = element("a", doc.title ? "" : "untitled", doc.title || `Document ${doc.id}`);
  link.href = `/projects/${projectId}/documents/${doc.id}/work/`;
  titleCell.append(link);
  row.append(titleCell);
  row.append(element("td", doc.outlet ? "" : "muted", doc.outlet || "—"));
  row.append(element("td", "num", numberFormat.format(doc.length)));
  // Annotator sets submitted out of those needed (what a reviewer waits for), and how many
  // more are open (assigned, not submitted yet).
  const sets = element("td", "num", `${doc.submitted} of ${perDocument}`);
  const open = doc.assigned - doc.submitted;
  if (open > 0) sets.append(element("span", "muted", ` · ${open} open`));
  row.append(sets);
  if (canAnnotate) {
    const cell = element("td");
    const status = mySetStatus.get(doc.id);
    const name = STATUS_NAMES[status] || status;
    const shown = status ? element("span", `status status-${status}`, name) : null;
    cell.append(shown || element("span", "muted", "—"));
    row.append(cell);
  }
  return row;
}

function describeList(count) {
  if (count === 0) {
    return state.q ? `No documents match “${state.q}”.` : "No documents in this project yet.";
  }
  const what = counted(count, "document");
  return state.q ? `${what} match “${state.q}”.` : `${what}, in queue order.`;
}

async function loadDocuments() {
  const token = ++loadToken;
  const params = new URLSearchParams({ page: String(state.page), page_size: String(PAGE_SIZE) });
  if (state.q) params.set("q", state.q);
  listStatus.textContent = "Loading documents…";
  let data;
  try {
    data = await api("GET", `projects/${projectId}/documents/?${params}`);
  } catch (error) {
    if (token !== loadToken) return;
    listStatus.textContent = "";
    showMessage(documentsMessage, `The documents could not be loaded: ${error.message}`, "error");
    return;
  }
  if (token !== loadToken) return; // a newer search answered first
  documentsMessage.textContent = "";
  tbody.replaceChildren(...data.results.map(documentRow));
  table.hidden = data.results.length === 0;
  listStatus.textContent = describeList(data.count);
  const pages = Math.max(1, Math.ceil(data.count / PAGE_SIZE));
  pager.hidden = pages <= 1;
  document.getElementById("documents-page-of").textContent = `Page ${state.page} of ${pages}`;
  previousButton.disabled = !data.previous;
  nextButton.disabled = !data.next;
  clearButton.hidden = !state.q;
}

function search(q) {
  state.q = q.trim();
  state.page = 1;
  const url = new URL(window.location.href);
  if (state.q) url.searchParams.set("q", state.q);
  else url.searchParams.delete("q");
  window.history.replaceState(null, "", url);
  loadDocuments();
}

searchForm.addEventListener("submit", (event) => {
  event.preventDefault();
  search(searchInput.value);
});
clearButton.addEventListener("click", () => {
  searchInput.value = "";
  search("");
  searchInput.focus();
});
previousButton.addEventListener("click", () => {
  state.page = Math.max(1, state.page - 1);
  loadDocuments();
});
nextButton.addEventListener("click", () => {
  state.page += 1;
  loadDocuments();
});

searchInput.value = state.q;
// The "My set" column needs the caller's sets, so the list waits for them (one request).
loadProgress().then(loadDocuments);
if (canAnnotate) showReturnedWork(document.getElementById("returned-work"), projectId);
