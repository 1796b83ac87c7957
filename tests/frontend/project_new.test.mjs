// The "New project" page's pure logic: when it asks for stance targets, how it reads them,
// what it sends, and where the server's errors go.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  createBody,
  errorsByField,
  parseSchemaFile,
  perTargetQuestions,
  schemaSummary,
  targetNames,
  targetsNeeded,
} from "../../frontend/static/frontend/js/project_new_model.js";

const framing = { key: "framing", text: "Overall framing toward each main actor", type: "single", choices: ["a"], per_target: true };
const preset = {
  span_labels: [{ key: "CLAIM", name: "Claim" }, { key: "SOURCE", name: "Source" }],
  relation_types: [{ key: "ATTRIBUTED_TO" }],
  stance: { holder_labels: ["SOURCE"], object_labels: ["CLAIM"], targets: [] },
  document_questions: [framing],
};

test("a schema that takes stance but names no targets asks for them", () => {
  assert.equal(targetsNeeded(preset), true);
  assert.deepEqual(perTargetQuestions(preset), ["Overall framing toward each main actor"]);
});

test("a schema with targets, or with no stance at all, does not ask", () => {
  assert.equal(targetsNeeded({ ...preset, stance: { ...preset.stance, targets: [{ key: "a", name: "A" }] } }), false);
  assert.equal(targetsNeeded({ span_labels: [], stance: {}, document_questions: [] }), false);
  assert.equal(targetsNeeded(null), false);
});

test("a per-target question alone asks for targets", () => {
  assert.equal(targetsNeeded({ stance: {}, document_questions: [framing] }), true);
});

test("targets are read one per line, trimmed, without blanks or repeats", () => {
  assert.deepEqual(targetNames(" Benjamin Netanyahu \n\nHamas\nHamas\n  "), ["Benjamin Netanyahu", "Hamas"]);
  assert.deepEqual(targetNames(""), []);
});

test("the summary names the labels and counts the rest", () => {
  assert.equal(schemaSummary(preset), "Labels Claim, Source · 1 relation type · 0 stance targets · 1 document question");
});

test("the summary counts the typed targets when the schema names none", () => {
  const typed = targetNames("Benjamin Netanyahu\nHamas\n");
  assert.equal(schemaSummary(preset, typed), "Labels Claim, Source · 1 relation type · 2 stance targets · 1 document question");
});

test("the schema's own targets are counted, not the box's", () => {
  const named = { ...preset, stance: { ...preset.stance, targets: [{ key: "a", name: "A" }] } };
  assert.match(schemaSummary(named, ["X", "Y"]), /· 1 stance target ·/);
});

test("a schema file must be a JSON object", () => {
  assert.deepEqual(parseSchemaFile('{"span_labels": []}'), { schema: { span_labels: [] } });
  assert.match(parseSchemaFile("label,colour").error, /not JSON/);
  assert.match(parseSchemaFile("[1]").error, /one JSON object/);
});

const values = {
  name: "  Gaza talks ",
  description: "d",
  guidelines: "g",
  annotatorsPerDocument: "3",
  blind: true,
  source: "preset",
  preset: "news-attribution",
  project: "",
  fileSchema: null,
  askTargets: true,
  targets: "Hamas\nIsrael",
};

test("the body names the preset and the targets when they were asked for", () => {
  assert.deepEqual(createBody(values), {
    name: "Gaza talks",
    description: "d",
    guidelines: "g",
    annotators_per_document: 3,
    blind: true,
    preset: "news-attribution",
    stance_targets: ["Hamas", "Israel"],
  });
  assert.equal(createBody({ ...values, askTargets: false }).stance_targets, undefined);
});

test("the body copies a project's schema or sends the uploaded one instead of a preset", () => {
  const copied = createBody({ ...values, source: "project", project: "7" });
  assert.equal(copied.schema_from_project, 7);
  assert.equal(copied.preset, undefined);
  const uploaded = createBody({ ...values, source: "file", fileSchema: preset });
  assert.deepEqual(uploaded.schema, preset);
  assert.equal(uploaded.preset, undefined);
});

test("errors go to their fields, schema problems as path and message", () => {
  const placed = errorsByField({
    name: ["This field may not be blank."],
    schema: { "span_labels[0].key": "must be a key" },
    stance_targets: "rename 'Hamas?'",
    odd: ["x"],
  });
  assert.deepEqual(placed.fields, { name: "This field may not be blank.", stance_targets: "rename 'Hamas?'" });
  assert.deepEqual(placed.schema, ["span_labels[0].key: must be a key"]);
  assert.deepEqual(placed.other, ["odd: x"]);
});
