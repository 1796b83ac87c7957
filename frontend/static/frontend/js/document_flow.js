// Which document the workspace shows and what happens to it: open the next one from the
// queue or one by its id, show it read-only, start its gold set, submit, skip, reload.
//
// The workspace never creates an annotator set here: annotators and managers take work
// from the queue (GET .../queue/next/, which hands out the set), and a document opened by
// its id shows the set set_choice.js picks, read-only, or that it is not the person's. A
// gold set is created only when a reviewer or manager asks ("Start the gold set").
//
// In an archived project (the root's data-archived) nothing is written: the set the person
// would edit is shown read-only with its spans, relations and stances (showArchived), the
// queue hands out nothing, and no gold set is started.
//
// Submitting acts on the set shown and nothing else: with no document in "edit" mode
// nothing is submitted. A set with no annotations is submitted only after the person
// confirms it (Ctrl+Enter again, or "Submit empty"); so is a set the schema's submit checks
// warn of (submit_checks.js: "a claim with no source"), listed with "Submit anyway". Esc or
// any edit cancels the question.

import { AnnotationState } from "./annotation_state.js";
import { api } from "./api.js";
import * as beside from "./beside.js";
import { el } from "./dom.js";
import { showReviewerCounts } from "./reviewer_counts.js";
import { Saver } from "./saver.js";
import { buildPanelModel } from "./panel_model.js";
import { setToOpen } from "./set_choice.js";
import { submitWarnings } from "./submit_checks.js";
import { Suggestions } from "./suggestions.js";
import { TextView } from "./text_view.js";

/** Open a document by id (or the next one from the queue when null). `wanted` is the set
 * the page address names, if any. Resolves to what was shown: "opened", "read-only",
 * "not assigned", "queue done", "no queue" or "archived". */
export async function openDocument(ws, documentId, wanted = null) {
  leave(ws);
  if (documentId === null) return openNext(ws);
  const data = await api("GET", `projects/${ws.projectId}/documents/${documentId}/`);
  const choice = setToOpen({ role: ws.role, username: ws.username, sets: data.sets, wanted, archived: isArchived(ws) });
  if (choice.set && choice.archived) {
    showArchived(ws, data, choice.set);
    return "archived";
  }
  if (choice.set) {
    setUp(ws, data, choice.set);
    return "opened";
  }
  if (choice.readOnly) {
    showReadOnly(ws, data);
    return "read-only";
  }
  showNotAssigned(ws, data);
  return "not assigned";
}

/** The next document of the person's queue (the set the queue hands out), or why none. */
async function openNext(ws) {
  if (isArchived(ws)) {
    showNothing(ws, "This project is archived: the queue hands out no work until a manager unarchives it.", ["Back to the project", projectUrl(ws)]);
    return "archived";
  }
  if (ws.role !== "annotator" && ws.role !== "manager") {
    showNothing(ws, "Reviewers have no queue: open a document from the Curate queue to curate its gold set.", ["Go to the Curate queue", curateUrl(ws)]);
    return "no queue";
  }
  const set = await api("GET", `projects/${ws.projectId}/queue/next/`);
  if (set === null) {
    showNothing(ws, "Nothing left in your queue. Thank you!", ["Back to the project", projectUrl(ws)]);
    return "queue done";
  }
  const data = await api("GET", `projects/${ws.projectId}/documents/${set.document}/`);
  setUp(ws, data, set);
  return "opened";
}

/** Show no document: nothing to submit, no keys that edit. `message` stays in the text
 * box until the next document is shown. */
function leave(ws, message = "Loading…") {
  ws.doc = null;
  ws.set = null;
  ws.state = null;
  ws.saver = null;
  ws.view = null;
  ws.besideView = null;
  ws.suggestions = null;
  ws.selected = null;
  ws.linking = null;
  ws.caret = null;
  ws.confirming = false;
  ws.external.clear();
  ws.besideBox.replaceChildren();
  ws.root.classList.remove("with-beside");
  delete ws.root.dataset.shown;
  ws.panel.clear();
  ws.setMode("none");
  ws.titleBox.textContent = "";
  ws.metaBox.textContent = "";
  ws.textBox.className = "";
  ws.textBox.replaceChildren(el("p", { class: "done", text: message }));
  ws.showStatus("none", message === "Loading…" ? message : "");
}

