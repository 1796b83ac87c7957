// node --test: the editing state of one annotation set (undo/redo, payloads, ids).
import assert from "node:assert/strict";
import { test } from "node:test";

import { AnnotationState, mergePieces } from "../../frontend/static/frontend/js/annotation_state.js";
import { snapToWords, wordStep } from "../../frontend/static/frontend/js/words.js";

const TEXT = '"We will reopen," the minister said. 🚢 Ships wait.';
const chars = Array.from(TEXT);
const emptySet = { version: 3, spans: [], relations: [], stances: [], answers: {} };

function fresh() {
  return new AnnotationState(structuredClone(emptySet), chars);
}

test("a new span carries the text its code-point offsets select", () => {
  const state = fresh();
  const start = chars.indexOf("S");
  const key = state.addSpan("CLAIM", [[start, start + 5]]);
  assert.equal(state.span(key).text, "Ships");
  assert.equal(state.span(key).start, start);
});

test("the same label over the same pieces is found as the span already there", () => {
  const state = fresh();
  const start = chars.indexOf("S");
  const key = state.addSpan("CLAIM", [[start, start + 5]]);
  assert.equal(state.sameSpan("CLAIM", [[start, start + 5]]), key);
  assert.equal(state.sameSpan("SOURCE", [[start, start + 5]]), null);
  assert.equal(state.sameSpan("CLAIM", [[start, start + 4]]), null);
});

test("a discontinuous span joins its fragments' texts with one space", () => {
  const state = fresh();
  const key = state.addSpan("CLAIM", [[1, 8]]);
  state.addFragment(key, 37, 47);
  const span = state.span(key);
  assert.deepEqual(span.fragments, [[1, 8], [37, 47]]);
  assert.equal(span.text, `${chars.slice(1, 8).join("")} ${chars.slice(37, 47).join("")}`);
  assert.equal(span.start, 1);
  assert.equal(span.end, 47);
});

test("touching pieces merge into one", () => {
  assert.deepEqual(mergePieces([[5, 7], [1, 3], [3, 4]]), [[1, 4], [5, 7]]);
});

test("deleting a span takes its relations and stances along", () => {
  const state = fresh();
  const claim = state.addSpan("CLAIM", [[1, 15]]);
  const source = state.addSpan("SOURCE", [[17, 29]]);
  state.addRelation("ATTRIBUTED_TO", claim, source);
  state.setStance(source, { object: claim }, "favor");
  state.deleteSpan(source);
  assert.equal(state.relations.length, 0);
  assert.equal(state.stances.length, 0);
  assert.equal(state.spans.length, 1);
});

test("undo and redo walk back and forth through every edit", () => {
  const state = fresh();
  const key = state.addSpan("CLAIM", [[1, 15]]);
  state.updateSpan(key, { label: "SOURCE" });
  assert.equal(state.span(key).label, "SOURCE");
  assert.ok(state.undo());
  assert.equal(state.span(key).label, "CLAIM");
  assert.ok(state.undo());
  assert.equal(state.spans.length, 0);
  assert.equal(state.undo(), false);
  assert.ok(state.redo());
  assert.ok(state.redo());
  assert.equal(state.span(key).label, "SOURCE");
  assert.equal(state.redo(), false);
});

test("a new edit after undo clears the redo stack", () => {
  const state = fresh();
  state.addSpan("CLAIM", [[1, 15]]);
  state.undo();
  state.addSpan("CUE", [[30, 34]]);
  assert.equal(state.redo(), false);
});

test("new spans are sent with refs, then with the ids the server gave them", () => {
  const state = fresh();
  const claim = state.addSpan("CLAIM", [[1, 15]]);
  const source = state.addSpan("SOURCE", [[17, 29]]);
  state.addRelation("ATTRIBUTED_TO", claim, source);
  const first = state.payload();
  assert.equal(first.body.version, 3);
  assert.deepEqual(first.body.spans.map((s) => s.ref), [claim, source]);
  assert.deepEqual(first.body.relations[0], { type: "ATTRIBUTED_TO", source: claim, target: source, attributes: {} });
  state.saved(first, { version: 4, refs: { [claim]: 11, [source]: 12 } });
  const second = state.payload();
  assert.equal(second.body.version, 4);
  assert.deepEqual(second.body.spans.map((s) => s.id), [11, 12]);
  assert.deepEqual([second.body.relations[0].source, second.body.relations[0].target], [11, 12]);
});

