// The Add documents page: choose or drop files (a zip too), pick or name the story, upload
// with a progress bar (XMLHttpRequest: fetch reports no upload progress), then a report per
// file, and two look-alike texts side by side in a dialog. The report's words and the
// shared sentences come from add_documents_model.js.

import { api, ApiError } from "./api.js";
import { el } from "./dom.js";
import { postWithProgress } from "./upload.js";
import {
  dateWord,
  documentStatus,
  fileReports,
  lineWord,
  percent,
  removedByRule,
  sharedPieces,
  summaryWords,
  zoneWords,
} from "./add_documents_model.js";

const root = document.getElementById("add-documents");
const projectId = root.dataset.projectId;
const form = document.getElementById("add-form");
const input = document.getElementById("add-files");
const zone = document.getElementById("drop-zone");
const chosenLine = document.getElementById("chosen-files");
const progress = document.getElementById("add-progress");
const stage = document.getElementById("add-stage");
const message = document.getElementById("add-message");
const submit = document.getElementById("add-submit");
const result = document.getElementById("add-result");
const heading = document.getElementById("add-result-heading");
const summary = document.getElementById("add-summary");
const reports = document.getElementById("file-reports");
const dialog = document.getElementById("compare-dialog");
const columns = document.getElementById("compare-columns");

let chosen = []; // File objects, from the input or dropped

function showChosen() {
  if (!chosen.length) {
    chosenLine.textContent = "No files chosen.";
    return;
  }
  const kib = Math.max(1, Math.round(chosen.reduce((sum, file) => sum + file.size, 0) / 1024));
  const names = chosen.slice(0, 6).map((file) => file.name).join(", ");
  const more = chosen.length > 6 ? ` and ${chosen.length - 6} more` : "";
  chosenLine.textContent = `${chosen.length} file${chosen.length === 1 ? "" : "s"} (${kib} KiB): ${names}${more}`;
}

input.addEventListener("change", () => {
  chosen = [...input.files];
  showChosen();
});
for (const name of ["dragenter", "dragover"]) {
  zone.addEventListener(name, (event) => {
    event.preventDefault();
    zone.classList.add("dragging");
  });
}
zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
zone.addEventListener("drop", (event) => {
  event.preventDefault();
  zone.classList.remove("dragging");
  chosen = [...event.dataTransfer.files];
  input.value = "";
  showChosen();
});

/** POST the files with upload progress; resolves {status, json}. */
function upload(data) {
  return postWithProgress(`/api/v1/projects/${projectId}/documents/import/`, data, {
    onProgress: (percent) => {
      progress.value = percent;
      stage.textContent = `Uploading… ${percent}%`;
    },
    onSent: () => {
      progress.value = 100;
      stage.textContent = "Uploaded. Cleaning and storing…";
    },
  });
}

function say(text) {
  message.textContent = text;
  message.dataset.kind = text ? "error" : "";
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  if (!chosen.length) {
    say("Choose or drop at least one file first.");
    input.focus();
    return;
  }
  say("");
  const data = new FormData();
  for (const file of chosen) data.append("files", file);
  const story = document.getElementById("add-story").value.trim();
  if (story) data.set("story", story);
  data.set("clean", document.getElementById("add-clean").checked ? "true" : "false");
  data.set("details", "true");
  submit.disabled = true;
  progress.hidden = false;
  progress.value = 0;
  stage.textContent = "Uploading…";
  const { status, json } = await upload(data);
  submit.disabled = false;
  if (status === 201) {
    stage.textContent = "Done.";
    showReport(json);
    return;
  }
  progress.hidden = true;
  stage.textContent = "";
  say(failureWords(status, json));
});

function failureWords(status, json) {
  if (status === 0) {
    return "The connection failed before the server answered. Check the project's documents before trying again: adding the same files twice adds nothing twice.";
  }
  const error = json && json.error;
  if (!error) return `The server answered ${status}: nothing was added.`;
  const details = Object.entries(error.details || {}).map(([field, problems]) => `${field}: ${[].concat(problems).join(" ")}`);
  return [error.message, ...details].join(" ");
}

function showReport(report) {
  result.hidden = false;
  summary.textContent = summaryWords(report);
  reports.replaceChildren(...fileReports(report).map(fileItem));
  heading.focus();
}

const SHOWN = 100; // documents, repeats and problems listed per file; the rest are counted

