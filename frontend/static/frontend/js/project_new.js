// The "New project" page: the form posts to POST /api/v1/projects/ and opens the new project.
// Live guidelines preview (guidelines_preview.js).
// The schema comes from a preset, a project the person manages (read with GET .../schema/)
// or a JSON file; when it takes stance but names no targets, the form asks for them.

import { api, ApiError, showMessage } from "./api.js";
import { el } from "./dom.js";
import { bindGuidelinesPreview } from "./guidelines_preview.js";
import { createBody, errorsByField, parseSchemaFile, perTargetQuestions, schemaSummary, targetNames, targetsNeeded } from "./project_new_model.js";

const presets = JSON.parse(document.getElementById("presets").textContent);
const form = document.getElementById("project-new");
const $ = (id) => document.getElementById(id);
const feedback = $("new-feedback");

let fileSchema = null; // the uploaded file's schema, once read
let fileProblem = "";
let schemaRead = 0; // guards against an older read answering last
let shownSchema = null; // the schema the summary describes

function source() {
  return form.querySelector("input[name=source]:checked").value;
}

/** The schema the chosen source gives, or null while unknown. */
async function chosenSchema() {
  const from = source();
  if (from === "preset") return presets[$("new-preset").value] || null;
  if (from === "file") return fileSchema;
  const id = $("new-project").value;
  return id ? api("GET", `projects/${id}/schema/`) : null;
}

function showSchemaErrors(lines) {
  const box = $("schema-errors");
  box.replaceChildren();
  if (!lines.length) {
    delete box.dataset.kind;
    box.removeAttribute("role");
    return;
  }
  box.dataset.kind = "error";
  box.setAttribute("role", "alert");
  box.append(el("p", { text: "The schema is not valid:" }), el("ul", {}, ...lines.map((line) => el("li", { text: line }))));
}

async function schemaChanged() {
  const ticket = ++schemaRead;
  showSchemaErrors(source() === "file" && fileProblem ? [fileProblem] : []);
  let schema = null;
  try {
    schema = await chosenSchema();
  } catch (error) {
    showSchemaErrors([error.message]);
  }
  if (ticket !== schemaRead) return;
  shownSchema = schema;
  const ask = targetsNeeded(schema);
  $("targets").hidden = !ask;
  showSummary();
  if (ask) {
    const questions = perTargetQuestions(schema);
    $("targets-hint").textContent = questions.length
      ? `This schema asks “${questions.join("”, “")}” once per target; without targets that question does not appear. Add the main actors now, or later in the schema.`
      : "Stance can be taken toward these targets as well as toward claims.";
  }
}

function showSummary() {
  const typed = $("targets").hidden ? [] : targetNames($("new-targets").value);
  $("schema-summary").textContent = shownSchema ? schemaSummary(shownSchema, typed) : source() === "file" ? "Choose a JSON file." : "";
}

async function fileChosen() {
  const file = $("new-schema-file").files[0];
  fileSchema = null;
  fileProblem = "";
  if (file) {
    $("source-file").checked = true;
    const parsed = parseSchemaFile(await file.text());
    fileSchema = parsed.schema || null;
    fileProblem = parsed.error || "";
  }
  schemaChanged();
}

function clearErrors() {
  for (const box of form.querySelectorAll(".field-error")) box.textContent = "";
  for (const input of form.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
  showSchemaErrors([]);
}

function showErrors(details) {
  const placed = errorsByField(details);
  let first = null;
  for (const [field, message] of Object.entries(placed.fields)) {
    const box = form.querySelector(`.field-error[data-field="${field}"]`);
    if (!box) {
      placed.other.push(`${field}: ${message}`);
      continue;
    }
    box.textContent = message;
    const input = $(box.id.replace(/-error$/, ""));
    if (input) {
      input.setAttribute("aria-invalid", "true");
      first = first || input;
    }
  }
  showSchemaErrors([...placed.schema, ...placed.other]);
  return first;
}

async function submit(event) {
  event.preventDefault();
  clearErrors();
  if (!$("new-name").value.trim()) {
    showErrors({ name: "A project needs a name." });
    $("new-name").focus();
    return;
  }
  if (source() === "file" && !fileSchema) {
    showSchemaErrors([fileProblem || "Choose a schema file, or another source."]);
    $("new-schema-file").focus();
    return;
  }
  const body = createBody({
    name: $("new-name").value,
    description: $("new-description").value,
    guidelines: $("new-guidelines").value,
    annotatorsPerDocument: $("new-annotators").value,
    blind: $("new-blind").checked,
    source: source(),
    preset: $("new-preset").value,
    project: $("new-project").value,
    fileSchema,
    askTargets: !$("targets").hidden,
    targets: $("new-targets").value,
  });
  const button = $("create-project");
  button.disabled = true;
  showMessage(feedback, "Creating the project…");
  try {
    const project = await api("POST", "projects/", body);
    showMessage(feedback, `Created “${project.name}”. Opening it…`);
    window.location.assign(`/projects/${project.id}/`);
  } catch (error) {
    button.disabled = false;
    const first = error instanceof ApiError ? showErrors(error.details) : null;
    showMessage(feedback, error.message, "error");
    (first || feedback).focus?.();
  }
}

form.addEventListener("submit", submit);
for (const radio of form.querySelectorAll("input[name=source]")) radio.addEventListener("change", schemaChanged);
$("new-preset").addEventListener("change", () => {
  $("source-preset").checked = true;
  schemaChanged();
});
$("new-project").addEventListener("change", () => {
  $("source-project").checked = true;
  schemaChanged();
});
$("new-schema-file").addEventListener("change", fileChosen);
$("new-targets").addEventListener("input", showSummary);
bindGuidelinesPreview($("new-guidelines"), $("guidelines-preview"));
schemaChanged();
$("new-name").focus();
