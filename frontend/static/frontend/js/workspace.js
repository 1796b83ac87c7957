// The annotator's workspace: one document, the person's own annotation set on it, model
// suggestions, and a story's other document beside it. Loads through the API, edits an
// AnnotationState, draws with TextView and Panel, saves with Saver. Every action has a key.

import { AnnotationState, piecesOf } from "./annotation_state.js";
import { api, showMessage } from "./api.js";
import { el } from "./dom.js";
import { Panel, excerpt } from "./panel.js";
import { Saver } from "./saver.js";
import { TextView } from "./text_view.js";
import { snapToWords, wordStep } from "./words.js";

const STANCE_KEYS = "123456789";

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
    this.help = root.querySelector("#help");
    this.besideBox = root.querySelector("#beside");
    this.snap = true;
    this.selected = null;
    this.linking = null; // a relation type key while waiting for the other span
    this.caret = null; // keyboard selection: {anchor, focus} in code points
    this.external = new Map(); // id -> span of another document (beside view)
    this.suggestionSets = [];
    this.rejected = new Set();
    this.state = null;
  }

  // ---- loading ---------------------------------------------------------------------------

  async start() {
    this.bindKeys();
    try {
      this.schema = await api("GET", `projects/${this.projectId}/schema/`);
      this.labels = labelsOf(this.schema);
      this.panel = new Panel(this.root.querySelector("#panel"), this.schema, this.labels, this.actions());
      await this.open(this.documentId);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Open a document (its id) or the next one from the queue (null). */
  async open(documentId) {
    this.showStatus("saved", "");
    let set = null;
    if (documentId === null) {
      if (this.role === "reviewer") {
        this.showEmpty("Reviewers open documents from the project page to curate the gold set.");
        return;
      }
      set = await api("GET", `projects/${this.projectId}/queue/next/`);
      if (set === null) {
        this.showEmpty("Nothing left in your queue. Thank you!");
        return;
      }
      documentId = set.document;
    }
    const data = await api("GET", `projects/${this.projectId}/documents/${documentId}/`);
    const kind = this.role === "reviewer" ? "gold" : "annotator";
    if (set === null) {
      set = data.sets.find((s) => s.kind === kind && (kind === "gold" || s.author === this.username));
    }
    if (!set) {
      set = await api("POST", "sets/", { project: this.projectId, document: documentId, kind });
    }
    this.documentId = documentId;
    history.replaceState(null, "", `/projects/${this.projectId}/documents/${documentId}/work/`);
    this.setUp(data, set);
    this.loadProgress();
    this.loadStory(data);
  }

  setUp(data, set) {
    this.doc = data;
    this.set = set;
    this.chars = Array.from(data.text);
    this.state = new AnnotationState(set, this.chars);
    this.saver = new Saver(set.id, this.state, (status, message) => this.showStatus(status, message));
    this.suggestionSets = data.sets.filter((s) => s.kind === "model");
    this.rejected = new Set(JSON.parse(localStorage.getItem(this.rejectedKey()) || "[]"));
    this.selected = null;
    this.linking = null;
    this.caret = null;
    this.titleBox.textContent = data.title || "(untitled)";
    const meta = [data.outlet, data.published_at ? data.published_at.slice(0, 10) : null, `${set.kind === "gold" ? "gold set" : "your set"}: ${set.status}`];
    this.metaBox.textContent = meta.filter(Boolean).join(" · ");
    this.view = new TextView(this.textBox, data.text, data.zones || [], this.labels);
    this.root.classList.remove("empty");
    this.redraw();
    this.textBox.focus({ preventScroll: true });
    this.showStatus("saved", "All changes saved");
  }

  rejectedKey() {
    return `claimlens:rejected:${this.set.id}`;
  }

  async loadProgress() {
    try {
      const mine = await api("GET", `sets/?project=${this.projectId}&annotator=${encodeURIComponent(this.username)}&status=submitted`);
      const project = await api("GET", `projects/${this.projectId}/`);
      const done = mine?.count ?? 0;
      const total = project.progress?.documents ?? 0;
      // short, so the toolbar keeps one row when Reload or Retry appears beside the status
      this.progressBox.textContent = `${done} of ${total} submitted`;
      this.progressBox.title = `You submitted ${done}; the project has ${total} documents.`;
    } catch (error) {
      this.progressBox.textContent = "";
    }
  }

  async loadStory(data) {
    this.besideBox.replaceChildren();
    if (!data.story) return;
    try {
      const story = await api("GET", `stories/${data.story}/`);
      const others = (story.documents || []).filter((d) => d.id !== data.id);
      if (!others.length) return;
      const select = el("select", { id: "beside-doc" }, el("option", { value: "", text: "— another report of this story —" }));
      for (const other of others) select.append(el("option", { value: other.id, text: other.title || `Document ${other.id}` }));
      select.addEventListener("change", async () => {
        await this.openBeside(select.value ? Number(select.value) : null);
        // The next step is a key (m, o) or a click in the text: keys must not stay in the
        // select, where a letter would pick another report.
        if (document.activeElement === select) this.textBox.focus({ preventScroll: true });
      });
      this.besideBox.append(el("label", { for: "beside-doc", text: `Story: ${story.name}` }), select, el("div", { id: "beside-text", class: "beside-text", tabindex: "-1" }));
    } catch (error) {
      this.fail(error);
    }
  }

  /** Another document of the story, read-only, with this layer's spans there to link to. */
  async openBeside(documentId) {
    const box = this.root.querySelector("#beside-text");
    this.external.clear();
    this.root.classList.toggle("with-beside", documentId !== null);
    if (documentId === null) {
      box.replaceChildren();
      this.redraw();
      return;
    }
    try {
      const data = await api("GET", `projects/${this.projectId}/documents/${documentId}/`);
      const kind = this.set.kind;
      const layer = data.sets.find((s) => s.kind === kind && (kind !== "annotator" || s.author === this.username));
      const spans = layer ? layer.spans : [];
      for (const span of spans) this.external.set(span.id, { ...span, key: `x${span.id}`, documentTitle: data.title });
      const view = new TextView(box, data.text, data.zones || [], this.labels);
      view.render({ spans: spans.map((s) => ({ ...s, key: `x${s.id}` })) });
      this.besideView = view;
      box.onclick = (event) => {
        const key = view.keyAt(event.target);
        if (key && this.linking && this.selected) this.finishLinking({ id: Number(key.slice(1)) });
        else if (key) this.note("This document is read-only here. Select a span on the left, press a relation key, then click a span here to link them.");
      };
      if (!layer || !spans.length) this.note("You have no spans in that document yet: open it to annotate, then link to them here.");
      this.redraw();
    } catch (error) {
      this.fail(error);
    }
  }

  externalSpan(id) {
    return this.external.get(id) || null;
  }

  // ---- drawing ---------------------------------------------------------------------------

  redraw() {
    const related = new Set();
    if (this.selected) {
      for (const r of this.state.relations) {
        if (r.source === this.selected && typeof r.target === "string") related.add(r.target);
        if (r.target === this.selected && typeof r.source === "string") related.add(r.source);
      }
    }
    this.view.render({
      spans: this.state.spans,
      suggestions: this.openSuggestions(),
      selected: this.selected,
      related,
      dim: !this.quiet,
    });
    this.panel.render(this);
  }

  changed() {
    this.redraw();
    this.saver.changed();
  }

  showStatus(status, message) {
    this.statusLine.dataset.state = status;
    this.statusLine.textContent = message;
    const conflict = status === "conflict";
    this.root.querySelector("#reload").hidden = !conflict;
    this.root.querySelector("#retry").hidden = status !== "failed";
    if (conflict || status === "failed") this.statusLine.setAttribute("role", "alert");
    else this.statusLine.setAttribute("role", "status");
    // The status line stays short so the toolbar never reflows; the why goes below it.
    if (conflict) {
      this.note(
        "This document was saved elsewhere (another tab or person) after you opened it, so your last " +
          "changes were not saved. Reload to continue from the current version.",
      );
    }
  }

  note(message) {
    showMessage(this.messageLine, message, "info");
  }

  fail(error) {
    showMessage(this.messageLine, error.message || String(error), "error");
  }

  showEmpty(message) {
    this.root.classList.add("empty");
    this.textBox.replaceChildren(el("p", { class: "done", text: message }));
    this.titleBox.textContent = "";
    this.metaBox.textContent = "";
    this.showStatus("saved", "");
  }

  // ---- what the panel and keys call ------------------------------------------------------

  actions() {
    return {
      labelSelection: (label) => this.labelSelection(label),
      select: (key) => this.select(key),
      changeLabel: (key, label) => this.edit(() => this.state.updateSpan(key, { label })),
      setAttribute: (key, name, value) => {
        const span = this.state.span(key);
        const attributes = { ...span.attributes };
        if (value === null || (Array.isArray(value) && !value.length)) delete attributes[name];
        else attributes[name] = value;
        this.edit(() => this.state.updateSpan(key, { attributes }));
      },
      moveEdge: (key, edge, direction) => this.moveEdge(key, edge, direction),
      deleteSpan: (key) => this.deleteSpan(key),
      startLinking: (type) => this.startLinking(type),
      deleteRelation: (key) => this.edit(() => this.state.deleteRelation(key)),
      setStance: (holder, about, value) => this.edit(() => this.state.setStance(holder, about, value)),
      setAnswer: (question, value) => this.edit(() => this.state.setAnswer(question, value)),
      acceptSuggestion: (key) => this.acceptSuggestion(key),
      rejectSuggestion: (key) => this.rejectSuggestion(key),
      acceptAll: (label) => this.acceptAll(label),
    };
  }

  edit(change) {
    if (!this.state || this.saver.stopped) {
      if (this.saver?.stopped) this.note("Reload first: this document was changed elsewhere.");
      return;
    }
    change();
    this.changed();
  }

  select(key) {
    this.selected = key;
    this.quiet = false;
    this.linking = null;
    const span = this.state.span(key) || this.suggestion(key);
    if (span) this.view.reveal(span);
    this.redraw();
  }

  selectedSpan() {
    return this.selected ? this.state.span(this.selected) : null;
  }

  selectedSuggestion() {
    return this.selected ? this.suggestion(this.selected) : null;
  }

  /** The text selection (mouse or keyboard) in code points, snapped when snapping is on. */
  currentRange() {
    const range = this.view.selectionRange();
    if (!range) return null;
    return this.snap ? snapToWords(this.chars, range.start, range.end) : range;
  }

  labelSelection(label) {
    const range = this.currentRange();
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

  addFragment() {
    const span = this.selectedSpan();
    const range = this.currentRange();
    if (!span || !range) {
      this.note("To add a fragment: select a span, then alt+select (or select and press f) more text.");
      return;
    }
    const spec = this.labels.get(span.label)?.spec;
    if (spec && spec.discontinuous === false) {
      this.note(`${this.labels.get(span.label).name} spans cannot have several fragments in this project.`);
      return;
    }
    this.edit(() => this.state.addFragment(span.key, range.start, range.end));
    window.getSelection().removeAllRanges();
  }

  deleteSpan(key) {
    this.edit(() => this.state.deleteSpan(key));
    this.selected = null;
    this.redraw();
  }

  /** Move a span's start or end by one word (direction -1 or 1). */
  moveEdge(key, edge, direction) {
    const span = this.state.span(key);
    if (!span) return;
    const pieces = piecesOf(span);
    const index = edge === "start" ? 0 : pieces.length - 1;
    const [a, b] = pieces[index];
    const position = wordStep(this.chars, edge === "start" ? a : b, direction);
    const piece = edge === "start" ? [position, b] : [a, position];
    if (piece[1] <= piece[0]) return;
    pieces[index] = piece;
    this.edit(() => this.state.updateSpan(key, { pieces }));
  }

  // relations -------------------------------------------------------------------------------

  relationTypesFrom(label) {
    return (this.schema.relation_types || []).filter((t) => !t.from_labels?.length || t.from_labels.includes(label));
  }

  relationName(type) {
    return (this.schema.relation_types || []).find((t) => t.key === type)?.name || type;
  }

  startLinking(type) {
    const span = this.selectedSpan();
    if (!span) {
      this.note("Select a span first, then press the relation's key.");
      return;
    }
    this.linking = type;
    this.linkAt = null;
    this.pendingEnter = null;
    this.note(`Now click (or Tab to and press Enter on) the span to link with “${this.relationName(type)}”. Esc cancels.`);
    this.panel.render(this);
  }

  finishLinking(target) {
    const type = (this.schema.relation_types || []).find((t) => t.key === this.linking);
    const source = this.selected;
    this.linking = null;
    window.getSelection().removeAllRanges(); // where Tab showed the target, not text to label
    if (!type || !source) return;
    const other = typeof target === "object" ? this.externalSpan(target.id) : this.state.span(target);
    if (!other || target === source) {
      this.note("Pick another span to link to.");
      this.panel.render(this);
      return;
    }
    if (typeof target === "object" && !type.cross_document) {
      this.note(`“${type.name}” links spans of one document; use a cross-document relation (same claim, same source) for the other report.`);
      this.panel.render(this);
      return;
    }
    if (type.to_labels?.length && !type.to_labels.includes(other.label)) {
      this.note(`“${type.name}” goes to ${type.to_labels.join(" or ")}, not ${other.label}.`);
      this.panel.render(this);
      return;
    }
    this.edit(() => this.state.addRelation(type.key, source, target));
    this.note(`Linked: ${excerpt(this.state.span(source).text)} → ${type.name} → ${excerpt(other.text)}`);
  }

  /** Stance questions for a selected span: its holder's stance toward the claims it is
   * linked to and the targets, or the article's stance toward a claim. */
  stanceQuestionsFor(span) {
    const stance = this.schema.stance;
    if (!stance || !stance.values?.length) return [];
    const rows = [];
    if (stance.holder_labels?.includes(span.label)) {
      for (const r of this.state.relations) {
        const claimKey = r.target === span.key ? r.source : r.source === span.key ? r.target : null;
        const claim = typeof claimKey === "string" ? this.state.span(claimKey) : null;
        if (claim && stance.object_labels?.includes(claim.label)) {
          rows.push({ holder: span.key, about: { object: claim.key }, text: `toward “${excerpt(claim.text)}”` });
        }
      }
      for (const target of stance.targets || []) {
        rows.push({ holder: span.key, about: { target: target.key }, text: `toward ${target.name || target.key}` });
      }
    }
    if (stance.object_labels?.includes(span.label)) {
      rows.push({ holder: null, about: { object: span.key }, text: "the article toward this claim" });
    }
    return rows;
  }

  setFirstStance(digit) {
    const span = this.selectedSpan();
    const values = this.schema.stance?.values || [];
    const value = values[STANCE_KEYS.indexOf(digit)];
    if (!span || value === undefined) return false;
    const rows = this.stanceQuestionsFor(span);
    if (!rows.length) return false;
    this.edit(() => this.state.setStance(rows[0].holder, rows[0].about, value));
    this.note(`Stance: ${rows[0].text} is ${value}`);
    return true;
  }

  // suggestions -----------------------------------------------------------------------------

  suggestion(key) {
    return this.openSuggestions().find((s) => s.key === key) || null;
  }

  /** Model spans not yet accepted (no own span with the same label and pieces) or rejected.
   * Derived from the spans and the rejections; computed again only when either changed. */
  openSuggestions() {
    if (!this.suggestionSets.length) return [];
    const cache = this.openCache;
    if (cache && cache.spans === this.state.spans && cache.rejected === this.rejected.size && cache.sets === this.suggestionSets) {
      return cache.open;
    }
    const taken = new Set(this.state.spans.map((s) => `${s.label}|${JSON.stringify(piecesOf(s))}`));
    const open = [];
    for (const set of this.suggestionSets) {
      for (const span of set.spans) {
        const key = `m${set.id}-${span.id}`;
        if (this.rejected.has(key) || taken.has(`${span.label}|${JSON.stringify(piecesOf(span))}`)) continue;
        open.push({ ...span, key, modelName: set.model_name || "a model" });
      }
    }
    this.openCache = { spans: this.state.spans, rejected: this.rejected.size, sets: this.suggestionSets, open };
    return open;
  }

  acceptSuggestion(key) {
    const suggestion = this.suggestion(key);
    if (!suggestion) return;
    let created;
    this.edit(() => {
      created = this.state.addSpan(suggestion.label, piecesOf(suggestion), { ...(suggestion.attributes || {}) });
    });
    this.selectNextSuggestion(suggestion, created);
  }

  rejectSuggestion(key) {
    const suggestion = this.suggestion(key);
    if (!suggestion) return;
    this.rejected.add(key);
    localStorage.setItem(this.rejectedKey(), JSON.stringify([...this.rejected]));
    this.selectNextSuggestion(suggestion, null);
  }

  selectNextSuggestion(after, fallback) {
    const next = this.openSuggestions().find((s) => s.start >= after.start);
    this.selected = next ? next.key : fallback;
    this.redraw();
  }

  acceptAll(label) {
    const chosen = this.openSuggestions().filter((s) => s.label === label);
    if (!chosen.length) return;
    this.edit(() => {
      this.state.addSpans(chosen.map((s) => ({ label: s.label, pieces: piecesOf(s), attributes: { ...(s.attributes || {}) } })));
    });
    this.note(`Accepted ${chosen.length} suggested ${this.labels.get(label)?.name || label} spans.`);
  }

  // submit, skip, reload --------------------------------------------------------------------

  async finish(action) {
    if (!this.state) return;
    const saved = await this.saver.flush();
    if (!saved) {
      this.note("Your changes are not saved yet; fix that before you submit or skip.");
      return;
    }
    try {
      await api("POST", `sets/${this.set.id}/${action}/`);
      this.note(action === "submit" ? "Submitted. Here is the next document." : "Skipped. Here is the next document.");
      this.documentId = null;
      await this.open(null);
    } catch (error) {
      this.fail(error);
    }
  }

  async reload() {
    try {
      await this.open(this.documentId);
      this.note("Reloaded the current version.");
    } catch (error) {
      this.fail(error);
    }
  }

  // keyboard and mouse ----------------------------------------------------------------------

  bindKeys() {
    this.root.querySelector("#submit").addEventListener("click", () => this.finish("submit"));
    this.root.querySelector("#skip").addEventListener("click", () => this.finish("skip"));
    this.root.querySelector("#reload").addEventListener("click", () => this.reload());
    this.root.querySelector("#retry").addEventListener("click", () => this.saver?.save());
    this.root.querySelector("#help-button").addEventListener("click", () => this.toggleHelp());
    const snap = this.root.querySelector("#snap");
    snap.addEventListener("change", () => {
      this.snap = snap.checked;
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

  onMouseUp(event) {
    if (event.altKey && this.selectedSpan() && this.view.selectionRange()) this.addFragment();
  }

  onClick(event) {
    if (!this.view || this.view.selectionRange()) return; // a drag selected text
    const key = this.view.keyAt(event.target);
    if (this.linking && key) {
      this.finishLinking(key);
      return;
    }
    if (key) this.select(key);
    else if (this.selected) {
      this.selected = null;
      this.redraw();
    }
  }

  /** Show or hide the help; closing it gives keyboard focus back to where it was. */
  toggleHelp(force) {
    const show = force === undefined ? this.help.hidden : force;
    if (show) {
      if (this.help.hidden) this.focusBeforeHelp = document.activeElement;
      this.help.hidden = false;
      this.help.focus();
      return;
    }
    const hadFocus = this.help.contains(document.activeElement);
    this.help.hidden = true;
    if (hadFocus) {
      const back = this.focusBeforeHelp;
      const usable = back && back !== document.body && back.isConnected;
      (usable ? back : this.textBox).focus({ preventScroll: true });
    }
  }

  onKey(event) {
    const target = event.target;
    const typing = target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key;
    if (mod && key.toLowerCase() === "z" && !typing) {
      event.preventDefault();
      const done = event.shiftKey ? this.state?.redo() : this.state?.undo();
      if (done) {
        if (this.selected && !this.state.span(this.selected)) this.selected = null;
        this.changed();
      }
      return;
    }
    if (mod && key.toLowerCase() === "y" && !typing) {
      event.preventDefault();
      if (this.state?.redo()) this.changed();
      return;
    }
    if (mod && key === "Enter") {
      event.preventDefault();
      this.finish("submit");
      return;
    }
    // Arrows move the caret in the text; with ctrl they move by word, so this comes before
    // the other keys, which ignore ctrl.
    const inText = this.textBox.contains(target) || target === document.body;
    if (key.startsWith("Arrow") && inText && !typing && !event.metaKey && !event.altKey && this.state) {
      if (this.moveCaret(event)) event.preventDefault();
      return;
    }
    if (typing || mod || event.altKey || !this.state) {
      if (key === "Escape" && typing) target.blur();
      return;
    }
    if (key === "?") {
      event.preventDefault();
      this.toggleHelp();
      return;
    }
    if (key === "Escape") {
      if (!this.help.hidden) this.toggleHelp(false);
      else if (this.linking) {
        this.linking = null;
        window.getSelection().removeAllRanges();
        this.note("Linking cancelled.");
        this.panel.render(this);
      } else {
        this.selected = null;
        this.caret = null;
        window.getSelection().removeAllRanges();
        this.redraw();
      }
      return;
    }
    if (key === "Tab" && inText) {
      if (this.cycle(event.shiftKey ? -1 : 1)) event.preventDefault();
      return;
    }
    if (key === "Enter") {
      if (this.linking) {
        event.preventDefault();
        const go = this.pendingEnter;
        this.pendingEnter = null;
        if (go) go();
        else this.note("Tab to the span to link, then press Enter. Esc cancels.");
        return;
      }
      const suggestion = this.selectedSuggestion();
      if (suggestion) {
        event.preventDefault();
        this.acceptSuggestion(suggestion.key);
      }
      return;
    }
    if (key === "Backspace" || key === "Delete") {
      const suggestion = this.selectedSuggestion();
      if (suggestion) {
        event.preventDefault();
        this.rejectSuggestion(suggestion.key);
      } else if (this.selectedSpan()) {
        event.preventDefault();
        this.deleteSpan(this.selected);
      }
      return;
    }
    if (STANCE_KEYS.includes(key) && this.setFirstStance(key)) {
      event.preventDefault();
      return;
    }
    const lower = key.length === 1 ? key.toLowerCase() : key;
    const edges = { "[": ["start", -1], "{": ["start", 1], "}": ["end", -1], "]": ["end", 1] };
    if (edges[key] && this.selectedSpan()) {
      event.preventDefault();
      this.moveEdge(this.selected, ...edges[key]);
      return;
    }
    if (lower === "w") {
      const snap = this.root.querySelector("#snap");
      snap.checked = !snap.checked;
      this.snap = snap.checked;
      this.note(this.snap ? "Snapping to whole words." : "Not snapping: selections are exact.");
      return;
    }
    if (lower === "f") {
      this.addFragment();
      return;
    }
    if (lower === "x") {
      const field = this.root.querySelector(".stance-select");
      if (field) {
        event.preventDefault();
        field.focus();
      }
      return;
    }
    const label = [...this.labels.entries()].find(([, l]) => l.hotkey === lower);
    const hasRange = this.view.selectionRange() !== null;
    if (label && (hasRange || !this.linkingKey(lower))) {
      event.preventDefault();
      this.labelSelection(label[0]);
      return;
    }
    const relation = this.linkingKey(lower);
    if (relation) {
      event.preventDefault();
      this.startLinking(relation.key);
    }
  }

  linkingKey(key) {
    const span = this.selectedSpan();
    if (!span) return null;
    return this.relationTypesFrom(span.label).find((t) => t.hotkey === key) || null;
  }

  /** Tab / shift+Tab: the next span or suggestion in reading order. False past the last one
   * (or before the first), so that the key moves focus on out of the text and the keyboard
   * never gets stuck in it. While linking, it goes round the other spans, on from the one it
   * reached last, and Enter on the reached span completes the link. */
  cycle(direction) {
    const linking = Boolean(this.linking);
    const pool = linking ? [...this.state.spans] : [...this.state.spans, ...this.openSuggestions()];
    const items = pool.sort((a, b) => a.start - b.start || b.end - a.end);
    if (!items.length) return false;
    const at = items.findIndex((s) => s.key === (linking ? this.linkAt || this.selected : this.selected));
    let index = at === -1 ? (direction > 0 ? 0 : items.length - 1) : at + direction;
    if (!linking) {
      if (index < 0 || index >= items.length) return false;
      this.select(items[index].key);
      return true;
    }
    const round = (i) => (i + items.length) % items.length;
    index = round(index);
    if (items[index].key === this.selected) index = round(index + direction); // not to itself
    const next = items[index];
    if (next.key === this.selected) {
      this.note("There is no other span to link to.");
      return true;
    }
    // keep the link's source selected; show where we are with the page selection
    this.linkAt = next.key;
    this.view.showSelection(next.start, next.end);
    this.note(`Link to “${excerpt(next.text)}”? Press Enter (or Tab on).`);
    this.pendingEnter = () => this.finishLinking(next.key);
    return true;
  }

  /** Arrow keys move a caret; with shift they extend a selection (ctrl: by word). */
  moveCaret(event) {
    const { key, shiftKey, ctrlKey } = event;
    if (key !== "ArrowLeft" && key !== "ArrowRight") return false;
    const direction = key === "ArrowLeft" ? -1 : 1;
    if (!this.caret) {
      const range = this.view.selectionRange();
      const span = this.selectedSpan();
      const at = range ? (direction > 0 ? range.end : range.start) : span ? span.end : 0;
      this.caret = { anchor: range && shiftKey ? range.start : at, focus: at };
    }
    const step = (position) => (ctrlKey ? wordStep(this.chars, position, direction) : clamp(position + direction, 0, this.chars.length));
    this.caret.focus = step(this.caret.focus);
    if (!shiftKey) this.caret.anchor = this.caret.focus;
    const start = Math.min(this.caret.anchor, this.caret.focus);
    const end = Math.max(this.caret.anchor, this.caret.focus);
    if (start === end) {
      const point = this.view.domPoint(this.view.map.toUtf16(start));
      if (point) window.getSelection().collapse(point.node, point.offset);
    } else {
      this.view.showSelection(start, end);
    }
    return true;
  }
}

function clamp(value, low, high) {
  return Math.max(low, Math.min(high, value));
}

/** Label key -> what drawing needs: name, colour, letter (the hotkey, else the initial). */
export function labelsOf(schema) {
  const labels = new Map();
  for (const spec of schema.span_labels || []) {
    labels.set(spec.key, {
      name: spec.name || spec.key,
      color: spec.color || "#555555",
      hotkey: spec.hotkey || null,
      letter: (spec.hotkey || spec.key[0] || "?").toUpperCase(),
      spec,
    });
  }
  return labels;
}

const root = document.querySelector("#workspace");
if (root) {
  const workspace = new Workspace(root);
  window.claimlens = workspace; // for the browser tests and the curious
  workspace.start();
}
