// The registry page: the project's sources (GET sources/?q=), adding one (POST), editing one
// in a dialog and deleting one (PATCH, DELETE: managers and reviewers; a source spans still
// link to is refused, and the refusal is shown on its row).

import { api, showMessage } from "./api.js";
import { el } from "./dom.js";
import { AliasList, clearErrors, fillForm, formValues, showFieldErrors } from "./source_forms.js";
import { deleteRefusalWords, entriesFrom, entryBody, kindName, listPath } from "./source_registry_model.js";

const root = document.getElementById("project-sources");
const projectId = root.dataset.projectId;
const canEdit = root.dataset.canEdit === "true"; // managers and reviewers, project not archived
const rows = document.getElementById("source-rows");
const status = document.getElementById("sources-status");
const feedback = document.getElementById("sources-feedback");
const search = document.getElementById("source-search");
const clear = document.getElementById("source-clear");
let query = "";

const entryPath = (entry) => `projects/${projectId}/sources/${entry.id}/`;

function nameCell(entry) {
  const link = el("a", { href: `/projects/${projectId}/sources/${entry.id}/`, text: entry.name });
  return el("td", { class: "source-name" }, link, el("span", { class: "source-key", text: entry.key }));
}

function aliasesCell(entry) {
  if (!entry.aliases?.length) return el("td", { class: "muted", text: "—" });
  return el("td", {}, el("ul", { class: "alias-chips" }, ...entry.aliases.map((alias) => el("li", { text: alias }))));
}

function actionsCell(entry) {
  const cell = el("td", { class: "row-actions" });
  const edit = el("button", { type: "button", "aria-label": `Edit ${entry.name}`, text: "Edit", onclick: () => openEdit(entry, edit) });
  const remove = el("button", { type: "button", class: "danger", "aria-label": `Delete ${entry.name}`, text: "Delete" });
  remove.addEventListener("click", () => {
    // Ask in place, as the people page does: Keep has the focus.
    const yes = el("button", { type: "button", class: "danger", "aria-label": `Yes, delete ${entry.name}`, text: "Yes, delete" });
    const no = el("button", { type: "button", text: "Keep" });
    cell.replaceChildren(el("span", { class: "confirm" }, el("span", { text: `Delete ${entry.name}?` }), yes, no));
    no.focus();
    const back = () => {
      cell.replaceChildren(edit, remove);
      remove.focus();
    };
    no.addEventListener("click", back);
    yes.addEventListener("click", async () => {
      yes.disabled = true;
      try {
        await api("DELETE", entryPath(entry));
        showMessage(feedback, `Deleted ${entry.name}.`);
        await load();
        search.elements.q.focus();
      } catch (error) {
        showMessage(feedback, deleteRefusalWords(entry, error), "error");
        back();
      }
    });
  });
  cell.append(edit, remove);
  return cell;
}

function entryRow(entry) {
  const row = el(
    "tr",
    { dataset: { key: entry.key } },
    nameCell(entry),
    el("td", { class: "nowrap", text: kindName(entry.kind) }),
    el("td", { text: entry.affiliation || "—", class: entry.affiliation ? "" : "muted" }),
    aliasesCell(entry),
    el("td", { class: "num", text: String(entry.spans ?? 0) }),
  );
  if (canEdit) row.append(actionsCell(entry));
  return row;
}

let asked = 0; // the newest list call: an older answer arriving late is dropped

async function load() {
  const mine = ++asked;
  try {
    const entries = entriesFrom(await api("GET", listPath(projectId, query)));
    if (mine !== asked) return;
    rows.replaceChildren(...entries.map(entryRow));
    const n = entries.length;
    const counted = `${n} source${n === 1 ? "" : "s"}`;
    if (query) showMessage(status, n ? `${counted} match “${query}”.` : `No source matches “${query}”.`);
    else showMessage(status, n ? `${counted} in the registry.` : "No sources yet.");
  } catch (error) {
    if (mine !== asked) return;
    rows.replaceChildren();
    showMessage(status, error.message, "error");
  }
}

function setUpSearch() {
  search.addEventListener("submit", (event) => {
    event.preventDefault();
    query = search.elements.q.value.trim();
    clear.hidden = !query;
    load();
  });
  clear.addEventListener("click", () => {
    search.elements.q.value = "";
    query = "";
    clear.hidden = true;
    load();
    search.elements.q.focus();
  });
}

function setUpAdding() {
  const form = document.getElementById("source-add");
  if (!form) return;
  const message = document.getElementById("add-feedback");
  const name = document.getElementById("add-name");
  const aliases = new AliasList("add", name);
  const button = form.querySelector("button[type=submit]");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors("add");
    const made = entryBody(formValues("add", aliases));
    if (made.errors) {
      showFieldErrors("add", made.errors);
      showMessage(message, "Fix the fields marked above.", "error");
      return;
    }
    button.disabled = true;
    try {
      const entry = await api("POST", `projects/${projectId}/sources/`, made.body);
      showMessage(message, `Added ${entry.name} (key ${entry.key}).`);
      form.reset();
      aliases.set([]);
      name.focus();
      await load();
    } catch (error) {
      const shown = showFieldErrors("add", error.details);
      showMessage(message, shown ? `${error.message} Fix the fields marked above.` : error.message, "error");
    } finally {
      button.disabled = false;
    }
  });
  button.disabled = false;
}

// ---- the edit dialog ---------------------------------------------------------------------

const dialog = document.getElementById("source-dialog");
let editing = null;
let returnFocus = null;
let editAliases = null;

function openEdit(entry, opener) {
  editing = entry;
  returnFocus = opener;
  clearErrors("edit");
  document.getElementById("edit-feedback").textContent = "";
  document.getElementById("edit-key").textContent = entry.key;
  fillForm("edit", entry, editAliases);
  dialog.showModal();
  document.getElementById("edit-name").focus();
}

function setUpEditing() {
  if (!dialog) return;
  const form = document.getElementById("source-edit");
  const message = document.getElementById("edit-feedback");
  const save = document.getElementById("edit-save");
  editAliases = new AliasList("edit", document.getElementById("edit-name"));
  document.getElementById("edit-cancel").addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => returnFocus?.focus());
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors("edit");
    const made = entryBody(formValues("edit", editAliases));
    if (made.errors) {
      showFieldErrors("edit", made.errors);
      showMessage(message, "Fix the fields marked above.", "error");
      return;
    }
    save.disabled = true;
    try {
      const entry = await api("PATCH", entryPath(editing), made.body);
      dialog.close();
      showMessage(feedback, `Saved ${entry.name}.`);
      await load();
      rows.querySelector(`tr[data-key="${CSS.escape(entry.key)}"] button`)?.focus();
    } catch (error) {
      const shown = showFieldErrors("edit", error.details);
      showMessage(message, shown ? `${error.message} Fix the fields marked above.` : error.message, "error");
    } finally {
      save.disabled = false;
    }
  });
}

setUpSearch();
setUpAdding();
setUpEditing();
load().then(() => {
  root.dataset.ready = "true";
});
