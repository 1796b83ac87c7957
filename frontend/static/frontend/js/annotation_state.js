// One annotation set being edited in the browser: spans, relations, stances and answers,
// with undo / redo and the whole-set payload for PUT /api/v1/sets/{id}/. Pure: no DOM.
//
// Offsets are code points (the server's unit). Every span has a `key` that never changes
// while the page is open; `ids` maps keys to the ids the server has for them right now, so
// a span brought back by undo after a save deleted it is simply sent again as new.
// Content is never changed in place: each edit builds new arrays, so an undo snapshot is
// just the previous content object.

const UNDO_LIMIT = 500;
export const FRAGMENT_JOINER = " ";

export class AnnotationState {
  /**
   * @param {object} set the set as the API returns it (spans, relations, stances, answers)
   * @param {string[]} chars the document text as code points (Array.from(text))
   */
  constructor(set, chars) {
    this.chars = chars;
    this.version = set.version;
    this.ids = new Map();
    this.revision = 0; // bumped by every edit; the saver compares it with what it sent
    this.undoStack = [];
    this.redoStack = [];
    this.nextKey = 1;
    const keyOf = (id) => `s${id}`;
    const own = new Set(set.spans.map((span) => span.id));
    const end = (ref) => (own.has(ref) ? keyOf(ref) : { id: ref });
    for (const span of set.spans) this.ids.set(keyOf(span.id), span.id);
    this.content = {
      spans: set.spans.map((span) => ({
        key: keyOf(span.id),
        label: span.label,
        start: span.start,
        end: span.end,
        fragments: span.fragments,
        text: span.text,
        attributes: span.attributes || {},
      })),
      relations: set.relations.map((relation) => ({
        key: `r${relation.id}`,
        type: relation.type,
        source: end(relation.source),
        target: end(relation.target),
        attributes: relation.attributes || {},
      })),
      stances: set.stances.map((stance) => ({
        key: `t${stance.id}`,
        holder: stance.holder === null ? null : end(stance.holder),
        object: stance.object === null ? null : end(stance.object),
        target: stance.target,
        value: stance.value,
      })),
      answers: set.answers || {},
    };
  }

  get spans() {
    return this.content.spans;
  }

  get relations() {
    return this.content.relations;
  }

  get stances() {
    return this.content.stances;
  }

  get answers() {
    return this.content.answers;
  }

  span(key) {
    return this.content.spans.find((span) => span.key === key);
  }

  newKey(prefix) {
    const key = `${prefix}new${this.nextKey}`;
    this.nextKey += 1;
    return key;
  }

  /** The text a span with these pieces must carry (the server checks it). */
  textOf(pieces) {
    return pieces.map(([a, b]) => this.chars.slice(a, b).join("")).join(FRAGMENT_JOINER);
  }

  /** Replace the content; the old one goes on the undo stack. */
  commit(content) {
    this.undoStack.push(this.content);
    if (this.undoStack.length > UNDO_LIMIT) this.undoStack.shift();
    this.redoStack = [];
    this.content = content;
    this.revision += 1;
  }

  undo() {
    const previous = this.undoStack.pop();
    if (!previous) return false;
    this.redoStack.push(this.content);
    this.content = previous;
    this.revision += 1;
    return true;
  }

  redo() {
    const next = this.redoStack.pop();
    if (!next) return false;
    this.undoStack.push(this.content);
    this.content = next;
    this.revision += 1;
    return true;
  }

  /** Add a span over `pieces` ([[start, end], ...], code points); returns its key. */
  addSpan(label, pieces, attributes = {}) {
    const key = this.newKey("s");
    this.commit({ ...this.content, spans: [...this.content.spans, spanFrom(this, key, label, pieces, attributes)] });
    return key;
  }

  /** The key of a span with this label over exactly these pieces, or null: a second one
   * would be a duplicate (it would count twice in agreement figures). */
  sameSpan(label, pieces) {
    const wanted = JSON.stringify(mergePieces(pieces));
    const found = this.content.spans.find((span) => span.label === label && JSON.stringify(piecesOf(span)) === wanted);
    return found ? found.key : null;
  }

  /** Add several spans ({label, pieces, attributes}) as one edit: one undo step. */
  addSpans(specs) {
    const added = specs.map((spec) => spanFrom(this, this.newKey("s"), spec.label, spec.pieces, spec.attributes || {}));
    this.commit({ ...this.content, spans: [...this.content.spans, ...added] });
    return added.map((span) => span.key);
  }

  /** Change a span's label, pieces or attributes. */
  updateSpan(key, changes) {
    const old = this.span(key);
    if (!old) return;
    const pieces = changes.pieces || piecesOf(old);
    const label = changes.label || old.label;
    const attributes = changes.attributes || old.attributes;
    const updated = spanFrom(this, key, label, pieces, attributes);
    this.commit({
      ...this.content,
      spans: this.content.spans.map((span) => (span.key === key ? updated : span)),
    });
  }

  /** Add a fragment to a span (a discontinuous span); overlapping pieces are merged. */
  addFragment(key, start, end) {
    const old = this.span(key);
    if (!old) return;
    this.updateSpan(key, { pieces: mergePieces([...piecesOf(old), [start, end]]) });
  }

