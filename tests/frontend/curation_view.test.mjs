// node --test: the curation view's pure modules: its model (curate_model.js: sections,
// standing, what the text draws, moving through units, an accept's edit), the two-layer
// diff (layer_diff.js) and its key table (curate_keys.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { agreementOf, editOf, listedUnits, mergedLine, nextOpenKey, relatedKeys, standingOf, stepKey, textSpans, threadName, unitThread } from "../../frontend/static/frontend/js/curate_model.js";
import { curateKeyTable } from "../../frontend/static/frontend/js/curate_keys.js";
import { rowFor } from "../../frontend/static/frontend/js/keys.js";
import { diffChoices, diffLayers } from "../../frontend/static/frontend/js/layer_diff.js";
import { NEWS_SCHEMA } from "./news_schema.mjs";

const A = "annotator:ana";
const B = "annotator:bo";
const LABELS = new Map(NEWS_SCHEMA.span_labels.map((l) => [l.key, { name: l.name, color: "#000", letter: l.hotkey }]));

const span = (id, label, start, end, text, attributes = {}) => ({ id, label, start, end, fragments: null, text, attributes, provenance: null });

/** A view as GET /curation/{doc}/ gives it: Ana and Bo both marked the claim (with other
 * attributes) and the minister and linked them; only Ana marked the officials, already in
 * gold; only Bo linked the claim to a claim of another report; Bo's "talks" was rejected. */
function aView() {
  const claimA = span(1, "CLAIM", 18, 39, "the talks had stalled", { quote_type: "direct" });
  const claimB = span(11, "CLAIM", 18, 39, "the talks had stalled", { quote_type: "indirect" });
  const ministerA = span(2, "SOURCE", 0, 12, "The minister");
  const ministerB = span(12, "SOURCE", 0, 12, "The minister");
  const officials = span(3, "SOURCE", 41, 50, "officials");
  const talks = span(13, "CLAIM", 18, 27, "the talks");
  const relation = (id, source, target, type = "ATTRIBUTED_TO") => ({ id, type, source, target, attributes: {}, provenance: null });
  const unit = (key, kind, members, { agreed = false, state = "open", gold = null } = {}) => ({
    key, kind, state, agreed, layers: members.map(([layer]) => layer), members: members.map(([layer, row]) => ({ layer, row })), unit: members[0][1], gold,
  });
  return {
    document: { id: 7, title: "The talks", text: "The minister said the talks had stalled, officials said." },
    review_status: "in_review",
    matching: "exact",
    layers: [
      { name: A, id: 100, version: 3, spans: [claimA, ministerA, officials], relations: [relation(1, 1, 2)], stances: [], answers: {} },
      { name: B, id: 101, version: 2, spans: [claimB, ministerB, talks], relations: [relation(2, 11, 12), relation(3, 11, 900, "SAME_CLAIM")], stances: [], answers: {} },
    ],
    gold: { name: "gold", id: 102, version: 5, spans: [{ ...officials, id: 50 }], relations: [], stances: [], answers: {} },
    elsewhere: [{ id: 900, document: 8, title: "Another report", label: "CLAIM", start: 0, end: 10, text: "talks stall" }],
    units: [
      unit("minister", "span", [[A, ministerA], [B, ministerB]], { agreed: true }),
      unit("claim", "span", [[A, claimA], [B, claimB]]),
      unit("talks", "span", [[B, talks]], { state: "rejected" }),
      unit("officials", "span", [[A, officials]], { state: "gold", gold: { ...officials, id: 50, start: 41, end: 55, text: "officials said" } }),
      unit("link", "relation", [[B, relation(3, 11, 900, "SAME_CLAIM")]]),
      unit("attributed", "relation", [[A, relation(1, 1, 2)], [B, relation(2, 11, 12)]], { agreed: true }),
    ],
    annotators: [],
    counts: { units: 6, agreed: 2, gold: 1, rejected: 1, open: 4 },
  };
}

const listed = () => listedUnits(aView(), { labels: LABELS, schema: NEWS_SCHEMA });

test("units are listed by section, links to other documents apart from relations", () => {
  const items = listed();
  assert.deepEqual(items.map((i) => [i.section, i.key]), [
    ["span", "minister"], ["span", "claim"], ["span", "talks"], ["span", "officials"],
    ["relation", "attributed"], ["link", "link"],
  ]);
  assert.equal(items.find((i) => i.key === "link").text, "SAME_CLAIM: Claim “the talks had stalled” → Claim “talks stall” in “Another report”");
  assert.equal(items.find((i) => i.key === "attributed").text, "ATTRIBUTED_TO: Claim “the talks had stalled” → Source “The minister”");
});

test("a unit's standing is told in words and marks, not by colour alone", () => {
  const units = aView().units;
  assert.deepEqual(standingOf(units[0]), { agreement: "agreed", state: "open", marks: "=" });
  assert.deepEqual(standingOf(units[1]), { agreement: "disputed", state: "open", marks: "≠" });
  assert.deepEqual(standingOf(units[2]), { agreement: "disputed", state: "rejected", marks: "≠✗" });
  assert.equal(agreementOf({ ...units[3], layers: [] }), "gold only");
});

test("with a single layer (the other returned) a unit is neither agreed nor disputed, and drawn solid", () => {
  const view = aView();
  view.layers = view.layers.slice(0, 1);
  view.units = view.units.filter((unit) => unit.layers.includes(A)).map((unit) => ({ ...unit, agreed: false }));
  const items = listedUnits(view, { labels: LABELS, schema: NEWS_SCHEMA });
  assert.deepEqual(items.find((i) => i.key === "claim").standing, { agreement: "one layer", state: "open", marks: "" });
  assert.deepEqual(items.find((i) => i.key === "officials").standing, { agreement: "one layer", state: "in gold", marks: "✓" });
  const { solid, dashed } = textSpans(view);
  assert.deepEqual(solid.map((s) => s.key), ["minister", "claim", "officials"]);
  assert.deepEqual(dashed, []);
});

