// The annotator's workspace: one document, the set being edited on it, model suggestions,
// and a story's other document beside it. This module holds the page's state, the edits
// every other module goes through (`edit`) and the key dispatcher. The other jobs live
// beside it: document_flow.js (which document and set; submit, skip, reload),
// span_edits.js, suggestions.js, linking.js (relations), navigation.js (Tab, the arrows,
// clicks), beside.js (the story's other report), keys.js (the key table) and help.js,
// panel_model.js and panel.js (the side panel), workspace_review.js (the panel's comment
// threads and the set's history), text_view.js (the text).
//
// Modes (`mode`, also the root's data-mode): "none" (no document shown: loading, the queue
// is done, the document is not the person's), "read-only" (a document without a gold set,
// shown to a reviewer or manager) and "edit". Only "edit" has a set, a state and a saver;
// every edit, key and button checks the mode, so nothing acts on a document not shown.

import { api, showMessage } from "./api.js";
import * as flow from "./document_flow.js";
import { GuidelinesPanel } from "./guidelines_panel.js";
import { Help } from "./help.js";
import { chordOf, keyTable, rowFor } from "./keys.js";
import * as linking from "./linking.js";
import * as navigation from "./navigation.js";
import { Panel } from "./panel.js";
import { RelationArcs } from "./relation_arcs.js";
import { buildPanelModel } from "./panel_model.js";
import * as spanEdits from "./span_edits.js";
import { labelsOf, relationTypesFrom, stanceQuestionsFor } from "./span_options.js";
import { acceptAllSuggestions, acceptSuggestion, rejectSuggestion } from "./suggestions.js";
import { trackTimeOnTask } from "./time_on_task.js";
import { commentThread, mountReview, reviewSaved, showReview } from "./workspace_review.js";
import { snapToWords } from "./words.js";
import "./workspace_at.js"; // ?at=<start>-<end>: open at that place

export { labelsOf }; // the curation view draws labels as the workspace does

export class Workspace {
  constructor(root) {
    this.root = root;
    this.projectId = Number(root.dataset.project);
    this.documentId = root.dataset.document ? Number(root.dataset.document) : null;
    this.username = root.dataset.username;
    this.role = root.dataset.role;
    this.statusLine = root.querySelector("#save-status");
    this.messageLine = root.querySelector("#message");
    this.textBox = root.querySelector("#doc-text");
    this.titleBox = root.querySelector("#doc-title");
    this.metaBox = root.querySelector("#doc-meta");
    this.progressBox = root.querySelector("#progress");
    this.besideBox = root.querySelector("#beside");
    this.snapBox = root.querySelector("#snap");
    this.buttons = {};
    for (const id of ["submit", "skip", "start-gold", "reload", "retry", "help-button", "guidelines-button"]) this.buttons[id] = root.querySelector(`#${id}`);
    this.mode = "none";
    this.snap = true;
    this.doc = null; // the document shown (also read-only)
    this.set = null; // the set being edited, its state and its saver: "edit" only
    this.state = null;
    this.saver = null;
    this.view = null;
    this.chars = [];
    this.suggestions = null;
    this.selected = null;
    this.linking = null; // a relation type key while waiting for the other span
    this.caret = null; // keyboard selection: {anchor, focus} in code points
    this.confirming = false; // asking whether to submit a set with no annotations
    this.external = new Map(); // id -> span of another document (beside view)
    this.panelCache = {};
    this.comments = null; // the document's comment threads and the set's history
    this.history = null;
  }

  // ---- start -----------------------------------------------------------------------------

