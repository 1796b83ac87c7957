// The curation view of one document (reviewers and managers): every submitted layer's units
// merged over the text (agreed: solid underline; disputed: dashed and marked ≠), the list of
// units beside it, and the steps that make the gold set: accept (as most layers made it, as
// one layer made it, or edited), reject, auto-merge at k of n, diff two layers, return the
// document to an annotator, mark it curated. Every step is one call to the curation API,
// whose answer is the whole view again; the gold set's version goes with each write, so a
// stale page gets a 409 and is told to reload.
//
// States of the page: loading -> shown (a unit selected or not; at most one tool open:
// edit, merge, diff, return) -> busy while a step runs -> shown again (or an error line).

import { api, showMessage } from "./api.js";
import { el } from "./dom.js";
import { chordOf, helpEntries, rowFor } from "./keys.js";
import { TextView } from "./text_view.js";
import { trackTime } from "./time_on_task.js";
import { labelsOf } from "./workspace.js";
import { countsLine, editOf, layerShort, listedUnits, mergedLine, nextOpenKey, relatedKeys, shownRow, spanIndex, stepKey, threadName, unitThread } from "./curate_model.js";
import { curateKeyTable } from "./curate_keys.js";
import { markArchived, refused } from "./curate_archived.js";
import { drawKeyHelp, drawModelChoices, drawUnitDetail, drawUnitList } from "./curate_panel.js";
import { drawCurationText } from "./curate_text.js";
import { drawDiffTool, drawEditTool, drawMergeTool, drawReturnTool } from "./curate_tools.js";
import { diffChoices } from "./layer_diff.js";

const REVIEW_WORDS = { unreviewed: "Unreviewed", in_review: "In review", curated: "Curated", returned: "Returned" };

export class CurationPage {
  constructor(root) {
    this.root = root;
    this.projectId = Number(root.dataset.project);
    this.documentId = Number(root.dataset.document);
    this.find = (selector) => root.querySelector(selector);
    this.message = this.find("#message");
    this.view = null;
    this.listed = [];
    this.selected = null;
    this.tool = null;
    this.diffPair = null;
    this.models = []; // the model layers shown beside the annotators'
    this.busy = false;
    this.keys = curateKeyTable();
    this.archived = markArchived(root, this.message); // reads, writes nothing (curate_archived.js)
  }

  async start() {
    this.bindControls();
    this.backToQueue();
    try {
      this.schema = await api("GET", `projects/${this.projectId}/schema/`);
      this.labels = labelsOf(this.schema);
      await this.load();
      await this.startComments();
    } catch (error) {
      showMessage(this.message, error.message, "error");
      this.find("#review-status").textContent = "Not loaded";
    }
  }

  /** Coming from the Curate queue, its link goes back to the list as it was (filters and
   * page are in the queue's address). */
  backToQueue() {
    const link = this.find("#to-queue");
    const from = document.referrer ? new URL(document.referrer) : null;
    if (from && from.origin === location.origin && from.pathname === new URL(link.href).pathname) link.href = from.href;
  }

  get matching() {
    return this.find("#matching").value;
  }

  /** The view as the page asks for it: its matching and the model layers chosen. */
  fetchView() {
    const query = new URLSearchParams({ matching: this.matching });
    if (this.models.length) query.set("models", this.models.join(","));
    return api("GET", `projects/${this.projectId}/curation/${this.documentId}/?${query}`);
  }

  async load() {
    this.show(await this.fetchView());
  }

  bindControls() {
    this.find("#matching").addEventListener("change", () => this.run(() => this.load(), "Matching changed."));
    this.find("#open-merge").addEventListener("click", () => this.openTool("merge"));
    this.find("#open-diff").addEventListener("click", () => this.openTool("diff"));
    this.find("#open-return").addEventListener("click", () => this.openTool("return"));
    this.find("#help-button").addEventListener("click", () => this.toggleHelp());
    this.find("#mark-curated").addEventListener("click", () => this.markCurated());
    this.find("#reopen").addEventListener("click", () => this.reopen());
    this.find("#doc-text").addEventListener("click", (event) => {
      if (!window.getSelection().isCollapsed) return; // text selected (for an edit), not a click
      const key = this.text?.keyAt(event.target);
      if (key) this.select(key);
    });
    document.addEventListener("keydown", (event) => this.onKey(event));
  }