test("a unit in gold is described and drawn as gold keeps it", () => {
  const officials = listed().find((i) => i.key === "officials");
  assert.equal(officials.text, "Source “officials said”");
  const { solid, dashed } = textSpans(aView());
  assert.deepEqual(solid.map((s) => [s.key, s.start, s.end]), [["minister", 0, 12], ["officials", 41, 55]]);
  assert.deepEqual(dashed.map((s) => s.key), ["claim"]); // the rejected "talks" is not drawn
});

test("j and k move through the units and stop at the ends; n finds the next open one", () => {
  const items = listed();
  assert.equal(stepKey(items, null, 1), "minister");
  assert.equal(stepKey(items, null, -1), "link");
  assert.equal(stepKey(items, "minister", -1), "minister");
  assert.equal(stepKey(items, "claim", 1), "talks");
  assert.equal(nextOpenKey(items, "claim"), "attributed"); // past the rejected and the gold one
  assert.equal(nextOpenKey([], null), null);
});

test("an accept's edit holds only what the reviewer changed", () => {
  const row = span(1, "CLAIM", 18, 39, "the talks had stalled");
  assert.equal(editOf("span", row, { label: "CLAIM", start: 18, end: 39 }), null);
  assert.deepEqual(editOf("span", row, { label: "SOURCE", start: 18, end: 39 }), { label: "SOURCE" });
  assert.deepEqual(editOf("span", row, { label: "CLAIM", start: 22, end: 39 }), { start: 22 });
  assert.equal(editOf("span", { ...row, attributes: { a: 1, b: 2 } }, { attributes: { b: 2, a: 1 } }), null);
  assert.deepEqual(editOf("span", row, { attributes: { quote_type: "direct" } }), { attributes: { quote_type: "direct" } });
  assert.equal(editOf("span", { ...row, attributes: undefined }, { attributes: {} }), null);
  assert.deepEqual(editOf("stance", { value: "favor" }, { value: "against" }), { value: "against" });
  assert.deepEqual(editOf("answer", { framing: "neutral" }, { value: "critical" }), { value: "critical" });
});

test("the diff of two layers counts units only in A, only in B and in both", () => {
  const units = aView().units;
  const { onlyA, onlyB, both } = diffLayers(units, A, B);
  assert.deepEqual(onlyA.map((u) => u.key), ["officials"]);
  assert.deepEqual(onlyB.map((u) => u.key), ["talks", "link"]);
  assert.deepEqual(both.map((u) => [u.key, u.differs]), [["minister", false], ["claim", true], ["attributed", false]]);
});

test("gold can be a side of the diff", () => {
  const view = aView();
  assert.deepEqual(diffChoices(view), [A, B, "gold"]);
  const { onlyA, both } = diffLayers(view.units, "gold", A);
  assert.deepEqual(onlyA, []);
  assert.deepEqual(both.map((u) => [u.key, u.differs]), [["officials", true]]); // gold's boundaries differ
});

test("the keys act on a unit only when one is selected, and never while typing", () => {
  const table = curateKeyTable();
  const free = { typing: false, help: false, tool: null, unit: true, layers: 2 };
  assert.equal(rowFor(table, "a", free).help.startsWith("accept"), true);
  assert.equal(rowFor(table, "a", { ...free, unit: false }), null);
  assert.equal(rowFor(table, "a", { ...free, typing: true }), null);
  assert.ok(rowFor(table, "2", free));
  assert.equal(rowFor(table, "3", free), null); // only two layers made it
  assert.equal(rowFor(table, "Escape", { ...free, typing: true, tool: "merge" }).help, "close the open tool (edit, auto-merge, diff, return)");
});

test("a unit's comments are the thread of its first maker's row; an answer's, the document's", () => {
  const view = aView();
  const items = listed();
  const claim = items.find((i) => i.key === "claim");
  assert.deepEqual(unitThread(view, claim), { set: 100, span: 1, relation: null, stance: null, title: "Claim “the talks had stalled” (quote_type=direct) (ana)" });
  const link = items.find((i) => i.key === "link");
  assert.equal(unitThread(view, link).relation, 3);
  assert.equal(unitThread(view, link).set, 101);
  assert.deepEqual(unitThread(view, null), { set: null, title: "The document" });
  assert.equal(threadName({ span: 4, layer: A }), "a span of ana");
  assert.equal(threadName({ set: 100, layer: B }), "the set of bo");
});

test("a relation's unit shows its ends' units in the text, whichever layer's ids its rows use", () => {
  const view = aView();
  const byKey = (key) => view.units.find((u) => u.key === key);
  assert.deepEqual([...relatedKeys(view, byKey("attributed"))].sort(), ["claim", "minister"]);
  assert.deepEqual([...relatedKeys(view, byKey("link"))], ["claim"]); // its other end is elsewhere
  assert.equal(relatedKeys(view, byKey("claim")).size, 0);
  assert.equal(relatedKeys(view, undefined).size, 0);
});

test("an auto-merge's answer is told in words, with what it left to the reviewer", () => {
  const view = { layers: [{}, {}], merged: { added: { span: 2, relation: 1 }, notes: ["Two values for one stance: left to you."] } };
  assert.equal(mergedLine(2, view), "Auto-merge at 2 of 2: 2 spans, 1 relation put into gold. Two values for one stance: left to you.");
  assert.equal(mergedLine(3, { layers: [{}, {}, {}], merged: { added: {}, notes: [] } }), "Auto-merge at 3 of 3: nothing put into gold.");
});