  /** Delete a span and the relations and stances that point at it. */
  deleteSpan(key) {
    const touches = (end) => end === key;
    this.commit({
      ...this.content,
      spans: this.content.spans.filter((span) => span.key !== key),
      relations: this.content.relations.filter((r) => !touches(r.source) && !touches(r.target)),
      stances: this.content.stances.filter((s) => !touches(s.holder) && !touches(s.object)),
    });
  }

  /** `target` is a span key of this set, or {id} of a span in another document. */
  addRelation(type, source, target, attributes = {}) {
    const same = (r) => r.type === type && sameEnd(r.source, source) && sameEnd(r.target, target);
    if (this.content.relations.some(same)) return null;
    const key = this.newKey("r");
    const relation = { key, type, source, target, attributes };
    this.commit({ ...this.content, relations: [...this.content.relations, relation] });
    return key;
  }

  deleteRelation(key) {
    this.commit({ ...this.content, relations: this.content.relations.filter((r) => r.key !== key) });
  }

  /** The stance of `holder` (a span key, or null for the document) toward `about`
   * ({object: spanKey} or {target: targetKey}); `value` null removes it. */
  setStance(holder, about, value) {
    const object = about.object ?? null;
    const target = about.target ?? null;
    const same = (s) => sameEnd(s.holder, holder) && sameEnd(s.object, object) && s.target === target;
    const others = this.content.stances.filter((s) => !same(s));
    const stances = value === null ? others : [...others, { key: this.newKey("t"), holder, object, target, value }];
    this.commit({ ...this.content, stances });
  }

  stanceOf(holder, about) {
    return stanceIn(this.content.stances, holder, about);
  }

  /** Nothing annotated: no spans, relations, stances or answers. */
  get empty() {
    const { spans, relations, stances, answers } = this.content;
    return !spans.length && !relations.length && !stances.length && !Object.keys(answers).length;
  }

  /** A document question's answer; `value` null clears it. */
  setAnswer(question, value) {
    const answers = { ...this.content.answers };
    if (value === null || value === undefined) delete answers[question];
    else answers[question] = value;
    this.commit({ ...this.content, answers });
  }

  /** The body of a whole-set write, and what `saved` needs to learn the new ids. */
  payload() {
    const refOf = (end) => {
      if (end === null) return null;
      if (typeof end === "object") return end.id;
      return this.ids.has(end) ? this.ids.get(end) : end;
    };
    const spans = this.content.spans.map((span) => {
      const body = {
        label: span.label,
        start: span.start,
        end: span.end,
        fragments: span.fragments,
        text: span.text,
        attributes: span.attributes,
      };
      return this.ids.has(span.key) ? { id: this.ids.get(span.key), ...body } : { ref: span.key, ...body };
    });
    return {
      revision: this.revision,
      keys: this.content.spans.map((span) => span.key),
      body: {
        version: this.version,
        spans,
        relations: this.content.relations.map((r) => ({
          type: r.type,
          source: refOf(r.source),
          target: refOf(r.target),
          attributes: r.attributes,
        })),
        stances: this.content.stances.map((s) => ({
          holder: refOf(s.holder),
          object: refOf(s.object),
          target: s.target,
          value: s.value,
        })),
        answers: this.content.answers,
      },
    };
  }

  /** After a successful write of `sent` (from `payload()`): the new version and ids. */
  saved(sent, response) {
    this.version = response.version;
    const ids = new Map();
    for (const key of sent.keys) {
      const id = this.ids.has(key) ? this.ids.get(key) : response.refs?.[key];
      if (id !== undefined) ids.set(key, id);
    }
    this.ids = ids;
  }
}

/** The stance of `holder` (a span key, {id} or null) toward `about` ({object} or {target}). */
export function stanceIn(stances, holder, about) {
  const object = about.object ?? null;
  const target = about.target ?? null;
  return stances.find((s) => sameEnd(s.holder, holder) && sameEnd(s.object, object) && s.target === target);
}

export function piecesOf(span) {
  return span.fragments ? span.fragments.map(([a, b]) => [a, b]) : [[span.start, span.end]];
}

/** Sort pieces and merge those that overlap or touch. */
export function mergePieces(pieces) {
  const sorted = pieces.map(([a, b]) => [a, b]).sort((x, y) => x[0] - y[0]);
  const merged = [];
  for (const piece of sorted) {
    const last = merged[merged.length - 1];
    if (last && piece[0] <= last[1]) last[1] = Math.max(last[1], piece[1]);
    else merged.push(piece);
  }
  return merged;
}

function spanFrom(state, key, label, pieces, attributes) {
  const merged = mergePieces(pieces);
  return {
    key,
    label,
    start: merged[0][0],
    end: merged[merged.length - 1][1],
    fragments: merged.length > 1 ? merged : null,
    text: state.textOf(merged),
    attributes,
  };
}

function sameEnd(a, b) {
  if (a === b) return true;
  return a !== null && b !== null && typeof a === "object" && typeof b === "object" && a.id === b.id;
}
