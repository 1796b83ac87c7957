// node --test: which model suggestions are open, and the rejections that close them.
import assert from "node:assert/strict";
import { test } from "node:test";

import { Suggestions } from "../../frontend/static/frontend/js/suggestions.js";

const claim = { id: 10, label: "CLAIM", start: 0, end: 9, fragments: null, text: "the talks" };
const source = { id: 11, label: "SOURCE", start: 12, end: 22, fragments: null, text: "a minister" };
const modelSet = { id: 7, model_name: "rules-v1", spans: [claim, source] };

test("every model span is open until a span with its label and pieces exists", () => {
  const suggestions = new Suggestions([modelSet]);
  assert.deepEqual(suggestions.open([]).map((s) => [s.key, s.modelName]), [["m7-10", "rules-v1"], ["m7-11", "rules-v1"]]);
  const accepted = [{ key: "s1", label: "CLAIM", start: 0, end: 9, fragments: null }];
  assert.deepEqual(suggestions.open(accepted).map((s) => s.key), ["m7-11"]);
  const relabelled = [{ key: "s1", label: "CUE", start: 0, end: 9, fragments: null }];
  assert.equal(suggestions.open(relabelled).length, 2);
});

test("the same spans give the same list back", () => {
  const suggestions = new Suggestions([modelSet]);
  const spans = [];
  assert.equal(suggestions.open(spans), suggestions.open(spans));
});

test("a rejection closes the suggestion, and stored decisions close the rejected ones", () => {
  const suggestions = new Suggestions([modelSet]);
  suggestions.reject(10);
  assert.deepEqual(suggestions.open([]).map((s) => s.key), ["m7-11"]);
  const reloaded = new Suggestions([modelSet]);
  const before = reloaded.open([]);
  reloaded.decided([
    { suggestion: 11, decision: "rejected" },
    { suggestion: 10, decision: "accepted" },
  ]);
  assert.notEqual(reloaded.open([]), before); // the same spans, other decisions: a new list
  assert.deepEqual(reloaded.open([]).map((s) => s.key), ["m7-10"]);
});

test("find knows only open suggestions", () => {
  const suggestions = new Suggestions([modelSet]);
  assert.equal(suggestions.find("m7-11", []).text, "a minister");
  assert.equal(suggestions.find("s1", []), null);
  suggestions.reject(11);
  assert.equal(suggestions.find("m7-11", []), null);
});

test("an acceptance whose span is gone is stale once, and one whose span is there is not", () => {
  const suggestions = new Suggestions([modelSet]);
  suggestions.decided([{ suggestion: 10, decision: "accepted" }, { suggestion: 11, decision: "rejected" }]);
  suggestions.accept([11]); // accepted again after a rejection
  const accepted = [{ key: "s1", label: "CLAIM", start: 0, end: 9, fragments: null }];
  assert.deepEqual(suggestions.stale(accepted), []); // both have their span, or are closed
  assert.deepEqual(suggestions.stale([]), [10]); // the claim's span was undone
  assert.deepEqual(suggestions.stale([]), []); // withdrawn once
});

test("decisions made while the stored ones were loading are kept over them", () => {
  const suggestions = new Suggestions([modelSet]);
  suggestions.accept([10]); // accepted before the GET of the decisions answered
  suggestions.reject(11);
  suggestions.decided([{ suggestion: 11, decision: "accepted" }]); // older than the rejection
  assert.deepEqual(suggestions.stale([]), [10]); // the acceptance is still known, to withdraw
  assert.deepEqual(suggestions.open([]).map((s) => s.key), ["m7-10"]);
});
