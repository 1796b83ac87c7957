import { test } from "node:test";
import assert from "node:assert/strict";

import {
  dateWord,
  documentStatus,
  fileReports,
  removedByRule,
  sharedPieces,
  summaryWords,
  zoneWords,
} from "../../frontend/static/frontend/js/add_documents_model.js";

test("zones are named in reading order, counted when more than one", () => {
  assert.equal(zoneWords({ body: 1, caption: 3, headline: 1 }), "headline, 3 captions, body");
  assert.equal(zoneWords({}), "none");
  assert.equal(zoneWords({ body: 7 }), "7 body passages");
});

test("a document's status says whether the project held it already", () => {
  assert.equal(documentStatus({ created: true, in_project: false }).kind, "new");
  assert.equal(documentStatus({ created: false, in_project: false }).kind, "reused");
  assert.equal(documentStatus({ created: false, in_project: true }).text, "Already in the project: left as it was");
});

test("removed lines are grouped by rule in the order they came", () => {
  const groups = removedByRule([
    { line: 2, rule: "share_buttons", text: "Share" },
    { line: 9, rule: "audio_player", text: "Listen" },
    { line: 12, rule: "share_buttons", text: "Tweet" },
  ]);
  assert.deepEqual(groups.map((g) => [g.label, g.lines.length]), [["share buttons", 2], ["audio player", 1]]);
});

test("the report becomes one entry per file with its documents, problems and repeats", () => {
  const files = fileReports({
    documents: [
      { id: 1, file: "a.jsonl", line: 1 },
      { id: 2, file: "b.txt", line: null },
      { id: 3, file: "a.jsonl", line: 3 },
    ],
    errors: [{ file: "a.jsonl", line: 2, message: "not JSON" }, { file: "c.pdf", line: null, message: "unknown" }],
    repeated: [{ file: "b.txt", line: null, message: "same text as a.jsonl line 1" }],
  });
  assert.deepEqual(files.map((f) => [f.file, f.documents.length, f.errors.length, f.repeated.length]), [
    ["a.jsonl", 2, 1, 0],
    ["b.txt", 1, 0, 1],
    ["c.pdf", 0, 1, 0],
  ]);
});

test("the summary counts what the import did", () => {
  const words = summaryWords({
    counts: { created: 4, existing: 1, repeated: 0, errors: 1, near_duplicates: 1 },
    documents: [{ in_project: true }, { in_project: false }],
    added_to_project: 4,
  });
  assert.equal(words, "4 added to the project · 4 new · 1 already stored · 1 already in the project (left as they were) · 1 near-duplicate · 1 problem.");
  assert.equal(dateWord("2024-03-26T00:00:00Z"), "2024-03-26");
});

test("shared clauses are marked and the pieces cover the text exactly", () => {
  const a = "GAZA — Talks stalled on Monday. “We will not give in to pressure,” the office said. Rain fell.";
  const b = "Officials met again. We will not give in to pressure, the office told the U.S. press!";
  const pieces = sharedPieces(a, b);
  assert.equal(pieces.map((p) => p.text).join(""), a);
  assert.deepEqual(pieces.filter((p) => p.shared).map((p) => p.text), ["We will not give in to pressure"]);
});

test("runs of shared clauses are marked with the punctuation between them", () => {
  const a = "The talks on the deal stalled, the officials in Doha said today. Nothing more.";
  const b = "x. The talks on the deal stalled, the officials in Doha said today!";
  assert.deepEqual(
    sharedPieces(a, b).filter((p) => p.shared).map((p) => p.text),
    ["The talks on the deal stalled, the officials in Doha said today"],
  );
});

test("a full stop inside a word does not cut a clause", () => {
  const a = "Hamas rebuffed all U.S. offers for a compromise, he said.";
  const b = "Officials said so: Hamas rebuffed all U.S. offers for a compromise.";
  assert.deepEqual(sharedPieces(a, b).filter((p) => p.shared).map((p) => p.text), ["Hamas rebuffed all U.S. offers for a compromise"]);
});

test("short clauses are never counted as shared", () => {
  const pieces = sharedPieces("He said. The end.", "He said. The end.");
  assert.ok(pieces.every((p) => !p.shared));
});