  async start() {
    this.help = new Help(this.root.querySelector("#help"), this.textBox);
    this.guidelines = new GuidelinesPanel(this.root.querySelector("#guidelines"), this.textBox, this.projectId);
    this.arcs = new RelationArcs(this, this.root.querySelector("#arcs-toggle"));
    this.bind();
    trackTimeOnTask(this);
    try {
      this.schema = await api("GET", `projects/${this.projectId}/schema/`);
      this.labels = labelsOf(this.schema);
      this.keys = keyTable(this.schema);
      this.help.render(this.keys);
      this.panel = new Panel(this.root.querySelector("#panel"), this.labels, this.actions());
      mountReview(this);
      await flow.openDocument(this, this.documentId, Number(new URLSearchParams(location.search).get("set")) || null);
    } catch (error) {
      if (this.panel) flow.showFailure(this, error);
      else {
        this.showStatus("none", ""); // no schema: nothing else was shown
        this.fail(error);
      }
    }
  }

  bind() {
    const click = (id, run) => this.buttons[id].addEventListener("click", run);
    click("submit", () => flow.submit(this));
    click("skip", () => flow.skip(this));
    click("start-gold", () => flow.startGold(this));
    click("reload", () => flow.reload(this));
    click("retry", () => this.saver?.save());
    click("help-button", () => this.toggleHelp());
    click("guidelines-button", () => this.toggleGuidelines());
    this.snapBox.addEventListener("change", () => {
      this.snap = this.snapBox.checked;
    });
    this.textBox.addEventListener("mouseup", (event) => this.onMouseUp(event));
    this.textBox.addEventListener("click", (event) => this.onClick(event));
    document.addEventListener("keydown", (event) => this.onKey(event));
    window.addEventListener("beforeunload", (event) => {
      if (this.saver?.dirty && !this.saver.stopped) {
        this.saver.save();
        event.preventDefault();
      }
    });
  }

  /** Show what the mode allows: Submit (and Skip, for an annotator's set) when editing,
   * "Start the gold set" when read-only, neither with no document. */
  setMode(mode) {
    this.mode = mode;
    this.root.dataset.mode = mode;
    this.buttons.submit.hidden = mode !== "edit";
    // a set a reviewer returned cannot be skipped: it is corrected and submitted again
    this.buttons.skip.hidden = !(mode === "edit" && this.set.kind === "annotator" && this.set.status !== "returned");
    this.buttons["start-gold"].hidden = mode !== "read-only";
    this.snapBox.closest("label").hidden = mode !== "edit";
    showReview(this);
    this.arcs.schedule();
  }

  // ---- drawing and messages --------------------------------------------------------------

  redraw() {
    if (this.mode !== "edit") return;
    const related = new Set();
    if (this.selected) {
      for (const r of this.state.relations) {
        if (r.source === this.selected && typeof r.target === "string") related.add(r.target);
        if (r.target === this.selected && typeof r.source === "string") related.add(r.source);
      }
    }
    this.view.render({
      spans: this.state.spans,
      suggestions: this.suggestions.open(this.state.spans),
      selected: this.selected,
      related,
      dim: !this.quiet,
    });
    this.arcs.schedule();
    this.renderPanel();
  }

  renderPanel() {
    if (this.mode !== "edit") return;
    const input = {
      schema: this.schema,
      content: this.state.content,
      selected: this.selected,
      linking: this.linking,
      external: this.external,
      suggestions: this.suggestions.open(this.state.spans),
      hasSuggestions: this.suggestions.any,
    };
    this.panel.render(buildPanelModel(input, this.panelCache));
    this.comments.focus(commentThread(this));
  }

  changed() {
    if (this.confirming) flow.cancelSubmit(this); // it is no longer empty, or it changed
    this.redraw();
    this.saver.changed();
  }

  showStatus(status, message) {
    this.statusLine.dataset.state = status;
    this.statusLine.textContent = message;
    const conflict = status === "conflict";
    this.buttons.reload.hidden = !conflict;
    this.buttons.retry.hidden = status !== "failed" && status !== "offline"; // offline: try now
    this.statusLine.setAttribute("role", conflict || status === "failed" ? "alert" : "status");
    if (status === "saved") reviewSaved(this);
    // The status line stays short so the toolbar never reflows; the why goes below it.
    if (conflict) {
      this.note(
        "This document was saved elsewhere (another tab or person) after you opened it, so your last " +
          "changes were not saved. Reload to continue from the current version.",
      );
    }
  }

