// The import page: pick a format, upload files with a progress bar, then show what was
// imported, or every problem with its file and line (nothing is imported then).

import { api, ApiError } from "./api.js";
import { el } from "./dom.js";
import { postWithProgress } from "./upload.js";

const HINTS = {
  jsonl: "A Claimlens JSONL export: the project's schema, documents and every set.",
  schema: "A schema as JSON. It replaces the schema of a project that has no annotations yet.",
  brat: "A .zip of the brat project folder: one folder per annotator, or one folder of .txt/.ann pairs.",
  "label-studio": "Label Studio's JSON export (offsets in UTF-16 units, converted on import).",
  doccano: "doccano JSONL: {\"text\", \"label\": [[start, end, label]]} per line (offsets in UTF-16 units).",
  "mapped-jsonl": "Any JSONL: say below where the text, spans and stances are.",
};
const SHOWN = 200;

const root = document.getElementById("project-import");
const projectId = root.dataset.projectId;
const form = document.getElementById("import-form");
const format = document.getElementById("import-format");
const hint = document.getElementById("format-hint");
const mappingField = document.getElementById("mapping-field");
const bratFields = document.getElementById("brat-fields");
const progress = document.getElementById("import-progress");
const stage = document.getElementById("import-stage");
const result = document.getElementById("import-result");
const heading = document.getElementById("result-heading");
const body = document.getElementById("result-body");

function formatChanged() {
  hint.textContent = HINTS[format.value] || "";
  mappingField.hidden = format.value !== "mapped-jsonl";
  bratFields.hidden = format.value !== "brat";
}

async function loadFormats() {
  const formats = await api("GET", "formats/");
  format.replaceChildren(
    ...formats.import.map((f) => {
      const option = el("option", { value: f.name, text: f.unavailable ? `${f.title} (unavailable here)` : f.title });
      option.disabled = Boolean(f.unavailable); // the page says why
      return option;
    }),
  );
  formatChanged();
}

/** POST the form with upload progress; resolves {status, json}. */
function upload(data) {
  return postWithProgress(`/api/v1/projects/${projectId}/import/`, data, {
    onProgress: (percent) => {
      progress.value = percent;
      stage.textContent = `Uploading… ${percent}%`;
    },
    onSent: () => {
      progress.removeAttribute("value"); // indeterminate while the server checks and writes
      stage.textContent = "Checking and importing…";
    },
  });
}

function issueList(issues, total) {
  const items = issues.slice(0, SHOWN).map((issue) => {
    const where = issue.line ? `${issue.file}:${issue.line}` : issue.file || "file";
    return el("li", {}, el("code", { text: where }), ` ${issue.message}`);
  });
  if (total > SHOWN) items.push(el("li", { text: `and ${total - SHOWN} more` }));
  return el("ul", { class: "problems" }, ...items);
}

function showSuccess(report) {
  result.classList.remove("result-failed");
  heading.textContent = "Imported";
  const rows = Object.entries(report.counts).map(([name, value]) =>
    el("tr", {}, el("th", { scope: "row", text: name.replaceAll("_", " ") }), el("td", { text: String(value) })),
  );
  const parts = [el("table", { class: "counts" }, el("tbody", {}, ...rows))];
  if (report.schema_replaced) parts.push(el("p", { text: "The project took the file's schema." }));
  if (report.users_created.length) {
    parts.push(el("p", { text: `New users (no password yet): ${report.users_created.join(", ")}` }));
  }
  if (report.notes.length) {
    parts.push(el("h3", { text: "Read but not imported" }), issueList(report.notes, report.notes.length));
  }
  body.replaceChildren(...parts);
}

function showFailure(message, details) {
  result.classList.add("result-failed");
  heading.textContent = "Nothing was imported";
  const parts = [el("p", { text: message })];
  if (details && details.add_documents_url) {
    // Raw articles: one pointer instead of a problem per line
    parts.push(el("p", {}, el("a", { class: "button primary", id: "raw-articles-link", href: details.add_documents_url, text: "Add them as documents" })));
  } else if (details && details.errors) parts.push(issueList(details.errors, details.error_count));
  else if (details) {
    const lines = Object.entries(details).map(([field, problems]) => `${field}: ${[].concat(problems).join(" ")}`);
    parts.push(el("ul", { class: "problems" }, ...lines.map((line) => el("li", { text: line }))));
  }
  body.replaceChildren(...parts);
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const data = new FormData(form);
  data.set("keep_schema", document.getElementById("import-keep-schema").checked ? "true" : "false");
  data.set("update_metadata", document.getElementById("import-update-metadata").checked ? "true" : "false");
  if (format.value !== "mapped-jsonl") data.delete("mapping");
  if (format.value !== "brat") for (const name of ["annotator_from", "texts", "event_mapping"]) data.delete(name);
  for (const name of ["author", "encoding", "annotator_from", "texts", "event_mapping"]) {
    if (!String(data.get(name) ?? "").trim()) data.delete(name);
  }
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  progress.hidden = false;
  progress.value = 0;
  stage.textContent = "Uploading…";
  const { status, json } = await upload(data);
  button.disabled = false;
  progress.hidden = true;
  stage.textContent = "";
  result.hidden = false;
  if (status === 201) showSuccess(json);
  else if (json && json.error) showFailure(json.error.message, json.error.details);
  else showFailure(status === 0 ? "The server could not be reached." : `The server answered ${status}.`);
  heading.focus();
});

format.addEventListener("change", formatChanged);
loadFormats().catch((error) => {
  showFailure(error instanceof ApiError ? error.message : String(error));
  result.hidden = false;
});

// Every listener is in place: a test (or a fast hand) may use the form from now on.
root.dataset.ready = "true";