function fileItem(entry) {
  const parts = [el("h3", { class: "file-name" }, el("code", { text: entry.file || "(the upload)" }))];
  parts.push(...entry.documents.slice(0, SHOWN).map(documentBlock), more(entry.documents.length, "documents, added as listed above"));
  parts.push(...entry.repeated.slice(0, SHOWN).map((issue) => issueLine("repeated", "Not added again", issue)), more(entry.repeated.length, "repeats"));
  parts.push(...entry.errors.slice(0, SHOWN).map((issue) => issueLine("problem", "Not added", issue)), more(entry.errors.length, "problems"));
  return el("li", { class: "file-report" }, ...parts.filter(Boolean));
}

function more(count, what) {
  return count > SHOWN ? el("p", { class: "hint", text: `And ${count - SHOWN} more ${what}.` }) : null;
}

function issueLine(kind, label, issue) {
  const where = lineWord(issue.line);
  return el("p", { class: `issue ${kind}` }, el("strong", { text: `${label}${where ? ` (${where})` : ""}: ` }), issue.message);
}

function documentBlock(entry) {
  const status = documentStatus(entry);
  const facts = [
    ["Title", entry.title || "(none found)"],
    ["Outlet", entry.outlet || "(none found)"],
    ["Date", dateWord(entry.published_at) || "(none found)"],
    ["Zones", zoneWords(entry.zones)],
  ];
  if (entry.story) facts.push(["Story", entry.story]);
  const list = el("dl", { class: "facts" }, ...facts.flatMap(([name, value]) => [el("dt", { text: name }), el("dd", { text: value })]));
  const where = lineWord(entry.line);
  const head = el(
    "p",
    { class: "document-head" },
    el("span", { class: `badge ${status.kind}`, text: status.text }),
    where ? ` ${where} · ` : " ",
    el("a", { href: `/projects/${projectId}/documents/${entry.id}/work/`, text: "Open in the workspace" }),
  );
  return el("div", { class: "document-report", dataset: { documentId: String(entry.id) } }, head, list, removedBlock(entry), resemblesBlock(entry));
}

function removedBlock(entry) {
  if (!entry.created) return null;
  const groups = removedByRule(entry.removed);
  if (!groups.length) return el("p", { class: "hint", text: "Cleaning removed nothing." });
  const total = groups.reduce((sum, group) => sum + group.lines.length, 0);
  return el(
    "div",
    { class: "removed" },
    el("p", { class: "removed-head", text: `Cleaning removed ${total} line${total === 1 ? "" : "s"}:` }),
    ...groups.map((group) =>
      el(
        "details",
        {},
        el("summary", { text: `${group.label} (${group.lines.length})` }),
        el("ul", {}, ...group.lines.map((line) => el("li", {}, el("span", { class: "line-no", text: `line ${line.line}` }), " ", el("q", { text: line.text })))),
      ),
    ),
  );
}

function resemblesBlock(entry) {
  if (!entry.resembles || !entry.resembles.length) return null;
  return el(
    "div",
    { class: "resembles" },
    ...entry.resembles.map((other) =>
      el(
        "p",
        {},
        el("strong", { text: "Near-duplicate: " }),
        `resembles “${other.title || `document ${other.id}`}”${other.outlet ? ` (${other.outlet})` : ""}, ${percent(other.similarity)} of clauses shared. `,
        el("button", { type: "button", class: "compare", text: "Compare side by side", onclick: (event) => compare(entry, other, event.currentTarget) }),
      ),
    ),
  );
}

async function compare(entry, other, opener) {
  columns.replaceChildren(el("p", { class: "hint", text: "Loading both texts…" }));
  dialog.showModal();
  try {
    const [left, right] = await Promise.all([api("GET", `documents/${entry.id}/`), api("GET", `documents/${other.id}/`)]);
    columns.replaceChildren(column(left, right.text), column(right, left.text));
  } catch (error) {
    columns.replaceChildren(el("p", { class: "feedback", text: error instanceof ApiError ? error.message : String(error) }));
  }
  dialog.addEventListener("close", () => opener.focus(), { once: true });
}

function column(document, otherText) {
  const text = el("div", { class: "compare-text" }, ...sharedPieces(document.text, otherText).map((piece) => (piece.shared ? el("mark", { text: piece.text }) : piece.text)));
  return el(
    "section",
    { class: "compare-column", "aria-label": document.title || `Document ${document.id}` },
    el("h3", { text: document.title || `Document ${document.id}` }),
    el("p", { class: "hint", text: [document.outlet, dateWord(document.published_at)].filter(Boolean).join(" · ") }),
    text,
  );
}

document.getElementById("compare-close").addEventListener("click", () => dialog.close());

// Every listener is in place: a test (or a fast hand) may choose files from now on.
root.dataset.ready = "true";