/** Opening failed: no document, and the reason on the message line. */
export function showFailure(ws, error, before = "") {
  leave(ws, "Nothing is shown: it could not be loaded.");
  ws.fail(new Error(`${before}${error.message || error}`));
}

/** No document, a message and a way on ([text, href]). */
function showNothing(ws, message, [linkText, href]) {
  leave(ws, message);
  ws.textBox.append(el("a", { class: "button primary", href, text: linkText }));
}

/** The document and the set to edit on it. */
function setUp(ws, data, set) {
  // Another document starts with its side panel at the top (not where the last one was left).
  if (ws.documentId !== data.id) ws.root.querySelector("#panel").scrollTop = 0;
  ws.doc = data;
  ws.set = set;
  ws.documentId = data.id;
  ws.chars = Array.from(data.text);
  ws.state = new AnnotationState(set, ws.chars);
  ws.saver = new Saver(set.id, ws.state, (status, message) => ws.showStatus(status, message));
  ws.suggestions = new Suggestions(data.sets.filter((s) => s.kind === "model"));
  beside.rememberFarEnds(ws, data.linked_spans || []);
  showHeader(ws, data, `${set.kind === "gold" ? "gold set" : "your set"}: ${set.status}`);
  history.replaceState(null, "", `${documentUrl(ws, data.id)}?set=${set.id}`);
  ws.textBox.replaceChildren();
  ws.view = new TextView(ws.textBox, data.text, data.zones || [], ws.labels);
  ws.setMode("edit");
  ws.redraw();
  ws.textBox.focus({ preventScroll: true });
  ws.showStatus("saved", "All changes saved");
  // Edits this browser kept while the server could not be reached come back, and are saved.
  if (ws.saver.restoreDraft(set)) ws.redraw();
  loadProgress(ws, set.kind);
  beside.loadStory(ws, data);
}

/** A reviewer's or manager's view of a document without a gold set: the text, no edits,
 * and the offer to start the gold set. */
function showReadOnly(ws, data) {
  ws.doc = data;
  ws.documentId = data.id;
  showHeader(ws, data, "read-only: no gold set yet");
  history.replaceState(null, "", documentUrl(ws, data.id));
  ws.textBox.replaceChildren();
  ws.view = new TextView(ws.textBox, data.text, data.zones || [], ws.labels);
  ws.view.render({ spans: [] });
  ws.setMode("read-only");
  ws.showStatus("read-only", "Read-only");
  if (isArchived(ws)) ws.buttons["start-gold"].hidden = true;
  // The curation view is where the annotators' layers show and merge into gold; an empty gold
  // set started here is for writing one by hand.
  ws.note(isArchived(ws) ? ARCHIVED : "No gold set yet, so this is read-only: merge the annotators' layers in the curation view, or Start the gold set (g) to write one by hand.");
  ws.messageLine.append(" ", el("a", { id: "to-curation", href: `/projects/${ws.projectId}/curate/${data.id}/`, text: "Open the curation view" }));
  ws.textBox.focus({ preventScroll: true });
  loadProgress(ws, null);
}

const ARCHIVED = "This project is archived: you can read its work but not change it.";

function isArchived(ws) {
  return ws.root.dataset.archived === "true";
}

/** The set the person would edit, in an archived project: its spans in the text, its
 * relations, stances and answers in the panel, and nothing that edits: no saver (so no
 * autosave), "read-only" mode (no editing keys), Submit and Skip shown disabled, the
 * panel's controls disabled. */
