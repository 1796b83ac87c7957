// The label schema page: the schema edited as forms (schema_form.js) or as JSON (a tab,
// kept in step), a live preview of the workspace panel (schema_preview.js), and saving:
// keys changed in the form go as renames (POST schema/rename/, which moves the stored
// annotations along, with the rest of the edits in the same transaction), other edits as a
// PUT. The server's problems are shown at the fields they name (JSON paths), the rest in
// the status line.

import { ApiError, api, showMessage } from "./api.js";
import { el } from "./dom.js";
import { formFromJson, formFromSchema, formProblems, pretty, renamesOf, schemaFromForm } from "./schema_editor_model.js";
import { SchemaForm } from "./schema_form.js";
import { renderPreview } from "./schema_preview.js";

const root = document.getElementById("schema-editor");
const projectId = root.dataset.projectId;
const formPanel = document.getElementById("schema-form-panel");
const jsonPanel = document.getElementById("schema-json-panel");
const jsonText = document.getElementById("schema-json");
const feedback = document.getElementById("schema-feedback");
const saveButton = document.getElementById("schema-save");
const discardButton = document.getElementById("schema-discard");
const dirtyNote = document.getElementById("schema-dirty");
const renameList = document.getElementById("schema-renames");
const previewSelect = document.getElementById("preview-label");
const previewRoot = document.getElementById("preview-panel");
const tabs = { form: document.getElementById("tab-form"), json: document.getElementById("tab-json") };

let savedText = ""; // the saved schema's JSON, as the JSON tab shows it
let savedForm = ""; // the saved schema as the form writes it (what "unsaved changes" compares to)
let form = null;
let tab = "form";

const schemaForm = new SchemaForm(formPanel, (changed) => {
  form = changed;
  refresh();
});

/** The definition being edited: the form's, or the JSON text's (null when it does not parse). */
function edited() {
  if (tab === "form") return schemaFromForm(form);
  try {
    return JSON.parse(jsonText.value);
  } catch {
    return null;
  }
}

function refresh() {
  const definition = edited();
  if (definition) showPreview(definition);
  if (tab === "form") schemaForm.showProblems(formProblems(form));
  const renames = tab === "form" || definition ? renamesOf(tab === "form" ? form : formFromJson(definition, form)) : [];
  renameList.replaceChildren(...renames.map((r) => el("li", { text: describeRename(r) })));
  renameList.hidden = !renames.length;
  const dirty = tab === "form" ? pretty(definition) !== savedForm : jsonText.value !== savedText;
  dirtyNote.hidden = !dirty;
  discardButton.disabled = !dirty;
}

function describeRename(rename) {
  const owner = rename.kind === "attribute" ? `${rename.label}.` : "";
  const kind = rename.kind.replace("_", " ");
  return `Saving renames ${kind} ${owner}${rename.old} to ${owner}${rename.new} in every stored annotation.`;
}

function showPreview(definition) {
  const keys = (definition.span_labels || []).map((label) => label.key).filter(Boolean);
  const chosen = keys.includes(previewSelect.value) ? previewSelect.value : keys[0] || "";
  previewSelect.replaceChildren(...(definition.span_labels || []).filter((l) => l.key).map((l) => el("option", { value: l.key, selected: l.key === chosen, text: l.name || l.key })));
  try {
    renderPreview(previewRoot, definition, chosen || null);
  } catch {
    // a half-typed definition the panel cannot draw: keep the last preview
  }
}

function load(definition) {
  savedText = pretty(definition);
  form = formFromSchema(definition);
  savedForm = pretty(schemaFromForm(form));
  jsonText.value = savedText;
  schemaForm.render(form);
  refresh();
}

// ---- tabs ---------------------------------------------------------------------------------

