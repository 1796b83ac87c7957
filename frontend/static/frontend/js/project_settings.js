// Project settings for managers: the project's fields, its members and roles, and the label
// schema as JSON (view, download, upload, edit). Every API error is shown with its details.

import { api, ApiError, showMessage } from "./api.js";
import { element } from "./dom.js";

const ROLES = ["annotator", "reviewer", "manager"];
const MAX_SCHEMA_BYTES = 2 * 1024 * 1024;

const root = document.getElementById("project-settings");
const projectId = root.dataset.projectId;
const me = root.dataset.username;

function joinPath(parent, key) {
  if (!parent) return key;
  if (!key) return parent;
  return key.startsWith("[") ? `${parent}${key}` : `${parent}.${key}`;
}

/** The error envelope's `details` as [path, message] pairs, however deeply they nest. */
function flattenDetails(value, path = "") {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) {
    if (value.every((item) => item === null || typeof item !== "object")) {
      return value.length ? [[path, value.join(" ")]] : [];
    }
    return value.flatMap((item, i) => flattenDetails(item, `${path}[${i}]`));
  }
  if (typeof value === "object") {
    const entries = Object.entries(value);
    return entries.flatMap(([key, item]) => flattenDetails(item, joinPath(path, key)));
  }
  return [[path, String(value)]];
}

/** Show an error (role=alert): its message, then every detail with its path. */
function showError(target, error, { wholeLabel = "(whole request)" } = {}) {
  const message = error instanceof Error ? error.message : String(error);
  showMessage(target, message, "error");
  const details = error instanceof ApiError ? flattenDetails(error.details) : [];
  const [first] = details;
  if (!details.length || (details.length === 1 && `${first[0]}: ${first[1]}` === message)) {
    return details;
  }
  const list = element("ul");
  for (const [path, text] of details) {
    const item = element("li");
    item.append(element("code", "", path || wholeLabel), document.createTextNode(`: ${text}`));
    list.append(item);
  }
  target.append(list);
  return details;
}

function showSaved(target, text = "Saved") {
  showMessage(target, text, "info");
}

// ---- the project's fields ----------------------------------------------------------------

const projectForm = document.getElementById("project-form");
const projectFeedback = document.getElementById("project-feedback");

projectForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  const fields = projectForm.elements;
  const value = (name) => fields.namedItem(name).value;
  const body = {
    name: value("name"),
    description: value("description"),
    guidelines: value("guidelines"),
    annotators_per_document: Number(value("annotators_per_document")),
    blind: fields.namedItem("blind").checked,
  };
  for (const field of Object.keys(body)) fields.namedItem(field).removeAttribute("aria-invalid");
  const button = projectForm.querySelector("button[type=submit]");
  button.disabled = true;
  showMessage(projectFeedback, "Saving…");
  try {
    const project = await api("PATCH", `projects/${projectId}/`, body);
    document.getElementById("project-home-link").textContent = project.name;
    showSaved(projectFeedback);
  } catch (error) {
    for (const [path] of showError(projectFeedback, error)) {
      const field = fields.namedItem(path.split(/[.[]/)[0]);
      if (field) field.setAttribute("aria-invalid", "true");
    }
  } finally {
    button.disabled = false;
  }
});

// ---- members -----------------------------------------------------------------------------

const memberRows = document.getElementById("member-rows");
const memberForm = document.getElementById("member-add");
const membersFeedback = document.getElementById("members-feedback");

const memberPath = (username) => `projects/${projectId}/members/${encodeURIComponent(username)}/`;

function roleSelect(member) {
  const select = element("select");
  select.setAttribute("aria-label", `Role of ${member.username}`);
  for (const role of ROLES) {
    const option = element("option", "", role);
    option.value = role;
    option.selected = role === member.role;
    select.append(option);
  }
  select.addEventListener("change", async () => {
    const role = select.value;
    select.disabled = true;
    try {
      await api("PATCH", memberPath(member.username), { role });
      member.role = role;
      const demotedMyself = member.username === me && role !== "manager";
      const note = demotedMyself ? " You are no longer a manager." : "";
      showSaved(membersFeedback, `Saved: ${member.username} is now ${role}.${note}`);
    } catch (error) {
      select.value = member.role; // the server refused: show the role it still has
      showError(membersFeedback, error);
    } finally {
      select.disabled = false;
    }
  });
  return select;
}

