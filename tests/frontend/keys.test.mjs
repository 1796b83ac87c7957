// node --test: the workspace's key table (which row answers which key in which situation)
// and the help drawn from it.
import assert from "node:assert/strict";
import { test } from "node:test";

import { chordOf, helpEntries, keyTable, rowFor } from "../../frontend/static/frontend/js/keys.js";
import { NEWS_SCHEMA } from "./news_schema.mjs";

const table = keyTable(NEWS_SCHEMA);

/** A situation: editing a document, focus in the text, nothing selected. */
function editing(changes = {}) {
  return {
    mode: "edit",
    typing: false,
    inText: true,
    meta: false,
    help: false,
    confirming: false,
    linking: false,
    span: false,
    suggestion: false,
    range: false,
    relationKeys: [],
    stanceValues: 0,
    ...changes,
  };
}

const NO_DOCUMENT = editing({ mode: "none" });
const READ_ONLY = editing({ mode: "read-only" });
const CLAIM_SELECTED = editing({ span: true, relationKeys: ["a", "m"] });
const SOURCE_WITH_STANCE = editing({ span: true, relationKeys: ["o"], stanceValues: 4 });

/** What a row does, read from its help (rows have no names: their help is what shows). */
function answer(chord, situation) {
  return rowFor(table, chord, situation)?.help ?? null;
}

/** The workspace methods a row calls, recorded on a stand-in workspace. `field` says
 * whether the key went to a form field (the stand-in's isField). */
function called(chord, situation, { event = {}, field = false, table: rows = table } = {}) {
  const row = rowFor(rows, chord, situation);
  if (!row) return null;
  const calls = [];
  const help = { toggle: (...args) => calls.push(["help.toggle", ...args]) };
  const record = (name) => (...args) => calls.push([name, ...args]);
  const ws = new Proxy({}, { get: (_, name) => (name === "help" ? help : name === "isField" ? () => field : record(name)) });
  const target = { blur: () => calls.push(["blur"]) };
  row.run(ws, { target, shiftKey: false, ...event }, chord);
  return calls;
}

test("a chord names Ctrl, Alt and Shift in order, and Cmd as Ctrl", () => {
  assert.equal(chordOf({ key: "Z", ctrlKey: true, shiftKey: true, altKey: false, metaKey: false }), "Ctrl+Shift+z");
  assert.equal(chordOf({ key: "z", ctrlKey: false, shiftKey: false, altKey: false, metaKey: true }), "Ctrl+z");
  assert.equal(chordOf({ key: "Enter", ctrlKey: true, shiftKey: false, altKey: false, metaKey: false }), "Ctrl+Enter");
  assert.equal(chordOf({ key: "Tab", ctrlKey: false, shiftKey: true, altKey: false, metaKey: false }), "Shift+Tab");
});

test("a typed character carries its own shift, and a capital letter is its key", () => {
  assert.equal(chordOf({ key: "?", ctrlKey: false, shiftKey: true, altKey: false, metaKey: false }), "?");
  assert.equal(chordOf({ key: "{", ctrlKey: false, shiftKey: true, altKey: false, metaKey: false }), "{");
  assert.equal(chordOf({ key: "C", ctrlKey: false, shiftKey: true, altKey: false, metaKey: false }), "c");
  assert.equal(chordOf({ key: "c", ctrlKey: false, shiftKey: false, altKey: true, metaKey: false }), "Alt+c");
});

test("with no document shown, ctrl+enter submits nothing and no key edits", () => {
  for (const chord of ["Ctrl+Enter", "Ctrl+z", "Ctrl+Shift+z", "c", "s", "Delete", "Tab", "Enter", "1", "[", "w", "f", "ArrowRight", "g"]) {
    assert.equal(rowFor(table, chord, NO_DOCUMENT), null, chord);
  }
  assert.equal(answer("?", NO_DOCUMENT), "show or hide this help");
});