  note(message) {
    this.confirming = false;
    showMessage(this.messageLine, message, "info");
  }

  fail(error) {
    this.confirming = false;
    showMessage(this.messageLine, error.message || String(error), "error");
  }

  isField(target) {
    return target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
  }

  // ---- edits: what the panel and the keys call -------------------------------------------

  actions() {
    return {
      labelSelection: (label) => this.labelSelection(label),
      select: (key) => this.select(key),
      changeLabel: (key, label) => this.edit(() => this.state.updateSpan(key, { label })),
      setAttribute: (key, name, value) => {
        if (this.mode !== "edit") return;
        const attributes = { ...this.state.span(key).attributes };
        if (value === null || (Array.isArray(value) && !value.length)) delete attributes[name];
        else attributes[name] = value;
        this.edit(() => this.state.updateSpan(key, { attributes }));
      },
      moveEdge: (key, edge, direction) => spanEdits.moveEdge(this, key, edge, direction),
      deleteSpan: (key) => this.deleteSpan(key),
      startLinking: (type) => linking.start(this, type),
      deleteRelation: (key) => this.edit(() => this.state.deleteRelation(key)),
      setStance: (holder, about, value) => this.edit(() => this.state.setStance(holder, about, value)),
      setAnswer: (question, value) => this.edit(() => this.state.setAnswer(question, value)),
      acceptSuggestion: (key) => acceptSuggestion(this, key),
      rejectSuggestion: (key) => rejectSuggestion(this, key),
      acceptAll: (label) => acceptAllSuggestions(this, label),
    };
  }

  /** Run one change of the edited set, then redraw and save. Nothing happens without a set
   * in "edit" mode, or after a conflict stopped the saving. */
  edit(change) {
    if (this.mode !== "edit") return false;
    if (this.saver.stopped) {
      this.note("Reload first: this document was changed elsewhere.");
      return false;
    }
    change();
    this.changed();
    return true;
  }

  select(key) {
    if (this.mode !== "edit") return;
    this.selected = key;
    this.quiet = false;
    this.linking = null;
    const span = this.state.span(key) || this.selectedSuggestion();
    if (span) this.view.reveal(span);
    this.redraw();
  }

  clearSelection() {
    this.selected = null;
    this.caret = null;
    window.getSelection().removeAllRanges();
    this.redraw();
  }

  selectedSpan() {
    return this.mode === "edit" && this.selected ? this.state.span(this.selected) || null : null;
  }

  selectedSuggestion() {
    return this.mode === "edit" && this.selected ? this.suggestions.find(this.selected, this.state.spans) : null;
  }

  /** The text selection (mouse or keyboard) in code points, snapped when snapping is on. */
  currentRange() {
    const range = this.view.selectionRange();
    if (!range) return null;
    return this.snap ? snapToWords(this.chars, range.start, range.end) : range;
  }

  labelSelection(label) {
    if (this.mode !== "edit") return;
    const range = this.currentRange();
    const same = range && this.state.sameSpan(label, [[range.start, range.end]]);
    if (same) {
      window.getSelection().removeAllRanges();
      this.caret = null;
      this.select(same);
      this.note("That span is already there: it is selected.");
      return;
    }
    if (range) {
      // One redraw, no scrolling and no dimming: the new span is where the person looks.
      this.edit(() => {
        this.selected = this.state.addSpan(label, [[range.start, range.end]]);
        this.linking = null;
        this.quiet = true;
        window.getSelection().removeAllRanges();
        this.caret = null;
      });
      return;
    }
    const span = this.selectedSpan();
    if (span) {
      this.edit(() => this.state.updateSpan(span.key, { label }));
      return;
    }
    this.note("Select some text first (mouse, or shift+arrows), then press the label's key.");
  }