function showArchived(ws, data, set) {
  ws.doc = data;
  ws.documentId = data.id;
  const content = new AnnotationState(set, Array.from(data.text)).content;
  beside.rememberFarEnds(ws, data.linked_spans || []);
  showHeader(ws, data, `${set.kind === "gold" ? "gold set" : "your set"}: ${set.status} · read-only`);
  history.replaceState(null, "", `${documentUrl(ws, data.id)}?set=${set.id}`);
  ws.textBox.replaceChildren();
  ws.view = new TextView(ws.textBox, data.text, data.zones || [], ws.labels);
  ws.view.render({ spans: content.spans, dim: false });
  ws.setMode("read-only");
  ws.root.dataset.shown = "archived-set"; // the panel shows (workspace.css)
  ws.buttons["start-gold"].hidden = true;
  for (const id of ["submit", "skip"]) {
    Object.assign(ws.buttons[id], { hidden: id === "skip" && set.kind !== "annotator", disabled: true, title: ARCHIVED });
  }
  const input = { schema: ws.schema, content, selected: null, linking: null, external: ws.external, suggestions: [], hasSuggestions: false };
  ws.panel.render(buildPanelModel(input));
  // Every control that would edit is disabled (their actions do nothing outside "edit"
  // anyway); the span list's rows and a long list's "Show more" (in a p.muted) stay usable.
  for (const control of ws.root.querySelectorAll("#panel :is(button, input, select, textarea)")) {
    if (!control.closest('[data-section="spans"], p.muted')) control.disabled = true;
  }
  ws.root.querySelector('[data-section="selected"]').replaceChildren(el("p", { class: "muted", text: ARCHIVED }));
  ws.showStatus("read-only", "Read-only");
  ws.note(ARCHIVED);
  ws.textBox.focus({ preventScroll: true });
  loadProgress(ws, set.kind);
}

/** An annotator's view of a document the queue did not give them: nothing to edit. */
function showNotAssigned(ws, data) {
  const message = "This document is not assigned to you, so there is nothing of yours to annotate in it. Your documents come from your queue.";
  showNothing(ws, message, ["Start annotating", `/projects/${ws.projectId}/work/`]);
  showHeader(ws, data, "not assigned to you");
  history.replaceState(null, "", documentUrl(ws, data.id));
}

function showHeader(ws, data, what) {
  ws.titleBox.textContent = data.title || "(untitled)";
  const meta = [data.outlet, data.published_at ? data.published_at.slice(0, 10) : null, what];
  ws.metaBox.textContent = meta.filter(Boolean).join(" · ");
}

function projectUrl(ws) {
  return `/projects/${ws.projectId}/`;
}

function curateUrl(ws) {
  return `/projects/${ws.projectId}/curate/`;
}

function documentUrl(ws, documentId) {
  return `/projects/${ws.projectId}/documents/${documentId}/work/`;
}

/** Start (or join) the document's gold set and edit it. */
export async function startGold(ws) {
  if (ws.mode !== "read-only" || ws.busy || isArchived(ws)) return;
  const data = ws.doc;
  ws.busy = true;
  try {
    const set = await api("POST", "sets/", { project: ws.projectId, document: data.id, kind: "gold" });
    if (ws.doc !== data) return;
    setUp(ws, data, set);
    ws.note("Started the gold set of this document: your changes are saved as you go.");
  } catch (error) {
    ws.fail(error);
  } finally {
    ws.busy = false;
  }
}

/** Submit the set shown; a set with nothing in it only once the person confirmed. */
export async function submit(ws) {
  if (ws.mode !== "edit" || ws.busy) return;
  if (ws.state.empty && !ws.confirming) {
    askToSubmitEmpty(ws);
    return;
  }
  const warnings = ws.confirming ? [] : submitWarnings(ws.schema, ws.state.content);
  if (warnings.length) {
    askAboutWarnings(ws, warnings);
    return;
  }
  await finish(ws, "submit");
}

export async function skip(ws) {
  if (ws.mode !== "edit" || ws.busy || ws.set.kind !== "annotator") return;
  await finish(ws, "skip");
}

function askToSubmitEmpty(ws) {
  const line = ws.messageLine;
  const button = (text, onclick) => el("button", { type: "button", class: "small", onclick }, text);
  line.replaceChildren(
    "Submit with no annotations? Press ",
    el("kbd", { text: "Ctrl+Enter" }),
    " again or click ",
    button("Submit empty", () => submit(ws)),
    " · ",
    button("Keep annotating", () => cancelSubmit(ws)),
    " ",
    el("kbd", { text: "Esc" }),
  );
  line.dataset.kind = "confirm";
  line.setAttribute("role", "alert");
  ws.confirming = true;
}

/** The submit checks that do not hold, each with a way to its first span; Ctrl+Enter again
 * (or "Submit anyway") submits, Esc (or "Keep annotating") goes back to the set. */
