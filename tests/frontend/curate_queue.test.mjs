// node --test: the Curate queue's pure parts: the query its filters make, the words and
// figures of a row, where j/k move, and what the auto-merge form sends.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  addressOf,
  disagreementText,
  filtersFromAddress,
  jobText,
  mergeRequest,
  moveTo,
  queueQuery,
  stateText,
  unreadByDocument,
} from "../../frontend/static/frontend/js/curate_queue_model.js";

const row = {
  id: 7,
  review_status: "unreviewed",
  ready: true,
  returned_to: [],
  disagreement: 0.4,
  disputed: 2,
  units: 5,
};

test("no filter asks for every state, the most disagreed first", () => {
  const query = queueQuery({}, 1, 50);
  assert.equal(query.toString(), "page=1&page_size=50&order=disagreement");
});

test("ready to curate is a flag; a review state is asked by name", () => {
  assert.equal(queueQuery({ state: "ready" }).get("ready"), "true");
  assert.equal(queueQuery({ state: "ready" }).has("review_status"), false);
  assert.equal(queueQuery({ state: "returned" }).get("review_status"), "returned");
});

test("story, outlet and text are sent trimmed, empty ones left out", () => {
  const query = queueQuery({ story: "3", outlet: "The Daily", q: "  talks ", order: "position" }, 2, 10);
  assert.equal(query.get("story"), "3");
  assert.equal(query.get("outlet"), "The Daily");
  assert.equal(query.get("q"), "talks");
  assert.equal(query.get("order"), "position");
  assert.equal(query.get("page"), "2");
  assert.equal(queueQuery({ q: "   " }).has("q"), false);
  assert.equal(queueQuery({ min_disagreement: "0.25" }).get("min_disagreement"), "0.25");
  assert.equal(queueQuery({ min_disagreement: "" }).has("min_disagreement"), false);
});

test("a row's state says whether it is ready, and who a returned one went back to", () => {
  assert.equal(stateText(row), "Unreviewed, ready to curate");
  assert.equal(stateText({ ...row, review_status: "in_review" }), "In review");
  const returned = { ...row, review_status: "returned", ready: false, returned_to: ["ann", "bob"] };
  assert.equal(stateText(returned), "Returned to ann, bob");
});

test("disagreement is a percentage with the disputed units; none without two layers", () => {
  assert.deepEqual(disagreementText(row), { figure: "40 %", detail: "2 of 5 units disputed" });
  assert.deepEqual(disagreementText({ ...row, disagreement: 0, disputed: 0, units: 1 }), {
    figure: "0 %",
    detail: "0 of 1 unit disputed",
  });
  assert.equal(disagreementText({ ...row, disagreement: null }).figure, "—");
});

test("unread counts are read by document", () => {
  const unread = unreadByDocument({ total: 3, documents: [{ document: 7, unread: 2 }, { document: 9, unread: 1 }] });
  assert.equal(unread.get(7), 2);
  assert.equal(unread.get(8), undefined);
  assert.equal(unreadByDocument(null).size, 0);
});

test("j and k move one row and stop at the ends; the first move starts at the top", () => {
  assert.equal(moveTo("j", -1, 3), 0);
  assert.equal(moveTo("j", 0, 3), 1);
  assert.equal(moveTo("ArrowDown", 2, 3), 2);
  assert.equal(moveTo("k", 1, 3), 0);
  assert.equal(moveTo("ArrowUp", 0, 3), 0);
  assert.equal(moveTo("k", -1, 3), 0);
  assert.equal(moveTo("x", 0, 3), null);
  assert.equal(moveTo("j", -1, 0), null);
});

test("the auto-merge form sends k as a number, the matching and the model names", () => {
  assert.deepEqual(mergeRequest({ min_agreeing: "2", matching: "overlap", models: ["ner", " ", "crf"] }), {
    min_agreeing: 2,
    matching: "overlap",
    models: ["ner", "crf"],
  });
  assert.deepEqual(mergeRequest({ min_agreeing: "3", matching: "anything" }), {
    min_agreeing: 3,
    matching: "exact",
    models: [],
  });
});

test("a job reads as its state and progress", () => {
  const job = { status: "running", documents_done: 1, documents_total: 3, min_agreeing: 2, matching: "exact" };
  assert.equal(jobText(job), "Auto-merge running: 1 of 3 documents (k = 2, exact)");
  assert.equal(jobText({ ...job, documents_total: 1 }), "Auto-merge running: 1 of 1 document (k = 2, exact)");
});

test("a reviewer's toolbar counts what curation needs", async () => {
  const { reviewerCountsText } = await import("../../frontend/static/frontend/js/reviewer_counts.js");
  const summary = { documents: 9, ready: 3, waiting: 2, in_review: 1, curated: 2, returned: 1 };
  assert.equal(reviewerCountsText(summary), "3 ready · 2 curated · 1 returned");
});

test("the page address keeps the filters and the page, defaults left out", () => {
  const chosen = { state: "ready", story: "", outlet: "The Courier", order: "disagreement", q: " talks " };
  assert.equal(addressOf(chosen, 1), "state=ready&outlet=The+Courier&q=talks");
  assert.equal(addressOf({ order: "position" }, 3), "order=position&page=3");
  const back = filtersFromAddress("?state=ready&outlet=The+Courier&q=talks&page=2");
  assert.deepEqual(back, {
    filters: { state: "ready", story: "", outlet: "The Courier", min_disagreement: "", order: "disagreement", q: "talks" },
    page: 2,
  });
  assert.deepEqual(filtersFromAddress("?page=-4&order=nonsense").page, 1);
  assert.equal(filtersFromAddress("").filters.order, "disagreement");
});
