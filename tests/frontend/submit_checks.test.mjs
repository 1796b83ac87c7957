// node --test: the schema's submit checks evaluated on a set (submit_checks.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { AnnotationState } from "../../frontend/static/frontend/js/annotation_state.js";
import { submitWarnings } from "../../frontend/static/frontend/js/submit_checks.js";
import { NEWS_SCHEMA } from "./news_schema.mjs";

const TEXT = "Officials said the talks had stalled, and a minister said prices would rise.";
const chars = Array.from(TEXT);
const at = (needle) => [TEXT.indexOf(needle), TEXT.indexOf(needle) + needle.length];
const CLAIM_NEEDS_SOURCE = { kind: "require_relation", label: "CLAIM", relation: "ATTRIBUTED_TO", enabled: true, message: "" };

function schemaWith(...checks) {
  return { ...NEWS_SCHEMA, submit_checks: checks };
}

function state() {
  return new AnnotationState({ version: 1, spans: [], relations: [], stances: [], answers: {} }, chars);
}

test("a claim without attributed-to is a warning naming it; linked, it is none", () => {
  const set = state();
  const claim = set.addSpan("CLAIM", [at("the talks had stalled")]);
  const source = set.addSpan("SOURCE", [at("Officials")]);
  const warnings = submitWarnings(schemaWith(CLAIM_NEEDS_SOURCE), set.content);
  assert.deepEqual(warnings, [{ message: "A Claim span has no “attributed to” relation. (“the talks had stalled”)", keys: [claim] }]);
  set.addRelation("ATTRIBUTED_TO", claim, source);
  assert.deepEqual(submitWarnings(schemaWith(CLAIM_NEEDS_SOURCE), set.content), []);
});

test("several claims are counted, and the check's own message is used when it has one", () => {
  const set = state();
  set.addSpan("CLAIM", [at("the talks had stalled")]);
  set.addSpan("CLAIM", [at("prices would rise")]);
  const [warning] = submitWarnings(schemaWith({ ...CLAIM_NEEDS_SOURCE, message: "Every claim needs its source." }), set.content);
  assert.equal(warning.message, "Every claim needs its source. (“the talks had stalled”, “prices would rise”)");
  assert.equal(warning.keys.length, 2);
  const [made] = submitWarnings(schemaWith(CLAIM_NEEDS_SOURCE), set.content);
  assert.match(made.message, /^2 Claim spans have no “attributed to” relation\./);
});

test("a check turned off, or a schema without checks, warns of nothing", () => {
  const set = state();
  set.addSpan("CLAIM", [at("the talks had stalled")]);
  assert.deepEqual(submitWarnings(schemaWith({ ...CLAIM_NEEDS_SOURCE, enabled: false }), set.content), []);
  assert.deepEqual(submitWarnings(NEWS_SCHEMA, set.content), []);
});

test("an undirected relation counts at either end; a directed one only where it starts", () => {
  const schema = { ...NEWS_SCHEMA, relation_types: NEWS_SCHEMA.relation_types.map((t) => ({ ...t, directed: t.key !== "SAME_CLAIM" })) };
  const set = state();
  const first = set.addSpan("CLAIM", [at("the talks had stalled")]);
  const second = set.addSpan("CLAIM", [at("prices would rise")]);
  set.addRelation("SAME_CLAIM", first, second);
  const same = { kind: "require_relation", label: "CLAIM", relation: "SAME_CLAIM" };
  assert.deepEqual(submitWarnings({ ...schema, submit_checks: [same] }, set.content), []);
  const directed = { ...schema, relation_types: schema.relation_types.map((t) => ({ ...t, directed: true })) };
  assert.deepEqual(submitWarnings({ ...directed, submit_checks: [same] }, set.content)[0].keys, [second]);
});

test("an unanswered question warns; a per-target one names the targets left, and is not asked without targets", () => {
  const plain = { ...NEWS_SCHEMA, document_questions: [{ key: "tone", text: "Tone", type: "single", choices: ["calm", "alarmed"], per_target: false }] };
  const set = state();
  const tone = { kind: "require_answer", question: "tone" };
  assert.deepEqual(submitWarnings({ ...plain, submit_checks: [tone] }, set.content), [{ message: "“Tone” is not answered.", keys: [] }]);
  set.setAnswer("tone", "calm");
  assert.deepEqual(submitWarnings({ ...plain, submit_checks: [tone] }, set.content), []);

  const framing = { kind: "require_answer", question: "framing" };
  assert.deepEqual(submitWarnings(schemaWith(framing), state().content), []); // no targets: not asked
  const targets = { ...NEWS_SCHEMA, stance: { ...NEWS_SCHEMA.stance, targets: [{ key: "gov", name: "Government" }, { key: "union", name: "Union" }] }, submit_checks: [framing] };
  const partly = state();
  partly.setAnswer("framing", { gov: "critical" });
  assert.deepEqual(submitWarnings(targets, partly.content), [{ message: "“Overall framing” is not answered for Union.", keys: [] }]);
});