  // --- drawing --------------------------------------------------------------------------

  show(view) {
    this.view = view;
    this.spans = spanIndex(view);
    this.listed = listedUnits(view, this.context());
    if (this.selected && !this.listed.some((item) => item.key === this.selected)) this.selected = null;
    const status = this.find("#review-status");
    status.textContent = `Review: ${REVIEW_WORDS[view.review_status] || view.review_status}`;
    status.dataset.state = view.review_status;
    const layers = view.layers.map((layer) => layerShort(layer.name)).join(", ") || "none submitted";
    const others = view.annotators.filter((a) => a.status !== "submitted").map((a) => `${a.username} ${a.status.replace("_", " ")}`);
    const waiting = others.length ? ` (also: ${others.join(", ")})` : "";
    this.find("#counts").textContent = `Layers: ${layers}${waiting} · ${countsLine(view.counts)}`;
    this.find("#doc-title").textContent = view.document.title;
    this.find("#doc-meta").textContent = [view.document.outlet, view.document.published_at?.slice(0, 10)].filter(Boolean).join(" · ");
    // A returned document waits for its annotator: Reopen takes it back without them.
    const settled = view.review_status === "curated" || view.review_status === "returned";
    this.find("#mark-curated").hidden = settled;
    this.find("#reopen").hidden = !settled;
    this.find("#matching").value = view.matching;
    this.drawModels(view.models);
    if (!this.text) this.text = new TextView(this.find("#doc-text"), view.document.text, view.document.zones || [], this.labels);
    this.drawText();
    this.drawPanel();
    if (this.tool === "diff") this.drawTool();
  }

  drawModels(names) {
    drawModelChoices(this.find("#models"), names, this.models, (name, on) => {
      this.models = on ? [...this.models, name] : this.models.filter((m) => m !== name);
      this.run(() => this.load(), on ? `The units of model ${name} are shown.` : `Model ${name} is hidden.`);
    });
  }

  context() {
    return { spans: this.spans || new Map(), labels: this.labels, schema: this.schema };
  }

  drawText() {
    drawCurationText(this.text, this.view, this.listed, this.selected);
  }

  drawPanel() {
    const empty = this.view.layers.length
      ? undefined
      : "No annotator has submitted a set on this document yet: their units show here once they do (the line above says who is working on it).";
    drawUnitList(this.find("#units"), this.listed, this.selected, (key) => this.select(key), empty);
    const detail = this.find("#unit");
    drawUnitDetail(detail, this.current(), this.context(), {
      accept: () => this.accept(),
      acceptAs: (index) => this.acceptAs(index),
      reject: () => this.reject(),
      edit: () => this.openTool("edit"),
    });
    if (this.tool === "edit" && this.current()) {
      // The edit form sits with the unit it edits, so the text stays in view beside it.
      const box = el("div", { id: "edit-box", class: "edit-box" });
      detail.append(box);
      const context = {
        schema: this.schema,
        labels: this.labels,
        text: this.view.document.text,
        context: this.context(),
        selection: () => this.text.selectionRange(),
      };
      drawEditTool(box, this.current(), context, (form) => this.saveEdit(form));
    }
  }

  current() {
    return this.listed.find((item) => item.key === this.selected) || null;
  }

  select(key) {
    this.selected = key;
    const item = this.current();
    const related = relatedKeys(this.view, item?.unit);
    this.text.mark(key, related, related.size > 0);
    if (item?.unit.kind === "span") this.text.reveal(item.unit.unit);
    if (this.tool === "edit") this.tool = null; // an edit belongs to the unit it was opened on
    this.drawPanel();
    this.focusComments();
  }

