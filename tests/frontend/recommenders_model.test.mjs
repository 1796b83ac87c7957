import assert from "node:assert/strict";
import { test } from "node:test";

import {
  bodyProblems,
  checkWords,
  isLayerClash,
  proposesWords,
  recommenderBody,
  runBody,
  runScopeWords,
} from "../../frontend/static/frontend/js/recommenders_model.js";

const VALUES = {
  name: " tagger ",
  url: " http://127.0.0.1:8765/ ",
  timeout: "10",
  labels: new Set(["CUE", "CLAIM"]),
  relationTypes: new Set(),
  stances: false,
};

test("the form's values become the API body, trimmed and sorted", () => {
  assert.deepEqual(recommenderBody(VALUES), {
    name: "tagger",
    url: "http://127.0.0.1:8765/",
    timeout_seconds: 10,
    labels: ["CLAIM", "CUE"],
    relation_types: [],
    stances: false,
  });
});

test("a good body has no problems", () => {
  assert.deepEqual(bodyProblems(recommenderBody(VALUES)), {});
});

test("a bad name, a non-http address, a bad timeout and nothing to propose are caught", () => {
  const body = recommenderBody({
    ...VALUES,
    name: "My Tagger",
    url: "ftp://example.org/",
    timeout: "121",
    labels: new Set(),
  });
  assert.deepEqual(Object.keys(bodyProblems(body)).sort(), [
    "labels",
    "name",
    "timeout_seconds",
    "url",
  ]);
  assert.ok(bodyProblems({ ...body, url: "not a url" }).url);
});

test("what a recommender proposes is said in one line", () => {
  const words = proposesWords({ labels: ["CLAIM"], relation_types: [], stances: true });
  assert.equal(words, "labels: CLAIM · relations: none · stances: yes");
});

test("a good check quotes the first spans and counts the rest", () => {
  const result = {
    ok: true,
    reason: null,
    spans: [
      { label: "CUE", text: "said" },
      { label: "SOURCE", text: "Mira Olsen" },
      { label: "CLAIM", text: "We need another month" },
    ],
    relations: 1,
    stances: 0,
    seconds: 0.0421,
  };
  assert.deepEqual(checkWords(result, 2), {
    ok: true,
    text:
      "Good answer in 0.04 s: 3 spans, 1 relation, 0 stances: " +
      "CUE “said”, SOURCE “Mira Olsen”, and 1 more.",
  });
});

test("a bad check says the reason", () => {
  const result = { ok: false, reason: "answered HTTP 500", spans: [], relations: 0, stances: 0 };
  assert.deepEqual(checkWords(result), { ok: false, text: "Bad answer: answered HTTP 500" });
});

test("a run names the recommender as the model, with replace and a story only when asked", () => {
  assert.deepEqual(runBody({ name: "tagger" }), { suggester: "recommender", model_name: "tagger" });
  assert.equal(runBody({ name: "tagger" }, true).replace, true);
  assert.deepEqual(runBody({ name: "tagger" }, false, "12"), {
    suggester: "recommender",
    model_name: "tagger",
    story: 12,
  });
});

test("a started run says which documents it covers", () => {
  assert.equal(runScopeWords({ story: null }), "every document of the project");
  const run = { story: { id: 2, name: "Ceasefire" } };
  assert.equal(runScopeWords(run), "the documents of Ceasefire");
});

test("only a clash with the layer's earlier sets offers to replace them", () => {
  assert.ok(isLayerClash({ status: 409, details: { status: "layer_exists" } }));
  assert.ok(!isLayerClash({ status: 409, details: {} }));
  assert.ok(!isLayerClash({ status: 400, details: { status: "layer_exists" } }));
});
