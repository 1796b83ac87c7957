// The Recommenders card of the suggesters page (recommenders_card.html): the project's external
// recommenders (GET .../recommenders/), and for managers: add and edit (one form), check
// (POST .../check/: what came back for a sample document, or why it is bad), enable or
// disable, remove after a confirmation, and Run (J's POST .../suggester-runs/ with suggester
// "recommender"; a clash with the layer's earlier sets offers to replace them). A started
// run is announced with the document event "suggester-run-started" (the runs table listens).
// Words and checks are in recommenders_model.js.

import { api, showMessage } from "./api.js";
import { el } from "./dom.js";
import {
  bodyProblems,
  checkWords,
  isLayerClash,
  proposesWords,
  recommenderBody,
  runBody,
  runScopeWords,
} from "./recommenders_model.js";

const card = document.getElementById("recommenders");
const projectId = card.dataset.projectId;
const canManage = card.dataset.canManage === "true";
const base = `projects/${projectId}/recommenders/`;
const list = document.getElementById("recommender-list");
const empty = document.getElementById("recommenders-empty");
const feedback = document.getElementById("recommenders-feedback");
const form = document.getElementById("recommender-form");
const $ = (id) => document.getElementById(id);

let recommenders = [];
let editing = null; // the recommender the form changes, or null: the form adds one

function outcome(item, text, kind = "info") {
  const line = item.querySelector(".recommender-outcome");
  line.textContent = text;
  line.dataset.kind = kind;
  line.setAttribute("role", kind === "error" ? "alert" : "status");
  return line;
}

async function act(button, item, working, call) {
  button.disabled = true;
  outcome(item, working);
  try {
    await call();
  } catch (error) {
    outcome(item, error.message, "error");
  } finally {
    button.disabled = false;
  }
}

function checkButton(recommender, item) {
  return el("button", {
    type: "button",
    class: "recommender-check-button",
    text: "Check",
    "aria-label": `Check ${recommender.name}`,
    onclick: (event) =>
      act(event.currentTarget, item, "Sending the sample document…", async () => {
        const result = await api("POST", `${base}${recommender.id}/check/`);
        const words = checkWords(result);
        outcome(item, words.text, words.ok ? "good" : "error");
      }),
  });
}

async function startRun(recommender, item, replace) {
  try {
    const path = `projects/${projectId}/suggester-runs/`;
    const scope = $("recommender-run-story");
    const run = await api("POST", path, runBody(recommender, replace, scope ? scope.value : ""));
    outcome(item, `Run ${run.id} started over ${runScopeWords(run)}: see the runs table.`);
    document.dispatchEvent(new CustomEvent("suggester-run-started", { detail: run }));
  } catch (error) {
    if (!isLayerClash(error)) throw error;
    const line = outcome(item, `${error.message} `, "error");
    line.append(
      el("button", {
        type: "button",
        class: "danger",
        text: "Replace the earlier layer",
        onclick: (event) =>
          act(event.currentTarget, item, "Starting…", () => startRun(recommender, item, true)),
      }),
    );
    line.querySelector("button").focus();
  }
}

function runButton(recommender, item) {
  return el("button", {
    type: "button",
    text: "Run",
    disabled: !recommender.enabled,
    title: recommender.enabled ? undefined : "Enable it to run it",
    "aria-label": `Run ${recommender.name}`,
    onclick: (event) =>
      act(event.currentTarget, item, "Starting…", () => startRun(recommender, item, false)),
  });
}

function toggleButton(recommender, item) {
  const verb = recommender.enabled ? "Disable" : "Enable";
  return el("button", {
    type: "button",
    class: "recommender-toggle",
    text: verb,
    "aria-label": `${verb} ${recommender.name}`,
    onclick: (event) =>
      act(event.currentTarget, item, `${verb.slice(0, -1)}ing…`, async () => {
        await api("PATCH", `${base}${recommender.id}/`, { enabled: !recommender.enabled });
        await load(`${recommender.name} ${recommender.enabled ? "disabled" : "enabled"}.`);
        focusRow(recommender.id, ".recommender-toggle");
      }),
  });
}

function removeButtons(recommender, item) {
  const ask = el("button", {
    type: "button",
    class: "danger",
    text: "Remove…",
    "aria-label": `Remove ${recommender.name}`,
  });
  const no = el("button", { type: "button", text: "Keep it" });
  const yes = el("button", { type: "button", class: "danger", text: "Remove" });
  const question = `Remove ${recommender.name}? The sets it wrote stay. `;
  const confirm = el("span", { class: "confirm", hidden: true }, question, yes, no);
  ask.addEventListener("click", () => {
    ask.hidden = true;
    confirm.hidden = false;
    no.focus();
  });
  no.addEventListener("click", () => {
    confirm.hidden = true;
    ask.hidden = false;
    ask.focus();
  });
  yes.addEventListener("click", (event) =>
    act(event.currentTarget, item, "Removing…", async () => {
      await api("DELETE", `${base}${recommender.id}/`);
      await load(`${recommender.name} removed.`);
      (list.querySelector("button") || $("recommender-editor-summary") || card).focus();
    }),
  );
  return [ask, confirm];
}

