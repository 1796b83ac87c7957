// node --test: suggester runs' pure part: the request a form makes and how a run reads.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  agreementHref,
  isActive,
  outcomeText,
  percent,
  progressText,
  runRequest,
  suggesterName,
} from "../../frontend/static/frontend/js/suggester_runs_model.js";

const fields = (values) => ({ get: (name) => values[name] ?? null });
const run = (extra) => ({
  id: 4,
  status: "done",
  layer: "model:quote-aligner",
  documents_done: 5,
  documents_total: 5,
  progress: 1,
  outcome: { sets: 2, spans: 26, relations: 13, stances: 0 },
  error: "",
  ...extra,
});

test("a form's empty fields are left out so the server's defaults apply", () => {
  assert.deepEqual(runRequest("attribution", fields({ story: "", model_name: "  " })), { suggester: "attribution" });
});

test("a story, a layer name and replace go into the request", () => {
  const body = runRequest("quote-aligner", fields({ story: "7", model_name: " aligner-b ", replace: "on" }));
  assert.deepEqual(body, { suggester: "quote-aligner", story: 7, model_name: "aligner-b", replace: true });
});

test("queued and running runs are active, done and failed ones are not", () => {
  assert.equal(isActive(run({ status: "queued" })), true);
  assert.equal(isActive(run({ status: "running" })), true);
  assert.equal(isActive(run({ status: "done" })), false);
  assert.equal(isActive(run({ status: "failed" })), false);
});

test("a done run says what it wrote, stances only when there are some", () => {
  assert.equal(outcomeText(run()), "Wrote 2 sets: 26 spans, 13 relations.");
  assert.equal(outcomeText(run({ outcome: { sets: 1, spans: 1, relations: 0, stances: 2 } })), "Wrote 1 set: 1 span, 0 relations, 2 stances.");
  assert.equal(outcomeText(run({ outcome: { sets: 0, spans: 0, relations: 0, stances: 0 } })), "Nothing proposed: no set written.");
});

test("a failed run gives its reason; a running one its progress", () => {
  assert.equal(outcomeText(run({ status: "failed", error: "The project is archived." })), "The project is archived.");
  assert.equal(outcomeText(run({ status: "running", documents_done: 2 })), "Running: 2 of 5 documents");
  assert.equal(outcomeText(run({ status: "queued" })), "Waiting for the worker…");
});

test("progress reads in documents and as a percentage", () => {
  assert.equal(progressText(run({ documents_done: 1, documents_total: 1 })), "1 of 1 document");
  assert.equal(percent(run({ progress: 0.4 })), 40);
});

test("the agreement link opens the models against gold", () => {
  assert.equal(agreementHref(3), "/projects/3/agreement/#suggestion-quality-card");
});

test("suggesters have names for people", () => {
  assert.equal(suggesterName("quote-aligner"), "Quote aligner");
  assert.equal(suggesterName("other"), "other");
});
