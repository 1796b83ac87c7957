// Model suggestions for the set being edited: the spans of the document's model sets that
// the person has neither accepted (an own span with the same label and pieces) nor
// rejected. Decisions are stored on the server, per set (POST /api/v1/sets/{id}/decisions/:
// a model's acceptance and rejection rates come from them); the class itself is pure (no
// DOM, no network): it is told the stored decisions (`decided`) and keeps its own. An
// acceptance stands while the set has the span it made: once that span is gone (undone,
// deleted, relabelled), the suggestion is open again and, after the next save, its
// acceptance is withdrawn on the server (`withdrawStale`).

import { api } from "./api.js";
import { piecesOf } from "./annotation_state.js";

export class Suggestions {
  /**
   * @param {object[]} sets the document's model sets (with spans), as the API returns them
   */
  constructor(sets) {
    this.sets = sets;
    this.rejected = new Set(); // suggestion (span) ids
    this.accepted = new Set();
    this.changes = 0; // counts changes of `rejected`, for the cache
    this.cache = null;
  }

  get any() {
    return this.sets.length > 0;
  }

  /** The decisions stored for the set (GET .../decisions/): rejected ones are no longer open.
   * Decisions made on this page while the list was on its way are newer, and stand. */
  decided(decisions) {
    const stored = (decision, mine, other) =>
      new Set([...decisions.filter((d) => d.decision === decision && !other.has(d.suggestion)).map((d) => d.suggestion), ...mine]);
    const rejected = stored("rejected", this.rejected, this.accepted);
    this.accepted = stored("accepted", this.accepted, this.rejected);
    this.rejected = rejected;
    this.changes += 1;
  }

  /** Suggestions (span ids) accepted into the set. */
  accept(ids) {
    for (const id of ids) this.accepted.add(id);
  }

  /** The accepted suggestions that are open again over `spans` (their span is gone): they
   * are forgotten here, and returned so the caller withdraws them on the server. */
  stale(spans) {
    const open = new Set(this.open(spans).map((s) => s.id));
    const stale = [...this.accepted].filter((id) => open.has(id));
    for (const id of stale) this.accepted.delete(id);
    return stale;
  }

  /** The open suggestions over the set's `spans`, in the sets' order. Computed again only
   * when the spans (replaced, never changed in place) or the rejections changed, so the
   * same list comes back while nothing did. */
  open(spans) {
    if (!this.sets.length) return [];
    if (this.cache && this.cache.spans === spans && this.cache.changes === this.changes) return this.cache.open;
    const taken = new Set(spans.map((s) => `${s.label}|${JSON.stringify(piecesOf(s))}`));
    const open = [];
    for (const set of this.sets) {
      for (const span of set.spans) {
        if (this.rejected.has(span.id) || taken.has(`${span.label}|${JSON.stringify(piecesOf(span))}`)) continue;
        open.push({ ...span, key: `m${set.id}-${span.id}`, modelName: set.model_name || "a model" });
      }
    }
    this.cache = { spans, changes: this.changes, open };
    return open;
  }

  find(key, spans) {
    if (!this.sets.length || typeof key !== "string" || !key.startsWith("m")) return null;
    return this.open(spans).find((s) => s.key === key) || null;
  }

  /** Close a suggestion (by its span id) as rejected. */
  reject(id) {
    this.rejected.add(id);
    this.changes += 1;
  }
}

/** Load the decisions stored for the set being edited, then draw again (documents without
 * model sets ask nothing). */
export async function loadDecisions(ws) {
  const set = ws.set;
  if (!ws.suggestions?.any) return;
  try {
    const decisions = await api("GET", `sets/${set.id}/decisions/`);
    if (ws.set !== set) return;
    ws.suggestions.decided(decisions);
    ws.redraw();
  } catch (error) {
    if (ws.set === set) ws.fail(new Error(`Rejected suggestions could not be loaded: ${error.message}`));
  }
}

/** After a save: withdraw the acceptances whose span the set no longer has (an undone or
 * deleted acceptance is not one). */
export async function withdrawStale(ws) {
  const set = ws.set;
  if (!ws.suggestions?.any) return;
  for (const id of ws.suggestions.stale(ws.state.spans)) {
    try {
      await api("DELETE", `sets/${set.id}/decisions/${id}/`);
    } catch (error) {
      if (error.status !== 404 && ws.set === set) ws.fail(new Error(`An undone acceptance was not withdrawn: ${error.message}`));
    }
  }
}

/** Store decisions ([{suggestion, decision}]) made in the set being edited. */
async function record(ws, decisions) {
  const set = ws.set;
  try {
    await api("POST", `sets/${set.id}/decisions/`, decisions);
  } catch (error) {
    if (ws.set === set) ws.fail(new Error(`The decision on the suggestion was not stored: ${error.message}`));
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
  if (created) {
    ws.suggestions.accept([suggestion.id]);
    record(ws, [{ suggestion: suggestion.id, decision: "accepted" }]);
  }
  selectNext(ws, suggestion, created);
}

export function rejectSuggestion(ws, key) {
  const suggestion = ws.mode === "edit" ? ws.suggestions.find(key, ws.state.spans) : null;
  if (!suggestion) return;
  ws.suggestions.reject(suggestion.id);
  record(ws, [{ suggestion: suggestion.id, decision: "rejected" }]);
  selectNext(ws, suggestion, null);
}

/** Every open suggestion of one label, as one edit (one undo step). */
export function acceptAllSuggestions(ws, label) {
  if (ws.mode !== "edit") return;
  const chosen = ws.suggestions.open(ws.state.spans).filter((s) => s.label === label);
  if (!chosen.length) return;
  const specs = chosen.map((s) => ({ label: s.label, pieces: piecesOf(s), attributes: { ...(s.attributes || {}) } }));
  if (ws.edit(() => ws.state.addSpans(specs))) {
    ws.suggestions.accept(chosen.map((s) => s.id));
    record(ws, chosen.map((s) => ({ suggestion: s.id, decision: "accepted" })));
    ws.note(`Accepted ${chosen.length} suggested ${ws.labels.get(label)?.name || label} spans.`);
  }
}

function selectNext(ws, after, fallback) {
  const next = ws.suggestions.open(ws.state.spans).find((s) => s.start >= after.start);
  ws.selected = next ? next.key : fallback;
  ws.redraw();
}