function askAboutWarnings(ws, warnings) {
  const line = ws.messageLine;
  const button = (text, onclick) => el("button", { type: "button", class: "small", onclick }, text);
  const items = warnings.map((warning) =>
    el("span", { class: "submit-warning" }, "⚠ ", warning.message, warning.keys.length ? button("Show", () => ws.select(warning.keys[0])) : null),
  );
  line.replaceChildren(
    el("strong", { text: warnings.length === 1 ? "Before you submit, one check:" : `Before you submit, ${warnings.length} checks:` }),
    ...items,
    el("span", { class: "submit-choices" }, "Press ", el("kbd", { text: "Ctrl+Enter" }), " again or ", button("Submit anyway", () => submit(ws)), " · ", button("Keep annotating", () => cancelSubmit(ws)), " ", el("kbd", { text: "Esc" })),
  );
  line.dataset.kind = "confirm";
  line.setAttribute("role", "alert");
  ws.confirming = true;
}

export function cancelSubmit(ws) {
  if (!ws.confirming) return;
  ws.note("Not submitted: go on annotating.");
}

/** Save, then submit or skip the set shown, then say what happened and open what comes
 * next: the next document of the queue after an annotator's set; after a gold set, the
 * way back to the project's documents (reviewers have no queue). */
async function finish(ws, action) {
  const set = ws.set;
  const title = ws.doc.title || "(untitled)";
  ws.confirming = false;
  ws.busy = true;
  try {
    const saved = await ws.saver.flush();
    if (!saved) {
      ws.note(`Your changes are not saved yet, so nothing was ${action === "submit" ? "submitted" : "skipped"}: fix that first.`);
      return;
    }
    if (ws.set !== set) return;
    await api("POST", `sets/${set.id}/${action}/`);
  } catch (error) {
    ws.fail(error);
    return;
  } finally {
    ws.busy = false;
  }
  const done = set.kind === "gold" ? `Submitted the gold set of “${title}”.` : `${action === "submit" ? "Submitted" : "Skipped"} “${title}”.`;
  if (set.kind === "gold") {
    showNothing(ws, "Open the next document to curate from the Curate queue.", ["Go to the Curate queue", curateUrl(ws)]);
    ws.note(done);
  } else {
    try {
      const next = await openNext(ws);
      ws.note(`${done} ${next === "opened" ? "Here is the next document from your queue." : "Nothing left in your queue."}`);
    } catch (error) {
      showFailure(ws, error, `${done} The next document could not be opened: `);
    }
  }
  if (ws.mode === "none") loadProgress(ws, set.kind); // the count the finished set changed
}

/** Open the shown document again, with the set being edited (after a conflict). */
export async function reload(ws) {
  try {
    await openDocument(ws, ws.documentId, ws.set?.id ?? null);
    ws.note("Reloaded the current version.");
  } catch (error) {
    showFailure(ws, error);
  }
}

/** The toolbar's count: the person's submitted sets or, for a reviewer (or a manager not
 * on their own annotator set), what curation needs (`kind` is the kind of set shown). */
async function loadProgress(ws, kind) {
  const asked = (ws.progressAsked = {}); // only the newest answer is shown
  const reviewing = ws.role === "reviewer" || (ws.role === "manager" && kind !== "annotator");
  const mine = `kind=annotator&author=${encodeURIComponent(ws.username)}&status=submitted`;
  try {
    if (reviewing) {
      const summary = await api("GET", `projects/${ws.projectId}/curation/summary/`);
      if (ws.progressAsked === asked) showReviewerCounts(ws.progressBox, ws.projectId, summary);
      return;
    }
    const counted = await api("GET", `sets/?project=${ws.projectId}&${mine}`);
    const project = await api("GET", `projects/${ws.projectId}/`);
    const done = counted?.count ?? 0;
    const total = project.progress?.documents ?? 0;
    if (ws.progressAsked !== asked) return;
    // short, so the toolbar keeps one row when Reload or Retry appears beside the status
    ws.progressBox.textContent = `${done} of ${total} submitted`;
    ws.progressBox.title = `You submitted ${done}; the project has ${total} documents.`;
  } catch {
    if (ws.progressAsked === asked) ws.progressBox.textContent = "";
  }
}
