// Model suggestions for the set being edited: the spans of the document's model sets that
// the person has neither accepted (an own span with the same label and pieces) nor
// rejected. Rejections are remembered in this browser, per set (`localStorage`: the data
// model has no place for them yet). No DOM.

import { piecesOf } from "./annotation_state.js";

export class Suggestions {
  /**
   * @param {object[]} sets the document's model sets (with spans), as the API returns them
   * @param {number} setId the set being edited: rejections are remembered for it
   * @param {Storage} storage where rejections are kept (localStorage in the page)
   */
  constructor(sets, setId, storage = globalThis.localStorage) {
    this.sets = sets;
    this.storage = storage;
    this.storageKey = `claimlens:rejected:${setId}`;
    this.rejected = new Set(JSON.parse(storage?.getItem(this.storageKey) || "[]"));
    this.cache = null;
  }

  get any() {
    return this.sets.length > 0;
  }

  /** The open suggestions over the set's `spans`, in the sets' order. Computed again only
   * when the spans (replaced, never changed in place) or the rejections changed, so the
   * same list comes back while nothing did. */
  open(spans) {
    if (!this.sets.length) return [];
    if (this.cache && this.cache.spans === spans && this.cache.rejected === this.rejected.size) return this.cache.open;
    const taken = new Set(spans.map((s) => `${s.label}|${JSON.stringify(piecesOf(s))}`));
    const open = [];
    for (const set of this.sets) {
      for (const span of set.spans) {
        const key = `m${set.id}-${span.id}`;
        if (this.rejected.has(key) || taken.has(`${span.label}|${JSON.stringify(piecesOf(span))}`)) continue;
        open.push({ ...span, key, modelName: set.model_name || "a model" });
      }
    }
    this.cache = { spans, rejected: this.rejected.size, open };
    return open;
  }

  find(key, spans) {
    if (!this.sets.length || typeof key !== "string" || !key.startsWith("m")) return null;
    return this.open(spans).find((s) => s.key === key) || null;
  }

  reject(key) {
    this.rejected.add(key);
    this.storage?.setItem(this.storageKey, JSON.stringify([...this.rejected]));
  }
}

// ---- what the workspace does with them (accepting is an edit of the set) ------------------

/** Accept a suggestion: it becomes a span of the set, with its attributes; the next open
 * suggestion is selected. */
export function acceptSuggestion(ws, key) {
  const suggestion = ws.mode === "edit" ? ws.suggestions.find(key, ws.state.spans) : null;
  if (!suggestion) return;
  let created = null;
  ws.edit(() => {
    created = ws.state.addSpan(suggestion.label, piecesOf(suggestion), { ...(suggestion.attributes || {}) });
  });
  selectNext(ws, suggestion, created);
}

export function rejectSuggestion(ws, key) {
  const suggestion = ws.mode === "edit" ? ws.suggestions.find(key, ws.state.spans) : null;
  if (!suggestion) return;
  ws.suggestions.reject(key);
  selectNext(ws, suggestion, null);
}

/** Every open suggestion of one label, as one edit (one undo step). */
export function acceptAllSuggestions(ws, label) {
  if (ws.mode !== "edit") return;
  const chosen = ws.suggestions.open(ws.state.spans).filter((s) => s.label === label);
  if (!chosen.length) return;
  const specs = chosen.map((s) => ({ label: s.label, pieces: piecesOf(s), attributes: { ...(s.attributes || {}) } }));
  if (ws.edit(() => ws.state.addSpans(specs))) {
    ws.note(`Accepted ${chosen.length} suggested ${ws.labels.get(label)?.name || label} spans.`);
  }
}

function selectNext(ws, after, fallback) {
  const next = ws.suggestions.open(ws.state.spans).find((s) => s.start >= after.start);
  ws.selected = next ? next.key : fallback;
  ws.redraw();
}
