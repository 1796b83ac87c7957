// node --test: the progress page's pure part: states, filters, durations, figures.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  STATES,
  csvPath,
  duration,
  filtered,
  perSubmitted,
  stateOf,
  summary,
} from "../../frontend/static/frontend/js/progress_model.js";

const cell = (status, seconds = 0) => ({ set: status === "none" ? null : 1, status, seconds_spent: seconds });

const REPORT = {
  annotators_per_document: 2,
  ready_to_curate: 1,
  annotators: [
    { username: "ana", submitted: 2, seconds_spent: 900 },
    { username: "ben", submitted: 0, seconds_spent: 30 },
  ],
  documents: [
    { id: 1, story: 5, cells: [cell("submitted", 600), cell("submitted")] },
    { id: 2, story: 5, cells: [cell("submitted", 300), cell("in_progress", 30)] },
    { id: 3, story: 6, cells: [cell("none"), cell("skipped")] },
  ],
};

test("every state has its own letter, so colour is never the only cue", () => {
  const letters = STATES.map((state) => state.letter);
  assert.equal(new Set(letters).size, letters.length);
  assert.equal(stateOf("submitted").letter, "S");
  assert.equal(stateOf("strange").letter, "?");
});

test("filters keep a story's documents, an annotator's column and a state in it", () => {
  assert.deepEqual(filtered(REPORT, { story: "5" }).documents.map((d) => d.id), [1, 2]);
  const ben = filtered(REPORT, { annotator: "ben", state: "in_progress" });
  assert.deepEqual(ben.columns, [1]);
  assert.deepEqual(ben.documents.map((d) => [d.id, d.cells.length]), [[2, 1]]);
  assert.deepEqual(filtered(REPORT, { state: "none" }).documents.map((d) => d.id), [3]);
  assert.deepEqual(filtered(REPORT, { annotator: "ana", state: "skipped" }).documents, []);
  assert.equal(filtered(REPORT).documents.length, 3);
});

test("durations read as seconds, minutes, then hours and minutes", () => {
  assert.equal(duration(45), "45 s");
  assert.equal(duration(720), "12 min");
  assert.equal(duration(3 * 3600 + 5 * 60 + 59), "3 h 05 min");
  assert.equal(perSubmitted(REPORT.annotators[0]), "7 min");
  assert.equal(perSubmitted(REPORT.annotators[1]), "—");
});

test("the overall figures count done documents, open sets and all time on task", () => {
  assert.deepEqual(summary(REPORT), { documents: 3, done: 1, ready: 1, open: 1, seconds: 930 });
});

test("the CSV address carries the filters shown and nothing empty", () => {
  assert.equal(csvPath(4, { story: "", state: "none", annotator: "ben" }), "/api/v1/projects/4/progress/?format=csv&state=none&annotator=ben");
});