function removeControls(member, cell, row) {
  const remove = element("button", "danger", "Remove");
  remove.type = "button";
  remove.setAttribute("aria-label", `Remove ${member.username}`);
  remove.addEventListener("click", () => {
    // Ask in place, not in a dialog: the row shows the question and two buttons.
    const confirm = element("span", "confirm");
    const yes = element("button", "danger", "Yes, remove");
    yes.type = "button";
    yes.setAttribute("aria-label", `Yes, remove ${member.username}`);
    const no = element("button", "", "Keep");
    no.type = "button";
    confirm.append(element("span", "", `Remove ${member.username}?`), yes, no);
    cell.replaceChildren(confirm);
    no.focus();
    no.addEventListener("click", () => {
      cell.replaceChildren(remove);
      remove.focus();
    });
    yes.addEventListener("click", async () => {
      yes.disabled = true;
      try {
        await api("DELETE", memberPath(member.username));
        if (member.username === me) {
          // This page is no longer yours to read: say so instead of failing to reload.
          row.remove();
          showSaved(membersFeedback, "You left the project.");
          return;
        }
        showSaved(membersFeedback, `Removed ${member.username}.`);
        await loadMembers();
        memberForm.elements.username.focus();
      } catch (error) {
        showError(membersFeedback, error);
        cell.replaceChildren(remove);
        remove.focus();
      }
    });
  });
  cell.replaceChildren(remove);
}

function memberRow(member) {
  const row = element("tr");
  const name = element("td", "", member.username);
  if (member.username === me) name.append(element("span", "you", "(you)"));
  const roleCell = element("td");
  roleCell.append(roleSelect(member));
  const actions = element("td", "row-actions");
  removeControls(member, actions, row);
  row.append(name, roleCell, actions);
  return row;
}

async function loadMembers() {
  try {
    const members = await api("GET", `projects/${projectId}/members/`);
    memberRows.replaceChildren(...members.map(memberRow));
  } catch (error) {
    memberRows.replaceChildren();
    showError(membersFeedback, error);
  }
}

memberForm.elements.username.addEventListener("input", (event) => {
  event.target.removeAttribute("aria-invalid");
});

memberForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  const username = memberForm.elements.username.value.trim();
  const role = memberForm.elements.role.value;
  const button = memberForm.querySelector("button[type=submit]");
  button.disabled = true;
  memberForm.elements.username.removeAttribute("aria-invalid");
  try {
    const member = await api("POST", `projects/${projectId}/members/`, { username, role });
    memberForm.reset(); // ready for the next person: no username, the role back to annotator
    await loadMembers();
    showSaved(membersFeedback, `Added ${member.username} as ${member.role}.`);
  } catch (error) {
    showError(membersFeedback, error);
    if (error.details && error.details.username) {
      memberForm.elements.username.setAttribute("aria-invalid", "true");
    }
  } finally {
    button.disabled = false;
  }
});

// ---- schema ------------------------------------------------------------------------------

const schemaForm = document.getElementById("schema-form");
const schemaText = document.getElementById("schema-json");
const schemaFeedback = document.getElementById("schema-feedback");
const schemaFile = document.getElementById("schema-file");
const schemaDownload = document.getElementById("schema-download");
const schemaRevert = document.getElementById("schema-revert");
const schemaDirty = document.getElementById("schema-dirty");
let savedText = "";
let downloadUrl = null;

const SECTIONS = "name description span_labels relation_types stance document_questions".split(" ");