test("a document shown read-only answers g (start the gold set) and no editing key", () => {
  assert.deepEqual(called("g", READ_ONLY), [["startGold"]]);
  for (const chord of ["Ctrl+Enter", "Ctrl+z", "c", "Delete", "Tab", "1", "w", "f"]) {
    assert.equal(rowFor(table, chord, READ_ONLY), null, chord);
  }
});

test("g does nothing while a set is edited (it is no label key in the news schema)", () => {
  assert.equal(rowFor(table, "g", editing()), null);
});

test("ctrl+enter submits the set being edited, even from a field, which it leaves first", () => {
  assert.deepEqual(called("Ctrl+Enter", editing()), [["submit"]]);
  assert.deepEqual(called("Ctrl+Enter", editing({ typing: true }), { field: true }), [["blur"], ["submit"]]);
});

test("escape closes the help first, then the empty-submission question, then linking, then the selection", () => {
  assert.deepEqual(called("Escape", editing({ help: true, confirming: true, linking: true })), [["toggleHelp", false]]);
  assert.deepEqual(called("Escape", editing({ guidelines: true, linking: true })), [["toggleGuidelines", false]]);
  assert.deepEqual(called("Escape", editing({ confirming: true, linking: true })), [["cancelSubmit"]]);
  assert.deepEqual(called("Escape", editing({ linking: true, span: true })), [["cancelLinking"]]);
  assert.deepEqual(called("Escape", editing({ span: true })), [["clearSelection"]]);
  assert.deepEqual(called("Escape", editing({ typing: true, help: true })), [["blur"]]);
});

test("i shows the guidelines in every mode, but not from a field, and not where a label takes i", () => {
  for (const situation of [editing(), READ_ONLY, NO_DOCUMENT]) assert.deepEqual(called("i", situation), [["toggleGuidelines"]]);
  assert.equal(rowFor(table, "i", editing({ typing: true })), null);
  const schema = { ...NEWS_SCHEMA, span_labels: [...NEWS_SCHEMA.span_labels, { key: "INFO", name: "Info", hotkey: "i" }] };
  assert.deepEqual(called("i", editing(), { table: keyTable(schema) }), [["labelSelection", "INFO"]]);
  assert.ok(!helpEntries(keyTable(schema)).some((entry) => entry.does.includes("show or hide the project's guidelines")));
});

test("escape answers the empty-submission question with no document edited too", () => {
  assert.deepEqual(called("Escape", editing({ mode: "none", confirming: true })), [["cancelSubmit"]]);
  assert.equal(rowFor(table, "Escape", NO_DOCUMENT), null);
});

test("a label key labels the selection, even when a relation has the same key", () => {
  assert.deepEqual(called("c", editing({ range: true })), [["labelSelection", "CLAIM"]]);
  assert.deepEqual(called("s", editing()), [["labelSelection", "SOURCE"]]);
});

test("a relation key starts linking from a selected span whose label it starts from", () => {
  assert.deepEqual(called("a", CLAIM_SELECTED), [["startLinkingByKey", "a"]]);
  assert.equal(rowFor(table, "a", editing()), null);
  assert.equal(rowFor(table, "o", CLAIM_SELECTED), null); // same source starts from sources
});

test("the digits set a stance only up to the number of stance values", () => {
  assert.deepEqual(called("1", SOURCE_WITH_STANCE), [["setFirstStance", 1]]);
  assert.deepEqual(called("4", SOURCE_WITH_STANCE), [["setFirstStance", 4]]);
  assert.equal(rowFor(table, "5", SOURCE_WITH_STANCE), null);
  assert.equal(rowFor(table, "1", CLAIM_SELECTED), null);
});

test("delete rejects a selected suggestion and deletes a selected span", () => {
  assert.deepEqual(called("Delete", editing({ suggestion: true })), [["rejectSelected"]]);
  assert.deepEqual(called("Backspace", editing({ span: true })), [["deleteSelected"]]);
  assert.equal(rowFor(table, "Delete", editing()), null);
  assert.equal(rowFor(table, "Delete", editing({ span: true, typing: true })), null);
});

