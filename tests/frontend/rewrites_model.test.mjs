// node --test: the rewrites page's pure part: the pair picker, the summary, rows shown,
// a sentence's pieces, a moved row's note.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  documentName,
  documentOption,
  kindLabel,
  movedNote,
  pairFor,
  pairKey,
  pairLabel,
  publishedDay,
  rowsShown,
  sentencePieces,
  similarityLabel,
  summaryItems,
} from "../../frontend/static/frontend/js/rewrites_model.js";

const AXIOS = { id: 1, title: "Talks deadlock", outlet: "Axios", published_at: "2024-03-26T00:00:00Z" };
const AL_MAYADEEN = { id: 2, title: "US, 'Israel' mis-assessed", outlet: "Al Mayadeen", published_at: null };
const PAIR = { original: AXIOS, rewrite: AL_MAYADEEN, similarity: 0.32 };
const OTHER = { original: { id: 3, title: "Untitled", outlet: null }, rewrite: { id: 4, title: "", outlet: null }, similarity: 0.5 };

test("a pair is named by who rewrote whom and the share of clauses", () => {
  assert.equal(pairLabel(PAIR), "Al Mayadeen rewrote Axios (32% of clauses shared)");
  assert.equal(pairLabel(OTHER), "Document 4 rewrote Untitled (50% of clauses shared)");
});

test("a document without an outlet is named by its title, then its id", () => {
  assert.equal(documentName(AXIOS), "Axios");
  assert.equal(documentName({ id: 9, title: "A title", outlet: null }), "A title");
  assert.equal(documentName({ id: 9, title: "", outlet: null }), "Document 9");
});

test("the published day is written in UTC, and empty when unknown", () => {
  assert.equal(publishedDay(AXIOS), "26 Mar 2024");
  assert.equal(publishedDay(AL_MAYADEEN), "");
});

test("a pair key finds its pair, and an unknown key falls back to the first pair", () => {
  assert.equal(pairKey(PAIR), "1-2");
  assert.equal(pairFor([PAIR, OTHER], "3-4"), OTHER);
  assert.equal(pairFor([PAIR, OTHER], "9-9"), PAIR);
  assert.equal(pairFor([], "1-2"), null);
});

test("a key naming two documents the import did not flag is a pair without similarity", () => {
  const documents = [AXIOS, AL_MAYADEEN, OTHER.original];
  const chosen = pairFor([PAIR], "3-1", documents);
  assert.deepEqual(chosen, { original: OTHER.original, rewrite: AXIOS, similarity: null });
  assert.equal(pairLabel(chosen), "Axios against Untitled (not flagged as a rewrite)");
  assert.equal(pairFor([PAIR], "1-1", documents), PAIR);
  assert.equal(pairFor([], "1-9", documents), null);
});

test("a document option names the outlet, the day and the title", () => {
  assert.equal(documentOption(AXIOS), "Axios, 26 Mar 2024: Talks deadlock");
  assert.equal(documentOption({ id: 5, title: "Only a title", outlet: null }), "Only a title");
});

test("the summary lists the five kinds in order, moved apart, zero when absent", () => {
  assert.deepEqual(
    summaryItems({ copied: 3, changed: 1, moved: 2, added: 2 }).map((item) => [item.label, item.count]),
    [["Copied", 3], ["Changed", 1], ["Moved", 2], ["Added", 2], ["Dropped", 0]],
  );
});

test("changes only leaves the copied rows out", () => {
  const rows = [{ kind: "copied" }, { kind: "changed" }, { kind: "added" }, { kind: "dropped" }];
  assert.equal(rowsShown(rows, false).length, 4);
  assert.deepEqual(rowsShown(rows, true).map((row) => row.kind), ["changed", "added", "dropped"]);
});

test("a row says its kind, and a changed row its word similarity", () => {
  assert.equal(kindLabel({ kind: "changed", similarity: 0.978 }), "Changed");
  assert.equal(similarityLabel({ kind: "changed", similarity: 0.978 }), "98% similar");
  assert.equal(kindLabel({ kind: "added", similarity: 0 }), "Added");
  assert.equal(similarityLabel({ kind: "copied", similarity: 1 }), "");
});

test("a moved row says Moved, with its similarity only when the rewrite also reworded it", () => {
  assert.equal(kindLabel({ kind: "moved", similarity: 0.97 }), "Moved");
  assert.equal(similarityLabel({ kind: "moved", similarity: 0.97 }), "97% similar");
  assert.equal(similarityLabel({ kind: "moved", similarity: 1 }), "");
});

test("changes only keeps the moved rows", () => {
  const rows = [{ kind: "copied" }, { kind: "moved" }, { kind: "moved" }];
  assert.deepEqual(rowsShown(rows, true).map((row) => row.kind), ["moved", "moved"]);
});

test("a sentence with runs is drawn run by run; one without, as one kept piece", () => {
  const changed = {
    text: "Hamas rejected it.",
    runs: [{ op: "removed", text: "Hamas" }, { op: "kept", text: " rejected it." }],
  };
  assert.deepEqual(sentencePieces(changed), [
    { op: "removed", text: "Hamas" },
    { op: "kept", text: " rejected it." },
  ]);
  assert.deepEqual(sentencePieces({ text: "Same.", runs: [] }), [{ op: "kept", text: "Same." }]);
  assert.deepEqual(sentencePieces(null), []);
});

test("a moved row points at its other place from the column its sentence is missing from", () => {
  const sentence = { text: "Gallant said.", runs: [] };
  const whereItWas = { kind: "moved", moved: 66, similarity: 0.97, original: sentence, rewrite: null };
  assert.deepEqual(movedNote(whereItWas, 30), {
    target: "row-66",
    text: "Moved to: further down",
    side: "rewrite",
  });
  const whereItIs = { kind: "moved", moved: 30, similarity: 0.97, original: null, rewrite: sentence };
  assert.deepEqual(movedNote(whereItIs, 66), {
    target: "row-30",
    text: "Moved from: further up",
    side: "original",
  });
  const movedUp = { kind: "moved", moved: 2, similarity: 1, original: null, rewrite: sentence };
  assert.equal(movedNote(movedUp, 0).text, "Moved from: further down");
  assert.equal(movedNote({ kind: "added", moved: null, similarity: 0, original: null, rewrite: sentence }, 4), null);
});