  step(delta) {
    const key = stepKey(this.listed, this.selected, delta);
    if (key) this.select(key);
  }

  nextOpen() {
    const key = nextOpenKey(this.listed, this.selected);
    if (key) this.select(key);
    else showMessage(this.message, "No unit is open: every unit is in gold or rejected.");
  }

  // --- comments -------------------------------------------------------------------------

  /** The document's comment threads (comments.js, the workspace's), beside the units; the
   * page works without them when they cannot be loaded. */
  async startComments() {
    try {
      const { CommentThreads } = await import("./comments.js");
      this.comments = new CommentThreads(this.find("#comments"), {
        projectId: this.projectId,
        username: this.root.dataset.username,
        describe: threadName,
      });
    } catch (error) {
      this.find("#comments").textContent = `Comments are not available here (${error.message}).`;
      return;
    }
    this.comments.load(this.documentId);
    this.focusComments();
  }

  focusComments() {
    if (this.comments && this.view) this.comments.focus(unitThread(this.view, this.current()));
  }

  focusComment() {
    if (this.comments && !this.comments.focusBox()) showMessage(this.message, "Comments are not loaded.");
  }

  // --- steps ----------------------------------------------------------------------------

  body(extra) {
    return { version: this.view.gold ? this.view.gold.version : null, matching: this.view.matching, models: this.models, ...extra };
  }

  /** Run one step: the page is busy meanwhile, the answer is drawn, errors are shown. */
  async run(call, done) {
    if (this.busy) return;
    this.busy = true;
    this.root.dataset.busy = "true";
    showMessage(this.message, "Working…");
    try {
      const view = await call();
      if (view) this.show(view);
      showMessage(this.message, typeof done === "function" ? done(view) : done);
    } catch (error) {
      showMessage(this.message, error.message, "error");
      if (error.status === 409) {
        // someone changed the gold set or the layers meanwhile: nothing was written
        const again = () => this.run(() => this.load(), "Reloaded: this is the document as it is now.");
        this.message.append(" ", el("button", { type: "button", id: "reload", class: "small", onclick: again }, "Reload"));
      }
    } finally {
      this.busy = false;
      delete this.root.dataset.busy;
    }
  }

  post(what, extra) {
    if (this.archived) return refused();
    return api("POST", `projects/${this.projectId}/curation/${this.documentId}/${what}`, this.body(extra));
  }

  /** A step whose answer is the plain view: the view is read again as the page asks for it. */
  postThenReload(what, body) {
    return async () => {
      if (this.archived) return refused();
      await api("POST", `projects/${this.projectId}/curation/${this.documentId}/${what}`, body);
      return this.fetchView();
    };
  }

  accept(layer = null, edit = null) {
    const item = this.current();
    if (!item) return;
    const extra = { unit: item.key };
    if (layer) extra.layer = layer;
    if (edit) extra.edit = edit;
    const how = edit ? "edited and accepted" : layer ? `accepted as ${layerShort(layer)} made it` : "accepted";
    this.run(() => this.post("accept/", extra), () => {
      this.closeTool();
      this.selectNextAfter(item.key);
      return `${item.text}: ${how}.`;
    });
  }

  acceptAs(index) {
    const member = this.current()?.unit.members[index];
    if (member) this.accept(member.layer);
  }

  reject() {
    const item = this.current();
    if (!item) return;
    this.run(() => this.post("reject/", { unit: item.key }), () => {
      this.selectNextAfter(item.key);
      return `${item.text}: rejected.`;
    });
  }

  /** After a step on a unit, the next open one is selected (the same one when none is). */
  selectNextAfter(key) {
    const next = nextOpenKey(this.listed, key);
    this.select(next || (this.listed.some((item) => item.key === key) ? key : null));
  }

  saveEdit(form) {
    const unit = this.current().unit;
    this.accept(null, editOf(unit.kind, shownRow(unit), form));
  }