function row(recommender) {
  const item = el("li", { dataset: { recommenderId: String(recommender.id) } });
  const state = el("span", {
    class: "recommender-state",
    dataset: { enabled: String(recommender.enabled) },
    text: recommender.enabled ? "enabled" : "disabled",
  });
  item.append(
    el(
      "div",
      { class: "recommender-head" },
      el("h3", { text: recommender.name }),
      el("code", { text: recommender.layer }),
      state,
    ),
    el(
      "p",
      { class: "recommender-meta" },
      el("code", { text: recommender.url }),
      ` · timeout ${recommender.timeout_seconds} s`,
    ),
    el("p", { class: "recommender-meta", text: proposesWords(recommender) }),
  );
  if (canManage) {
    const edit = el("button", {
      type: "button",
      text: "Edit",
      "aria-label": `Edit ${recommender.name}`,
      onclick: () => editStart(recommender),
    });
    item.append(
      el(
        "div",
        { class: "recommender-actions" },
        checkButton(recommender, item),
        runButton(recommender, item),
        edit,
        toggleButton(recommender, item),
        ...removeButtons(recommender, item),
      ),
    );
  }
  item.append(el("p", { class: "recommender-outcome" }));
  return item;
}

function focusRow(id, selector) {
  const item = list.querySelector(`li[data-recommender-id="${id}"]`);
  const target = item && item.querySelector(selector);
  if (target) target.focus();
}

async function load(message = "") {
  recommenders = await api("GET", base);
  list.replaceChildren(...recommenders.map(row));
  empty.hidden = recommenders.length > 0;
  if (message) showMessage(feedback, message);
}

// --- the form (managers) ---------------------------------------------------------------

function choices(fieldset, name, keys) {
  for (const key of keys) {
    fieldset.append(
      el("label", {}, el("input", { type: "checkbox", name, value: key }), key),
    );
  }
}

function checked(name) {
  return new Set([...form.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value));
}

function errorsShow(problems) {
  for (const line of form.querySelectorAll(".field-error")) line.textContent = "";
  for (const [field, message] of Object.entries(problems)) {
    const line = $(`recommender-${field}-error`);
    if (line) line.textContent = message;
  }
  const first = Object.keys(problems)[0];
  const inputs = {
    name: "recommender-name",
    url: "recommender-url",
    timeout_seconds: "recommender-timeout",
  };
  const input = inputs[first];
  if (input) $(input).focus();
}

function formFill(recommender) {
  $("recommender-name").value = recommender ? recommender.name : "";
  $("recommender-url").value = recommender ? recommender.url : "";
  $("recommender-timeout").value = recommender ? recommender.timeout_seconds : 10;
  $("recommender-stances").checked = recommender ? recommender.stances : false;
  for (const input of form.querySelectorAll('input[name="label"]')) {
    input.checked = recommender ? recommender.labels.includes(input.value) : false;
  }
  for (const input of form.querySelectorAll('input[name="relation_type"]')) {
    input.checked = recommender ? recommender.relation_types.includes(input.value) : false;
  }
  errorsShow({});
}

function editStart(recommender) {
  editing = recommender;
  formFill(recommender);
  $("recommender-editor-summary").textContent = `Edit ${recommender.name}`;
  $("recommender-save").textContent = "Save changes";
  $("recommender-cancel").hidden = false;
  $("recommender-editor").open = true;
  $("recommender-name").focus();
}

function editEnd() {
  editing = null;
  formFill(null);
  $("recommender-editor-summary").textContent = "Add a recommender";
  $("recommender-save").textContent = "Add recommender";
  $("recommender-cancel").hidden = true;
}

async function save(event) {
  event.preventDefault();
  const body = recommenderBody({
    name: $("recommender-name").value,
    url: $("recommender-url").value,
    timeout: $("recommender-timeout").value,
    labels: checked("label"),
    relationTypes: checked("relation_type"),
    stances: $("recommender-stances").checked,
  });
  const problems = bodyProblems(body);
  errorsShow(problems);
  if (Object.keys(problems).length) return;
  const button = $("recommender-save");
  button.disabled = true;
  try {
    const saved = editing
      ? await api("PATCH", `${base}${editing.id}/`, body)
      : await api("POST", base, body);
    const verb = editing ? "saved" : "added";
    editEnd();
    $("recommender-editor").open = false;
    await load(`${saved.name} ${verb}.`);
    focusRow(saved.id, ".recommender-check-button");
  } catch (error) {
    showMessage(feedback, error.message, "error");
    const fields = Object.fromEntries(
      Object.entries(error.details || {}).map(([field, message]) => [field, String(message)]),
    );
    errorsShow(fields);
  } finally {
    button.disabled = false;
  }
}

async function formSetUp() {
  const schema = await api("GET", `projects/${projectId}/schema/`);
  choices($("recommender-labels"), "label", schema.span_labels.map((label) => label.key));
  const types = schema.relation_types.map((type) => type.key);
  choices($("recommender-relation-types"), "relation_type", types);
  form.addEventListener("submit", save);
  $("recommender-cancel").addEventListener("click", () => {
    editEnd();
    $("recommender-editor").open = false;
    $("recommender-editor-summary").focus();
  });
}

async function start() {
  try {
    if (canManage && form) await formSetUp();
    await load();
  } catch (error) {
    showMessage(feedback, error.message, "error");
  }
  card.dataset.ready = "true";
}

start();