  deleteSpan(key) {
    if (!this.edit(() => this.state.deleteSpan(key))) return;
    this.selected = null;
    this.redraw();
  }

  deleteSelected() {
    this.deleteSpan(this.selected);
  }

  undo() {
    if (this.mode !== "edit" || !this.state.undo()) return;
    if (this.selected && !this.state.span(this.selected)) this.selected = null;
    this.changed();
  }

  redo() {
    if (this.mode !== "edit" || !this.state.redo()) return;
    if (this.selected && !this.state.span(this.selected)) this.selected = null;
    this.changed();
  }

  focusStance() {
    const field = this.root.querySelector(".stance-select");
    if (!field) return false;
    field.focus();
    return true;
  }

  toggleSnap() {
    this.snapBox.checked = !this.snapBox.checked;
    this.snap = this.snapBox.checked;
    this.note(this.snap ? "Snapping to whole words." : "Not snapping: selections are exact.");
  }

  // ---- what the other modules do, by the names the key table calls ----------------------

  addFragment = () => spanEdits.addFragment(this);
  moveSelectedEdge = (edge, direction) => spanEdits.moveEdge(this, this.selected, edge, direction);
  setFirstStance = (n) => spanEdits.setFirstStance(this, n);
  acceptSelected = () => acceptSuggestion(this, this.selected);
  rejectSelected = () => rejectSuggestion(this, this.selected);
  submit = () => flow.submit(this);
  cancelSubmit = () => flow.cancelSubmit(this);
  startGold = () => flow.startGold(this);
  cancelLinking = () => linking.cancel(this);
  startLinkingByKey = (key) => linking.startByKey(this, key);
  linkReached = () => linking.finishReached(this);
  cycle = (direction) => navigation.cycle(this, direction);
  moveCaret = (event) => navigation.moveCaret(this, event);
  focusComment = () => this.comments?.focusBox();
  toggleHistory = () => this.history?.toggle();
  toggleHelp = (force) => this.guidelines.toggle(false) ?? this.help.toggle(force); // one panel at a time
  toggleArcs = () => this.arcs.toggle();
  toggleGuidelines = (force) => this.help.toggle(false) ?? this.guidelines.toggle(force);

  // ---- keyboard and mouse ----------------------------------------------------------------

  /** What the key table's rows look at (see keys.js). */
  situation(event) {
    const target = event.target;
    const span = this.selectedSpan();
    const stance = span ? stanceQuestionsFor(this.schema, this.state.content, span).length > 0 : false;
    return {
      mode: this.mode,
      typing: this.isField(target),
      inText: this.textBox.contains(target) || target === document.body,
      meta: event.metaKey,
      help: this.help.open,
      guidelines: this.guidelines.open,
      confirming: this.confirming,
      linking: Boolean(this.linking),
      span: Boolean(span),
      suggestion: Boolean(this.selectedSuggestion()),
      range: this.mode === "edit" && this.view.selectionRange() !== null,
      relationKeys: span ? relationTypesFrom(this.schema, span.label).map((t) => t.hotkey).filter(Boolean) : [],
      stanceValues: stance ? Math.min(9, this.schema.stance.values.length) : 0,
    };
  }

  /** The key table's dispatcher: the row that answers runs; it returns false when the
   * browser should still do what the key does (Tab past the last span). */
  onKey(event) {
    if (!this.keys) return;
    const chord = chordOf(event);
    const row = rowFor(this.keys, chord, this.situation(event));
    if (!row) return;
    if (row.run(this, event, chord) !== false) event.preventDefault();
  }

  onMouseUp(event) {
    navigation.mouseUp(this, event);
  }

  onClick(event) {
    navigation.clickText(this, event);
  }
}

const root = document.querySelector("#workspace");
if (root) {
  const workspace = new Workspace(root);
  window.claimlens = workspace; // for the browser tests and the curious
  workspace.start();
}