test("enter links to the span reached while linking, accepts a suggestion, and is left alone elsewhere", () => {
  assert.deepEqual(called("Enter", editing({ linking: true, span: true })), [["linkReached"]]);
  assert.deepEqual(called("Enter", editing({ suggestion: true })), [["acceptSelected"]]);
  assert.equal(rowFor(table, "Enter", editing({ suggestion: true, inText: false })), null); // a focused button
  assert.equal(rowFor(table, "Enter", editing()), null);
});

test("the brackets widen and narrow the selected span by a word", () => {
  assert.deepEqual(called("[", CLAIM_SELECTED), [["moveSelectedEdge", "start", -1]]);
  assert.deepEqual(called("]", CLAIM_SELECTED), [["moveSelectedEdge", "end", 1]]);
  assert.deepEqual(called("{", CLAIM_SELECTED), [["moveSelectedEdge", "start", 1]]);
  assert.deepEqual(called("}", CLAIM_SELECTED), [["moveSelectedEdge", "end", -1]]);
  assert.equal(rowFor(table, "[", editing()), null);
});

test("arrows move the caret in the text only, and stay the browser's with cmd or in a field", () => {
  const calls = called("Ctrl+Shift+ArrowLeft", editing(), { event: { key: "ArrowLeft", shiftKey: true, ctrlKey: true } });
  assert.deepEqual(calls.map(([name, event]) => [name, event.key, event.shiftKey, event.ctrlKey]), [["moveCaret", "ArrowLeft", true, true]]);
  assert.equal(rowFor(table, "ArrowUp", editing()), null); // up and down scroll
  assert.equal(rowFor(table, "ArrowRight", editing({ inText: false })), null);
  assert.equal(rowFor(table, "ArrowRight", editing({ meta: true })), null);
  assert.equal(rowFor(table, "ArrowRight", editing({ typing: true })), null);
});

test("in a form field only ctrl+enter and escape answer", () => {
  const typing = editing({ typing: true, span: true, range: true });
  const answered = new Set(table.flatMap((row) => row.keys).filter((chord) => rowFor(table, chord, typing)));
  assert.deepEqual([...answered].sort(), ["Ctrl+Enter", "Escape"]);
});

test("in the news schema no letter is on two rows, so no row hides another", () => {
  const chords = table.flatMap((row) => row.keys);
  const letters = chords.filter((chord) => /^[a-z]$/.test(chord));
  assert.equal(new Set(letters).size, letters.length, `a letter is on two rows: ${letters}`);
});

test("the help lists every key of every row, and each row says what it does", () => {
  const entries = helpEntries(table);
  const listed = new Set(entries.flatMap((entry) => entry.keys));
  for (const row of table) {
    assert.ok(row.help, `a row of ${row.keys} has no help`);
    if (!row.show) for (const chord of row.keys) assert.ok(listed.has(chord), `${chord} is not in the help`);
  }
  const digits = entries.find((entry) => entry.keys.includes("1–9"));
  assert.match(digits.does, /stance/);
  const labels = entries.find((entry) => entry.keys.includes("c"));
  assert.match(labels.does, /c Claim, s Source, v Cue/);
});

test("rows with the same keys one after the other are one help entry", () => {
  const escape = helpEntries(table).filter((entry) => entry.keys.includes("Escape"));
  assert.equal(escape.length, 1);
  assert.match(escape[0].does, /close this help; .*cancel linking; clear the selection/);
});

test("a schema without hotkeys gives no label or relation rows in the help", () => {
  const bare = keyTable({ span_labels: [{ key: "X" }], relation_types: [] });
  const entries = helpEntries(bare);
  assert.ok(entries.every((entry) => entry.keys.length));
  assert.ok(!entries.some((entry) => /label the selection/.test(entry.does)));
});
