import assert from "node:assert/strict";
import { test } from "node:test";

import {
  columnHead,
  countedText,
  markedPieces,
  outletCharts,
  placeOf,
  rowCaption,
  entryHref,
  reportsCount,
  counted,
  stanceText,
  workspaceHref,
} from "../../frontend/static/frontend/js/story_workbench_model.js";

test("a wording is cut into plain and marked pieces that cover it all", () => {
  const pieces = markedPieces("Israel will not cave to demands", [[0, 6], [16, 20]]);
  assert.deepEqual(pieces, [
    { text: "Israel", marked: true },
    { text: " will not ", marked: false },
    { text: "cave", marked: true },
    { text: " to demands", marked: false },
  ]);
  assert.equal(pieces.map((p) => p.text).join(""), "Israel will not cave to demands");
});

test("ranges out of order, overlapping or beyond the text are ignored safely", () => {
  assert.deepEqual(markedPieces("abc def", [[4, 7], [0, 3], [2, 5], [6, 99]]), [
    { text: "abc", marked: true },
    { text: " ", marked: false },
    { text: "def", marked: true },
  ]);
  assert.deepEqual(markedPieces("abc", []), [{ text: "abc", marked: false }]);
});

test("a column head gives the outlet and the day, or says what is missing", () => {
  assert.deepEqual(columnHead({ outlet: "Axios", published_at: "2024-03-26T00:00:00+00:00", title: "T" }), {
    outlet: "Axios",
    day: "2024-03-26",
    title: "T",
  });
  assert.deepEqual(columnHead({ outlet: "", published_at: null, title: "" }), { outlet: "No outlet", day: "undated", title: "" });
});

test("a claim's place, link, stance and source read as a researcher expects", () => {
  assert.equal(placeOf({ zone: "lede", paragraph: 2 }), "lede · ¶2");
  assert.equal(placeOf({ zone: "headline", paragraph: 1 }), "headline");
  assert.equal(workspaceHref(3, 9, { start: 10, end: 42 }), "/projects/3/documents/9/work/?at=10-42");
  assert.equal(stanceText({ holder: null, value: "favor" }), "document: favor");
  assert.equal(stanceText({ holder: "one official", value: "against" }), "one official: against");
  assert.equal(entryHref(3, { text: "one official", entry: { id: 7, name: "US official" } }), "/projects/3/sources/7/");
  assert.equal(entryHref(3, { text: "one official", entry: null }), "");
  assert.equal(entryHref(3, null), "");
});

test("the heading counts the reports", () => {
  assert.equal(reportsCount(1), "1 report");
  assert.equal(reportsCount(5), "5 reports");
  assert.equal(counted(1, "claim"), "1 claim");
  assert.equal(counted(0, "wording"), "0 wordings");
});

test("a row says how many outlets carry it, or which one alone", () => {
  const table = { documents: [{ id: 1, outlet: "Axios" }, { id: 2, outlet: "CNN" }] };
  assert.equal(rowCaption({ outlets: 2, only_outlet: false, cells: [{ document: 1 }, { document: 2 }] }, table), "2 outlets");
  assert.equal(rowCaption({ outlets: 1, only_outlet: true, cells: [{ document: 2 }] }, table), "Only CNN");
});

test("the outlet charts print each figure and keep the top cues per outlet", () => {
  const outlets = [
    {
      outlet: "Axios", claims: 4, anonymous: 1, anonymous_share: 0.25, only_outlet: 2,
      cues: [{ cue: "said", count: 3 }, { cue: "told", count: 1 }, { cue: "added", count: 1 }, { cue: "warned", count: 1 }],
      stances: [{ value: "against", count: 2 }],
    },
    { outlet: "", claims: 0, anonymous: 0, anonymous_share: 0, only_outlet: 0, cues: [], stances: [] },
  ];
  const charts = outletCharts(outlets);
  assert.deepEqual(charts.anonymous.map((r) => r.text), ["25% (1 of 4)", "no claims"]);
  assert.deepEqual(charts.alone.map((r) => [r.name, r.value]), [["Axios", 2], ["No outlet", 0]]);
  assert.equal(charts.cues.length, 3);
  assert.equal(charts.cues[0].name, "Axios: said");
  assert.deepEqual(charts.stances, [{ name: "Axios: against", value: 2, text: "2" }]);
  assert.equal(countedText(outlets[0].cues.slice(0, 2), "cue"), "said 3, told 1");
  assert.equal(countedText([], "cue"), "—");
});
