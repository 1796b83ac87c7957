// node --test: which set a document opened by its id shows, for each role. Opening never
// creates one.
import assert from "node:assert/strict";
import { test } from "node:test";

import { setToOpen } from "../../frontend/static/frontend/js/set_choice.js";

const mine = { id: 1, kind: "annotator", author: "ann" };
const someoneElses = { id: 2, kind: "annotator", author: "other" };
const gold = { id: 3, kind: "gold", author: "rev" };
const model = { id: 4, kind: "model", author: "boss" };
const managersOwn = { id: 5, kind: "annotator", author: "boss" };

test("an annotator opens their own set on the document", () => {
  assert.deepEqual(setToOpen({ role: "annotator", username: "ann", sets: [someoneElses, mine, gold] }), { set: mine });
});

test("an annotator without a set on the document is told it is not theirs", () => {
  assert.deepEqual(setToOpen({ role: "annotator", username: "ann", sets: [someoneElses, gold, model] }), { notAssigned: true });
});

test("a reviewer opens the gold set, else the document read-only", () => {
  assert.deepEqual(setToOpen({ role: "reviewer", username: "rev", sets: [someoneElses, gold] }), { set: gold });
  assert.deepEqual(setToOpen({ role: "reviewer", username: "rev", sets: [someoneElses, model] }), { readOnly: true });
});

test("a manager opens the gold set first, then their own set, else the document read-only", () => {
  assert.deepEqual(setToOpen({ role: "manager", username: "boss", sets: [managersOwn, gold] }), { set: gold });
  assert.deepEqual(setToOpen({ role: "manager", username: "boss", sets: [someoneElses, managersOwn] }), { set: managersOwn });
  assert.deepEqual(setToOpen({ role: "manager", username: "boss", sets: [someoneElses, model] }), { readOnly: true });
});

test("the set the address names wins when the caller may edit it", () => {
  const sets = [managersOwn, gold];
  assert.deepEqual(setToOpen({ role: "manager", username: "boss", sets, wanted: managersOwn.id }), { set: managersOwn });
  assert.deepEqual(setToOpen({ role: "manager", username: "boss", sets: [someoneElses, gold], wanted: someoneElses.id }), { set: gold });
  assert.deepEqual(setToOpen({ role: "annotator", username: "ann", sets: [mine, gold], wanted: gold.id }), { set: mine });
});

test("in an archived project the set the person would edit comes back marked archived", () => {
  assert.deepEqual(setToOpen({ role: "annotator", username: "ann", sets: [mine, gold], archived: true }), { set: mine, archived: true });
  assert.deepEqual(setToOpen({ role: "reviewer", username: "rev", sets: [someoneElses, gold], archived: true }), { set: gold, archived: true });
  assert.deepEqual(setToOpen({ role: "manager", username: "boss", sets: [managersOwn, gold], wanted: managersOwn.id, archived: true }), {
    set: managersOwn,
    archived: true,
  });
});

test("in an archived project a document without the person's set is read-only or not theirs", () => {
  assert.deepEqual(setToOpen({ role: "reviewer", username: "rev", sets: [someoneElses], archived: true }), { readOnly: true, archived: true });
  assert.deepEqual(setToOpen({ role: "annotator", username: "ann", sets: [someoneElses], archived: true }), { notAssigned: true });
});