/** Pretty JSON, the schema's sections in reading order (the database keeps its own order). */
function pretty(value) {
  let ordered = value;
  if (value && typeof value === "object" && !Array.isArray(value)) {
    ordered = {};
    for (const key of SECTIONS) if (key in value) ordered[key] = value[key];
    Object.assign(ordered, value);
  }
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** Dark or light text, whichever reads better on `color` (a #rrggbb string). */
function inkOn(color) {
  const match = /^#([0-9a-f]{6})$/i.exec(color || "");
  if (!match) return "#1f2328";
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(match[1].slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.5 ? "#1f2328" : "#ffffff";
}

/** One row of the overview: a term and its items as plain chips (or "none"). */
function overviewRow(list, term, items) {
  const dd = element("dd");
  const chip = (item) => (typeof item === "string" ? element("span", "chip plain", item) : item);
  const chips = items.map(chip);
  dd.append(...(chips.length ? chips : [element("span", "muted", "none")]));
  list.append(element("dt", "", term), dd);
}

function renderOverview(schema) {
  const list = document.getElementById("schema-overview");
  list.replaceChildren();
  const labels = (schema.span_labels || []).map((label) => {
    const chip = element("span", "chip");
    const key = element("span", "key", label.hotkey || String(label.key || "?").charAt(0));
    key.style.backgroundColor = label.color || "#777777";
    key.style.color = inkOn(label.color);
    chip.title = label.hotkey ? `Key: ${label.hotkey}` : "No key";
    chip.append(key, document.createTextNode(`${label.name} (${label.key})`));
    return chip;
  });
  const ends = (keys) => (keys || []).join("/");
  const stance = schema.stance || {};
  overviewRow(list, "Span labels", labels);
  const relations = (schema.relation_types || []).map(
    (r) => `${r.key}: ${ends(r.from_labels)} → ${ends(r.to_labels)}`,
  );
  overviewRow(list, "Relation types", relations);
  overviewRow(list, "Stance values", stance.values || []);
  overviewRow(list, "Stance targets", (stance.targets || []).map((t) => t.name || t.key));
  const questions = (schema.document_questions || []).map((q) => q.text || q.key);
  overviewRow(list, "Document questions", questions);
}

function showSavedSchema(schema) {
  savedText = pretty(schema);
  schemaText.value = savedText;
  renderOverview(schema);
  if (downloadUrl) URL.revokeObjectURL(downloadUrl);
  downloadUrl = URL.createObjectURL(new Blob([savedText], { type: "application/json" }));
  schemaDownload.href = downloadUrl;
  schemaDownload.hidden = false;
  markDirty();
}

function markDirty() {
  const dirty = schemaText.value !== savedText;
  schemaDirty.hidden = !dirty;
  schemaRevert.disabled = !dirty;
}

/** A JSON syntax error as a sentence with the line and column where it is. */
function syntaxProblem(text, error) {
  const at = /position (\d+)/.exec(error.message);
  if (!at || /line \d+/.test(error.message)) return error.message;
  const before = text.slice(0, Number(at[1])).split("\n");
  return `${error.message} (line ${before.length}, column ${before[before.length - 1].length + 1})`;
}

async function saveSchema(text) {
  schemaText.removeAttribute("aria-invalid");
  let definition;
  try {
    definition = JSON.parse(text);
  } catch (error) {
    schemaText.setAttribute("aria-invalid", "true");
    showMessage(schemaFeedback, `This is not valid JSON: ${syntaxProblem(text, error)}`, "error");
    return;
  }
  const button = schemaForm.querySelector("button[type=submit]");
  button.disabled = true;
  showMessage(schemaFeedback, "Saving…");
  try {
    showSavedSchema(await api("PUT", `projects/${projectId}/schema/`, definition));
    showSaved(schemaFeedback);
  } catch (error) {
    schemaText.setAttribute("aria-invalid", "true");
    // Schema problems arrive as {"schema": {json_path: message}}: list the paths themselves.
    const details = error instanceof ApiError ? error.details || {} : {};
    const keys = Object.keys(details);
    if (keys.length === 1 && keys[0] === "schema" && typeof details.schema === "object") {
      error.details = details.schema;
    }
    showError(schemaFeedback, error, { wholeLabel: "(the whole schema)" });
  } finally {
    button.disabled = false;
  }
}

schemaForm.addEventListener("submit", (event) => {
  event.preventDefault();
  saveSchema(schemaText.value);
});
schemaText.addEventListener("input", markDirty);
schemaRevert.addEventListener("click", () => {
  schemaText.value = savedText;
  schemaText.removeAttribute("aria-invalid");
  markDirty();
  showMessage(schemaFeedback, "Changes discarded.");
});
schemaFile.addEventListener("change", async () => {
  const [file] = schemaFile.files;
  schemaFile.value = ""; // the same file can be chosen again after fixing it
  if (!file) return;
  if (file.size > MAX_SCHEMA_BYTES) {
    showMessage(schemaFeedback, `${file.name} is too large for a schema (over 2 MB).`, "error");
    return;
  }
  const text = await file.text();
  let shown = text;
  try {
    shown = pretty(JSON.parse(text)); // readable in the editor if it has to be fixed
  } catch {
    // not JSON: saveSchema says where; the editor keeps the text as it is
  }
  schemaText.value = shown;
  markDirty();
  await saveSchema(text);
});

async function loadSchema() {
  try {
    showSavedSchema(await api("GET", `projects/${projectId}/schema/`));
    schemaForm.querySelector("button[type=submit]").disabled = false;
    schemaFile.disabled = false;
  } catch (error) {
    schemaText.value = "";
    showError(schemaFeedback, error);
  }
}

// ---- start -------------------------------------------------------------------------------

// The forms work only with this module: their buttons are enabled once it runs.
for (const form of [projectForm, memberForm]) {
  form.querySelector("button[type=submit]").disabled = false;
}
loadMembers();
loadSchema();
