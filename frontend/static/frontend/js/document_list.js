// The documents page: the project's queue a page at a time (GET .../documents/), filters,
// the selection ("Annotate these first": POST .../documents/order/), a row's arrows (and
// Alt+Up / Alt+Down on its row) moving it by one place, and the Edit and Remove dialogs
// (document_dialogs.js).

import { api, showMessage } from "./api.js";
import { el, element } from "./dom.js";
import { openEditDialog, openRemoveDialog, setUpDialogs } from "./document_dialogs.js";
import { REVIEW_NAMES, dayOf, listPath, pageCount, pageSummary, toggled } from "./document_list_model.js";

const root = document.getElementById("project-documents-page");
const projectId = root.dataset.projectId;
const choices = JSON.parse(document.getElementById("document-choices").textContent);
const message = document.getElementById("documents-message");
const status = document.getElementById("documents-status");
const form = document.getElementById("document-filters");
const tbody = document.querySelector("#documents-table tbody");

const state = { page: 1, count: 0, rows: [], selection: [], filters: { q: "", story: "" } };

function fillChoices() {
  const storySelect = document.getElementById("filter-story");
  for (const story of choices.stories) storySelect.append(el("option", { value: story.id, text: story.name }));
  document.getElementById("story-names").replaceChildren(...choices.stories.map((s) => el("option", { value: s.name })));
  document.getElementById("outlet-names").replaceChildren(...choices.outlets.map((name) => el("option", { value: name })));
}

async function load({ focus = null } = {}) {
  status.textContent = "Loading…";
  try {
    const data = await api("GET", listPath(projectId, { ...state.filters, page: state.page }));
    state.count = data.count;
    state.rows = data.results;
  } catch (error) {
    status.textContent = "";
    showMessage(message, error.message, "error");
    return;
  }
  render();
  if (focus) tbody.querySelector(focus)?.focus();
}

function cell(text, className = "") {
  return text ? element("td", className, text) : element("td", `muted ${className}`.trim(), "—");
}

function renderRow(row) {
  const picked = state.selection.includes(row.id);
  const tr = el("tr", { dataset: { document: row.id }, class: picked ? "picked" : undefined });
  const box = el("input", {
    type: "checkbox",
    id: `pick-${row.id}`,
    "aria-label": `Select ${row.title || "untitled document"}`,
    onchange: (event) => select(row.id, event.target.checked),
  });
  box.checked = picked;
  const title = row.title ? element("td", "title-cell", row.title) : element("td", "title-cell untitled", "untitled");
  const review = row.review_status;
  tr.append(
    el("td", {}, box),
    element("td", "num", String(row.position)),
    title,
    cell(row.outlet),
    cell(row.story_name),
    cell(dayOf(row.published_at), "nowrap"),
    cell(row.language),
    element("td", "num nowrap", `${row.assigned} / ${row.submitted}`),
    el("td", {}, element("span", `review-state review-${review}`, REVIEW_NAMES[review] || review)),
    el(
      "td",
      { class: "row-actions" },
      el("button", { type: "button", class: "arrow move-up", "aria-label": `Move ${row.title || "document"} up`, title: "Move up (Alt+Up)", text: "↑", onclick: () => move(row.id, "up") }),
      el("button", { type: "button", class: "arrow move-down", "aria-label": `Move ${row.title || "document"} down`, title: "Move down (Alt+Down)", text: "↓", onclick: () => move(row.id, "down") }),
      el("button", { type: "button", class: "edit", text: "Edit", "aria-label": `Edit ${row.title || "document"}`, onclick: () => openEditDialog(row) }),
      el("button", { type: "button", class: "danger remove", text: "Remove", "aria-label": `Remove ${row.title || "document"}`, onclick: () => openRemoveDialog(row) }),
    ),
  );
  tr.addEventListener("keydown", (event) => {
    if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    event.preventDefault();
    move(row.id, event.key === "ArrowUp" ? "up" : "down");
  });
  return tr;
}

function render() {
  tbody.replaceChildren(...state.rows.map(renderRow));
  if (!state.rows.length) {
    const empty = state.filters.q || state.filters.story ? "No document matches." : "No documents yet: add some from the project page.";
    tbody.append(el("tr", {}, el("td", { colspan: 10, class: "muted", text: empty })));
  }
  status.textContent = pageSummary(state.count, state.page);
  const pages = pageCount(state.count);
  document.getElementById("documents-pager").hidden = pages <= 1;
  document.getElementById("page-of").textContent = `Page ${state.page} of ${pages}`;
  document.getElementById("page-previous").disabled = state.page <= 1;
  document.getElementById("page-next").disabled = state.page >= pages;
  renderSelection();
}

function renderSelection() {
  const n = state.selection.length;
  document.getElementById("selected-count").textContent = n ? `${n} selected (in the order you ticked them).` : "No document selected.";
  document.getElementById("put-first").disabled = n === 0;
  document.getElementById("clear-selection").disabled = n === 0;
}

function select(id, on) {
  state.selection = toggled(state.selection, id, on);
  tbody.querySelector(`tr[data-document="${id}"]`)?.classList.toggle("picked", on);
  renderSelection();
}

async function order(documents, move) {
  return api("POST", `projects/${projectId}/documents/order/`, { documents, move });
}

async function move(id, direction) {
  try {
    await order([id], direction);
  } catch (error) {
    showMessage(message, error.message, "error");
    return;
  }
  showMessage(message, `Moved ${direction}.`);
  await load({ focus: `tr[data-document="${id}"] .move-${direction}` });
  tbody.querySelector(`tr[data-document="${id}"]`)?.classList.add("moved");
}

async function putFirst() {
  const documents = state.selection;
  try {
    await order(documents, "first");
  } catch (error) {
    showMessage(message, error.message, "error");
    return;
  }
  const n = documents.length;
  showMessage(message, `${n} document${n === 1 ? " is" : "s are"} now first in the queue: annotators get ${n === 1 ? "it" : "them"} next.`);
  state.selection = [];
  state.page = 1;
  await load();
  for (const id of documents) tbody.querySelector(`tr[data-document="${id}"]`)?.classList.add("moved");
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const data = new FormData(form);
  state.filters = { q: String(data.get("q") || ""), story: String(data.get("story") || "") };
  state.page = 1;
  load();
});
document.getElementById("filter-story").addEventListener("change", () => form.requestSubmit());
document.getElementById("put-first").addEventListener("click", putFirst);
document.getElementById("clear-selection").addEventListener("click", () => {
  state.selection = [];
  render();
});
document.getElementById("page-previous").addEventListener("click", () => {
  state.page -= 1;
  load();
});
document.getElementById("page-next").addEventListener("click", () => {
  state.page += 1;
  load();
});

fillChoices();
setUpDialogs({
  projectId,
  onSaved: (row) => {
    showMessage(message, `Saved “${row.title}”.`);
    load({ focus: `tr[data-document="${row.id}"] .edit` });
  },
  onRemoved: (row, archived) => {
    const sets = archived ? ` ${archived} annotation set${archived === 1 ? "" : "s"} archived.` : "";
    showMessage(message, `Removed “${row.title || "untitled"}” from the project.${sets}`);
    state.selection = state.selection.filter((id) => id !== row.id);
    load();
  },
  onError: (error) => showMessage(message, error.message, "error"),
});
load();
