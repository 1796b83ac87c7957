// The documents page's dialogs: Edit (PATCH .../documents/{id}/ with only the changed
// fields; the server's errors shown under their fields) and Remove (DELETE; a document
// with submitted work is refused with the count, then "Remove and archive its sets" sends
// confirm=true).

import { api, showMessage } from "./api.js";
import { changesFrom, fieldErrors, formValues } from "./document_list_model.js";

const FIELDS = { title: "doc-title", outlet: "doc-outlet", story: "doc-story", published_at: "doc-date", url: "doc-url", language: "doc-language" };

const edit = {
  dialog: document.getElementById("edit-dialog"),
  form: document.getElementById("edit-form"),
  message: document.getElementById("edit-message"),
  row: null,
};
const removal = {
  dialog: document.getElementById("remove-dialog"),
  message: document.getElementById("remove-message"),
  row: null,
};
let hooks = null;
let returnFocus = null;

function clearErrors() {
  for (const id of Object.values(FIELDS)) {
    document.getElementById(id).removeAttribute("aria-invalid");
    document.getElementById(`${id}-error`).textContent = "";
  }
  edit.message.textContent = "";
}

function showErrors(details, fallback) {
  const errors = fieldErrors(details);
  let first = null;
  for (const [name, text] of Object.entries(errors)) {
    const id = FIELDS[name];
    if (!id) continue;
    document.getElementById(id).setAttribute("aria-invalid", "true");
    document.getElementById(`${id}-error`).textContent = text;
    first = first || document.getElementById(id);
  }
  showMessage(edit.message, first ? "Fix the fields marked above." : fallback, "error");
  first?.focus();
}

export function openEditDialog(row) {
  returnFocus = document.activeElement;
  edit.row = row;
  clearErrors();
  for (const [name, value] of Object.entries(formValues(row))) document.getElementById(FIELDS[name]).value = value;
  edit.dialog.showModal();
  document.getElementById("doc-title").focus();
}

async function save(event) {
  event.preventDefault();
  clearErrors();
  const values = Object.fromEntries(Object.entries(FIELDS).map(([name, id]) => [name, document.getElementById(id).value]));
  if (!values.title.trim()) {
    showErrors({ title: "A title is required." }, "");
    return;
  }
  const changes = changesFrom(edit.row, values);
  if (!Object.keys(changes).length) {
    edit.dialog.close();
    return;
  }
  const button = document.getElementById("edit-save");
  button.disabled = true;
  try {
    const row = await api("PATCH", `projects/${hooks.projectId}/documents/${edit.row.id}/`, changes);
    edit.dialog.close();
    hooks.onSaved(row);
  } catch (error) {
    showErrors(error.details, error.message);
  } finally {
    button.disabled = false;
  }
}

export function openRemoveDialog(row) {
  returnFocus = document.activeElement;
  removal.row = row;
  document.getElementById("remove-what").textContent = `“${row.title || "untitled"}” (${row.submitted} submitted of ${row.assigned} assigned annotation sets).`;
  removal.message.textContent = "";
  document.getElementById("remove-confirm").hidden = false;
  document.getElementById("remove-anyway").hidden = true;
  removal.dialog.showModal();
  document.getElementById("remove-cancel").focus();
}

async function remove(confirm) {
  const query = confirm ? "?confirm=true" : "";
  try {
    const answer = await api("DELETE", `projects/${hooks.projectId}/documents/${removal.row.id}/${query}`);
    removal.dialog.close();
    hooks.onRemoved(removal.row, answer.archived_sets);
  } catch (error) {
    showMessage(removal.message, error.message, "error");
    if (error.status === 409 && error.details?.status === "submitted") {
      document.getElementById("remove-confirm").hidden = true;
      const anyway = document.getElementById("remove-anyway");
      anyway.hidden = false;
      anyway.focus();
    }
  }
}

export function setUpDialogs(callbacks) {
  hooks = callbacks;
  edit.form.addEventListener("submit", save);
  document.getElementById("edit-cancel").addEventListener("click", () => edit.dialog.close());
  document.getElementById("remove-confirm").addEventListener("click", () => remove(false));
  document.getElementById("remove-anyway").addEventListener("click", () => remove(true));
  document.getElementById("remove-cancel").addEventListener("click", () => removal.dialog.close());
  for (const dialog of [edit.dialog, removal.dialog]) {
    dialog.addEventListener("close", () => {
      if (returnFocus?.isConnected) returnFocus.focus();
    });
  }
}
