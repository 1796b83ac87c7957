// node --test: the side panel's view model, built from the edited set's content.
import assert from "node:assert/strict";
import { test } from "node:test";

import { AnnotationState } from "../../frontend/static/frontend/js/annotation_state.js";
import { buildPanelModel } from "../../frontend/static/frontend/js/panel_model.js";
import { NEWS_SCHEMA } from "./news_schema.mjs";

const TEXT = "Officials said the talks had stalled, a minister told reporters.";
const chars = Array.from(TEXT);
const at = (needle) => [TEXT.indexOf(needle), TEXT.indexOf(needle) + needle.length];

function annotated() {
  const state = new AnnotationState({ version: 1, spans: [], relations: [], stances: [], answers: {} }, chars);
  const claim = state.addSpan("CLAIM", [at("the talks had stalled")]);
  const source = state.addSpan("SOURCE", [at("a minister")]);
  const first = state.addSpan("SOURCE", [at("Officials")]);
  state.addRelation("ATTRIBUTED_TO", claim, source);
  return { state, claim, source, first };
}

function input(state, changes = {}) {
  return {
    schema: NEWS_SCHEMA,
    content: state.content,
    selected: null,
    linking: null,
    external: new Map(),
    suggestions: [],
    hasSuggestions: false,
    ...changes,
  };
}

test("the span list is in reading order, longest first at one start", () => {
  const { state } = annotated();
  const model = buildPanelModel(input(state));
  assert.deepEqual(model.spans.items.map((s) => s.text), ["Officials", "the talks had stalled", "a minister"]);
  assert.equal(model.selected, null);
});

test("a relation row names its type and describes both ends", () => {
  const { state } = annotated();
  const [row] = buildPanelModel(input(state)).relations;
  assert.equal(row.name, "attributed to");
  assert.deepEqual(row.source, { label: "CLAIM", text: "the talks had stalled", documentTitle: null, outlet: null });
  assert.deepEqual(row.target, { label: "SOURCE", text: "a minister", documentTitle: null, outlet: null });
});

test("an end in another document is described with its outlet and title, or named as missing", () => {
  const { state, claim } = annotated();
  state.addRelation("SAME_CLAIM", claim, { id: 77 });
  const external = new Map([[77, { label: "CLAIM", text: "The talks have stalled", documentTitle: "Report 2", outlet: "Harbour Ledger" }]]);
  const shown = buildPanelModel(input(state, { external })).relations[1];
  assert.deepEqual(shown.target, { label: "CLAIM", text: "The talks have stalled", documentTitle: "Report 2", outlet: "Harbour Ledger" });
  const hidden = buildPanelModel(input(state)).relations[1];
  assert.deepEqual(hidden.target, { missing: "span 77 in another document" });
});

test("a selected claim shows its relations, the relation types it can start and the article's stance", () => {
  const { state, claim } = annotated();
  const selected = buildPanelModel(input(state, { selected: claim, linking: "SAME_CLAIM" })).selected;
  assert.equal(selected.kind, "span");
  assert.equal(selected.text, "the talks had stalled");
  assert.deepEqual(selected.relationTypes.map((t) => t.hotkey), ["a", "m"]);
  assert.equal(selected.relations.length, 1);
  assert.equal(selected.linking, "same claim");
  assert.deepEqual(selected.stances.map((s) => [s.text, s.value]), [["the article toward this claim", null]]);
});

test("a selected source shows its stance toward the claim attributed to it, with the value set", () => {
  const { state, claim, source } = annotated();
  state.setStance(source, { object: claim }, "against");
  const selected = buildPanelModel(input(state, { selected: source })).selected;
  assert.deepEqual(selected.stances.map((s) => [s.text, s.value]), [["toward “the talks had stalled”", "against"]]);
  assert.deepEqual(selected.stanceValues, ["favor", "against", "neutral", "unclear"]);
});

test("a selected suggestion is described with the model it comes from", () => {
  const { state } = annotated();
  const suggestion = { key: "m9-1", label: "CUE", text: "told", start: 50, end: 54, modelName: "rules-v1" };
  const model = buildPanelModel(input(state, { selected: "m9-1", suggestions: [suggestion], hasSuggestions: true }));
  assert.deepEqual(model.selected, { kind: "suggestion", key: "m9-1", label: "CUE", text: "told", modelName: "rules-v1" });
  assert.deepEqual(model.suggestions, { open: 1, byLabel: [{ label: "CUE", count: 1 }] });
});

test("without model sets there is no suggestions section", () => {
  const { state } = annotated();
  assert.equal(buildPanelModel(input(state)).suggestions, null);
});

test("a per-target question is left out when the project has no stance targets", () => {
  const { state } = annotated();
  assert.deepEqual(buildPanelModel(input(state)).document, { values: ["favor", "against", "neutral", "unclear"], targets: [], questions: [] });
  const schema = { ...NEWS_SCHEMA, stance: { ...NEWS_SCHEMA.stance, targets: [{ key: "gov", name: "The government" }] } };
  state.setAnswer("framing", { gov: "critical" });
  const document = buildPanelModel(input(state, { schema })).document;
  assert.deepEqual(document.targets, [{ key: "gov", name: "The government", value: null }]);
  assert.deepEqual(document.questions.map((q) => [q.key, q.perTarget, q.answer]), [["framing", true, { gov: "critical" }]]);
});

test("an unchanged state gives the same section objects, so the panel draws nothing again", () => {
  const { state, claim } = annotated();
  const cache = {};
  const first = buildPanelModel(input(state), cache);
  const again = buildPanelModel(input(state, { selected: claim }), cache);
  assert.equal(again.relations, first.relations);
  assert.equal(again.document, first.document);
  assert.notEqual(again.spans, first.spans); // the list marks the selected span
  assert.equal(again.spans.items, first.spans.items);
});

test("a new span gives a new span list but the same relation rows when they read the same", () => {
  const { state } = annotated();
  const cache = {};
  const before = buildPanelModel(input(state), cache);
  state.addSpan("CUE", [at("told")]);
  const after = buildPanelModel(input(state), cache);
  assert.notEqual(after.spans, before.spans);
  assert.equal(after.spans.items.length, 4);
  assert.equal(after.relations, before.relations);
});

test("relabelling a span at the end of a relation gives new relation rows", () => {
  const { state, source } = annotated();
  const cache = {};
  const before = buildPanelModel(input(state), cache);
  state.updateSpan(source, { label: "CUE" });
  const after = buildPanelModel(input(state), cache);
  assert.notEqual(after.relations, before.relations);
  assert.equal(after.relations[0].target.label, "CUE");
});
