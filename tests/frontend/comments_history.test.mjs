// node --test: comment threads grouped from the API's comments, and a set's history in words.
import assert from "node:assert/strict";
import { test } from "node:test";

import { threadKey, threadsOf } from "../../frontend/static/frontend/js/comments.js";
import { changeSummary, countsSummary } from "../../frontend/static/frontend/js/history.js";

const comment = (id, thread, created_at, unread = false) => ({
  id, set: null, layer: null, span: null, relation: null, stance: null, ...thread, created_at, unread, text: `c${id}`,
});

test("a thread is named by its unit, else its set, else it is the document's general one", () => {
  assert.equal(threadKey({ set: 3, span: 12, relation: null, stance: null }), "span:12");
  assert.equal(threadKey({ set: 3, span: null, relation: 4, stance: null }), "relation:4");
  assert.equal(threadKey({ set: 3, stance: 5 }), "stance:5");
  assert.equal(threadKey({ set: 3, span: null }), "set:3");
  assert.equal(threadKey({ set: null }), "general");
});

test("comments are grouped by thread, the thread with the newest comment first, unread counted", () => {
  const threads = threadsOf([
    comment(1, { set: 3, layer: "annotator:ana" }, "2026-12-06T10:00:00Z"),
    comment(2, { set: 3, span: 12, layer: "annotator:ana" }, "2026-12-06T10:05:00Z", true),
    comment(3, { set: 3, layer: "annotator:ana" }, "2026-12-06T10:09:00Z", true),
    comment(4, {}, "2026-12-06T10:01:00Z"),
  ]);
  assert.deepEqual(
    threads.map((t) => [t.key, t.comments.map((c) => c.id), t.unread]),
    [["set:3", [1, 3], 1], ["span:12", [2], 1], ["general", [4], 0]],
  );
  assert.deepEqual(threads[1].thread, { set: 3, layer: "annotator:ana", span: 12, relation: null, stance: null });
});

test("what a write changed reads as words, parts without change left out", () => {
  assert.equal(changeSummary({ spans: { added: 2, removed: 1, changed: 0 }, relations: { added: 0, removed: 0, changed: 1 } }), "+2 spans, −1 span, 1 relation changed");
  assert.equal(changeSummary({ spans: { added: 0, removed: 0, changed: 0 } }), "no change");
  assert.equal(changeSummary(null), "no change");
});

test("what a revision held reads as counts, empty when nothing", () => {
  assert.equal(countsSummary({ spans: 3, relations: 1, stances: 0, answers: 0 }), "3 spans, 1 relation");
  assert.equal(countsSummary({ spans: 0 }), "empty");
});