test("a span deleted by a save and brought back by undo is sent again as new", () => {
  const state = fresh();
  const claim = state.addSpan("CLAIM", [[1, 15]]);
  const sent = state.payload();
  state.saved(sent, { version: 4, refs: { [claim]: 11 } });
  state.deleteSpan(claim);
  const deleting = state.payload();
  assert.deepEqual(deleting.body.spans, []);
  state.saved(deleting, { version: 5, refs: {} });
  state.undo();
  const again = state.payload();
  assert.equal(again.body.spans[0].id, undefined);
  assert.equal(again.body.spans[0].ref, claim);
});

test("spans loaded from the server keep their ids; links to other documents stay ids", () => {
  const set = {
    version: 7,
    spans: [{ id: 5, label: "CLAIM", start: 1, end: 15, fragments: null, text: "We will reopen", attributes: {} }],
    relations: [{ id: 9, type: "SAME_CLAIM", source: 5, target: 99, attributes: {} }],
    stances: [{ id: 2, holder: null, object: 5, target: null, value: "against" }],
    answers: { framing: { government: "critical" } },
  };
  const state = new AnnotationState(set, chars);
  const body = state.payload().body;
  assert.deepEqual(body.spans.map((s) => s.id), [5]);
  assert.deepEqual(body.relations[0], { type: "SAME_CLAIM", source: 5, target: 99, attributes: {} });
  assert.deepEqual(body.stances[0], { holder: null, object: 5, target: null, value: "against" });
  assert.deepEqual(body.answers, { framing: { government: "critical" } });
});

test("setting a stance again replaces it, and null removes it", () => {
  const state = fresh();
  const claim = state.addSpan("CLAIM", [[1, 15]]);
  state.setStance(null, { object: claim }, "favor");
  state.setStance(null, { object: claim }, "against");
  assert.deepEqual(state.stances.map((s) => s.value), ["against"]);
  state.setStance(null, { object: claim }, null);
  assert.equal(state.stances.length, 0);
});

test("the same relation twice is added once", () => {
  const state = fresh();
  const a = state.addSpan("CLAIM", [[1, 15]]);
  const b = state.addSpan("SOURCE", [[17, 29]]);
  assert.ok(state.addRelation("ATTRIBUTED_TO", a, b));
  assert.equal(state.addRelation("ATTRIBUTED_TO", a, b), null);
  assert.equal(state.relations.length, 1);
});

test("snapping trims spaces and widens cut words, keeping quote marks", () => {
  const at = (s) => TEXT.indexOf(s);
  assert.deepEqual(snapToWords(chars, at("inister"), at("inister") + 4), { start: at("minister"), end: at("minister") + 8 });
  assert.deepEqual(snapToWords(chars, 0, 6), { start: 0, end: at("will") + 4 });
  assert.deepEqual(snapToWords(chars, at(" the"), at(" the") + 4), { start: at("the "), end: at("the ") + 3 });
});

test("several spans added at once are one undo step", () => {
  const state = fresh();
  const keys = state.addSpans([
    { label: "CLAIM", pieces: [[1, 15]] },
    { label: "SOURCE", pieces: [[17, 29]], attributes: { source_type: "named_person" } },
  ]);
  assert.deepEqual(state.spans.map((s) => s.key), keys);
  assert.deepEqual(state.span(keys[1]).attributes, { source_type: "named_person" });
  assert.ok(state.undo());
  assert.equal(state.spans.length, 0);
  assert.equal(state.undo(), false);
});

test("a word step skips to the end of the next word, or back to the start of the last", () => {
  const at = (s) => TEXT.indexOf(s);
  assert.equal(wordStep(chars, 0, 1), at("We") + 2);
  assert.equal(wordStep(chars, at(" the minister"), 1), at("the minister") + 3);
  assert.equal(wordStep(chars, at("minister") + 3, -1), at("minister"));
  assert.equal(wordStep(chars, 0, -1), 0);
});

test("a set is empty until it has a span, relation, stance or answer", () => {
  const state = fresh();
  assert.equal(state.empty, true);
  state.setAnswer("framing", "neutral");
  assert.equal(state.empty, false);
  state.undo();
  assert.equal(state.empty, true);
  state.addSpan("CLAIM", [[1, 8]]);
  assert.equal(state.empty, false);
});