function selectTab(name) {
  if (name === tab) return;
  if (name === "json") {
    jsonText.value = pretty(schemaFromForm(form));
  } else {
    let definition;
    try {
      definition = JSON.parse(jsonText.value);
    } catch (error) {
      showMessage(feedback, `The JSON does not parse (${error.message}); fix it to go back to the form.`, "error");
      return;
    }
    form = formFromJson(definition, form);
    schemaForm.render(form);
  }
  tab = name;
  for (const [key, button] of Object.entries(tabs)) {
    button.setAttribute("aria-selected", String(key === name));
    button.tabIndex = key === name ? 0 : -1;
  }
  formPanel.hidden = name !== "form";
  jsonPanel.hidden = name !== "json";
  tabs[name].focus();
  refresh();
}

tabs.form.addEventListener("click", () => selectTab("form"));
tabs.json.addEventListener("click", () => selectTab("json"));
for (const button of Object.values(tabs)) {
  button.addEventListener("keydown", (event) => {
    if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
      event.preventDefault();
      selectTab(tab === "form" ? "json" : "form");
    }
  });
}
jsonText.addEventListener("input", refresh);
previewSelect.addEventListener("change", refresh);

// ---- saving -------------------------------------------------------------------------------

/** The server's problems: schema paths under `details.schema`, drop refusals at the top. */
function serverProblems(error) {
  if (!(error instanceof ApiError)) return {};
  const details = error.details || {};
  const keys = Object.keys(details);
  return keys.length === 1 && keys[0] === "schema" && typeof details.schema === "object" ? details.schema : details;
}

function showFailure(error) {
  const problems = serverProblems(error);
  const rest = tab === "form" ? schemaForm.showProblems(problems) : Object.keys(problems);
  const marked = Object.keys(problems).length > rest.length ? " The problems are marked in the form." : "";
  showMessage(feedback, `${error.message || String(error)}${marked}`, "error");
  if (rest.length) {
    feedback.append(el("ul", {}, ...rest.map((path) => el("li", {}, el("code", { text: path || "(the whole schema)" }), `: ${flatten(problems[path])}`))));
  }
  if (tab !== "form") return;
  const first = formPanel.querySelector(".problem:not([hidden])");
  first?.scrollIntoView({ block: "center" });
  const field = formPanel.querySelector("[aria-invalid=true]");
  if (field) field.focus();
}

function flatten(value) {
  if (Array.isArray(value)) return value.map(flatten).join("; ");
  if (value && typeof value === "object") return Object.entries(value).map(([k, v]) => `${k}: ${flatten(v)}`).join("; ");
  return String(value);
}

async function save() {
  let definition = edited();
  if (tab === "json" && definition === null) {
    showMessage(feedback, "The JSON does not parse: fix it before saving.", "error");
    return;
  }
  if (tab === "json") form = formFromJson(definition, form);
  else {
    const problems = formProblems(form);
    if (Object.keys(problems).length) {
      showFailure(new ApiError(400, "invalid", "Fix the problems marked in the form first.", problems));
      return;
    }
    definition = schemaFromForm(form);
  }
  const renames = renamesOf(form);
  saveButton.disabled = true;
  showMessage(feedback, "Saving…");
  try {
    const saved = renames.length
      ? await api("POST", `projects/${projectId}/schema/rename/`, { renames, definition })
      : await api("PUT", `projects/${projectId}/schema/`, definition);
    load(saved);
    const moved = renames.length ? ` ${renames.length === 1 ? "One rename" : `${renames.length} renames`} carried into the stored annotations.` : "";
    showMessage(feedback, `Saved.${moved}`);
  } catch (error) {
    showFailure(error);
  } finally {
    saveButton.disabled = false;
  }
}

document.getElementById("schema-form").addEventListener("submit", (event) => {
  event.preventDefault();
  save();
});
discardButton.addEventListener("click", () => {
  load(JSON.parse(savedText));
  showMessage(feedback, "Changes discarded.");
});
window.addEventListener("beforeunload", (event) => {
  if (!dirtyNote.hidden) event.preventDefault();
});

async function start() {
  try {
    load(await api("GET", `projects/${projectId}/schema/`));
    document.getElementById("schema-loading").hidden = true;
    for (const id of ["labels-section", "relations-section", "stance-section", "questions-section", "checks-section"]) document.getElementById(id).hidden = false;
    saveButton.disabled = false;
  } catch (error) {
    showFailure(error);
  }
}

start();