  merge(k, matching) {
    this.find("#matching").value = matching;
    const body = { min_agreeing: k, matching };
    this.run(() => this.post("merge/", body), (view) => {
      this.closeTool();
      return mergedLine(k, view);
    });
  }

  returnTo(annotator, comment) {
    this.run(this.postThenReload("return/", { annotator, comment }), () => {
      this.closeTool();
      this.comments?.load(this.documentId);
      return `Returned to ${annotator} with your comment.`;
    });
  }

  setState(reviewStatus, done) {
    this.run(this.postThenReload("state/", { review_status: reviewStatus }), done);
  }

  markCurated() {
    const open = this.view.counts.open;
    const left = open ? ` ${open} unit${open === 1 ? " was" : "s were"} left open (not in gold).` : "";
    this.setState("curated", `The document is curated: its gold set is submitted.${left}`);
  }

  reopen() {
    this.setState("in_review", "The document is in review again.");
  }

  // --- tools and keys -------------------------------------------------------------------

  openTool(name) {
    if (name === "edit" && !this.current()) return;
    if (this.tool && this.tool !== name) this.closeTool();
    this.tool = name;
    if (name === "edit") this.drawPanel();
    else this.drawTool();
  }

  closeTool() {
    const box = this.find("#tool");
    const hadFocus = box.contains(document.activeElement) || this.find("#unit").contains(document.activeElement);
    const wasEdit = this.tool === "edit";
    this.tool = null;
    box.hidden = true;
    box.replaceChildren();
    if (wasEdit) this.drawPanel();
    if (hadFocus) this.find("#doc-text").focus({ preventScroll: true });
  }

  drawTool() {
    const box = this.find("#tool");
    box.hidden = false;
    box.dataset.tool = this.tool;
    if (this.tool === "merge") {
      drawMergeTool(box, { layers: this.view.layers.length, matching: this.view.matching }, (k, m) => this.merge(k, m));
    } else if (this.tool === "diff") {
      const choices = diffChoices(this.view);
      if (!this.diffPair || !this.diffPair.every((name) => choices.includes(name))) this.diffPair = choices.slice(0, 2);
      const focused = document.activeElement?.id;
      drawDiffTool(box, this.view, this.listed, this.diffPair, {
        onChange: (pair) => {
          this.diffPair = pair;
          this.drawTool();
        },
        onSelect: (key) => this.select(key),
      });
      if (focused === "diff-b") this.find("#diff-b").focus();
    } else if (this.tool === "return") {
      drawReturnTool(box, this.view.annotators, (who, comment) => this.returnTo(who, comment));
    }
  }

  toggleHelp(force) {
    const box = this.find("#help");
    const show = force === undefined ? box.hidden : force;
    if (show) this.drawHelp();
    box.hidden = !show;
    if (show) box.focus();
    else this.find("#doc-text").focus({ preventScroll: true });
  }

  drawHelp() {
    drawKeyHelp(this.find("#help"), helpEntries(this.keys));
  }

  onKey(event) {
    if (!this.view) return;
    const target = event.target;
    const typing = target instanceof HTMLElement && target.matches("input, select, textarea");
    const unit = this.current();
    const situation = {
      typing,
      help: !this.find("#help").hidden,
      tool: this.tool,
      unit: Boolean(unit),
      layers: unit ? unit.unit.members.length : 0,
    };
    const chord = chordOf(event);
    const row = rowFor(this.keys, chord, situation);
    if (!row) return;
    if (target instanceof HTMLButtonElement && chord === "Enter") return; // the button's own
    event.preventDefault();
    row.run(this, event, chord);
  }
}

const root = document.querySelector("#curate");
if (root) {
  const page = new CurationPage(root);
  window.claimlens = page; // for the browser tests and the curious
  page.start();
  // time on task: the reviewer's active time on the gold set, until the document is curated
  page.timeOnTask = trackTime(() => (!page.archived && page.view?.gold && page.view.gold.status !== "curated" ? page.view.gold.id : null));
}
