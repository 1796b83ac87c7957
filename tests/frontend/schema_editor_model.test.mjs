// node --test: the schema editor's form model (schema_editor_model.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  formFromJson,
  formFromSchema,
  formProblems,
  labelRemoved,
  moved,
  newCheck,
  newLabel,
  renamesOf,
  schemaFromForm,
} from "../../frontend/static/frontend/js/schema_editor_model.js";

// Shaped like the news-attribution preset (annotations/presets.py) once validated.
const SCHEMA = {
  span_labels: [
    {
      key: "CLAIM", name: "Claim", color: "#0072B2", hotkey: "c", discontinuous: true,
      attributes: [{ key: "quote_type", name: "Quote type", type: "choice", choices: ["direct", "indirect"], required: false }],
    },
    { key: "SOURCE", name: "Source", color: "#D55E00", hotkey: "s", discontinuous: false, attributes: [] },
  ],
  relation_types: [
    { key: "ATTRIBUTED_TO", name: "attributed to", from_labels: ["CLAIM"], to_labels: ["SOURCE"], directed: true, cross_document: false, hotkey: "a" },
  ],
  stance: { holder_labels: ["SOURCE"], object_labels: ["CLAIM"], targets: [{ key: "union", name: "The union" }], values: ["favor", "against", "neutral"] },
  document_questions: [{ key: "framing", text: "Framing", type: "single", choices: ["critical", "neutral"], per_target: true }],
  events: [{ key: "CLAIM", roles: [{ key: "ATTRIBUTED_TO", labels: ["SOURCE"], min: 0, max: null }] }],
  submit_checks: [
    { kind: "require_relation", label: "CLAIM", relation: "ATTRIBUTED_TO", enabled: true, message: "" },
    { kind: "require_answer", question: "framing", enabled: false, message: "" },
  ],
};

test("a schema read into the form comes back out as it was", () => {
  assert.deepEqual(schemaFromForm(formFromSchema(SCHEMA)), SCHEMA);
});

test("an untouched form makes no renames and has no problems", () => {
  const form = formFromSchema(SCHEMA);
  assert.deepEqual(renamesOf(form), []);
  assert.deepEqual(formProblems(form), {});
});

test("a label's key changed in the form is a rename, and every place naming it follows", () => {
  const form = formFromSchema(SCHEMA);
  form.labels[0].key = "ASSERTION";
  const definition = schemaFromForm(form);
  assert.deepEqual(definition.relation_types[0].from_labels, ["ASSERTION"]);
  assert.deepEqual(definition.stance.object_labels, ["ASSERTION"]);
  assert.equal(definition.events[0].key, "ASSERTION");
  assert.equal(definition.submit_checks[0].label, "ASSERTION");
  assert.deepEqual(renamesOf(form), [{ kind: "label", old: "CLAIM", new: "ASSERTION" }]);
});

test("an attribute rename names its label by the label's new key, after the label's rename", () => {
  const form = formFromSchema(SCHEMA);
  form.labels[0].key = "ASSERTION";
  form.labels[0].attributes[0].key = "quotation";
  assert.deepEqual(renamesOf(form), [
    { kind: "label", old: "CLAIM", new: "ASSERTION" },
    { kind: "attribute", label: "ASSERTION", old: "quote_type", new: "quotation" },
  ]);
});

test("relation types, targets, stance values and questions are renamed by kind", () => {
  const form = formFromSchema(SCHEMA);
  form.relations[0].key = "SAID_BY";
  form.stance.targets[0].key = "dockers";
  form.stance.values[1].key = "opposed";
  form.questions[0].key = "tone";
  assert.deepEqual(renamesOf(form), [
    { kind: "relation_type", old: "ATTRIBUTED_TO", new: "SAID_BY" },
    { kind: "stance_target", old: "union", new: "dockers" },
    { kind: "stance_value", old: "against", new: "opposed" },
    { kind: "question", old: "framing", new: "tone" },
  ]);
  const definition = schemaFromForm(form);
  assert.equal(definition.events[0].roles[0].key, "SAID_BY");
  assert.equal(definition.submit_checks[0].relation, "SAID_BY");
  assert.equal(definition.submit_checks[1].question, "tone");
});

test("a new label is an addition, not a rename, and its key is free", () => {
  const form = formFromSchema(SCHEMA);
  const label = newLabel(form);
  form.labels.push(label);
  label.key = "CUE";
  assert.deepEqual(renamesOf(form), []);
  assert.equal(schemaFromForm(form).span_labels[2].key, "CUE");
});

test("a label removed from the form leaves the relation ends and stance labels naming it", () => {
  const form = labelRemoved(formFromSchema(SCHEMA), 1);
  const definition = schemaFromForm(form);
  assert.deepEqual(definition.span_labels.map((label) => label.key), ["CLAIM"]);
  assert.deepEqual(definition.relation_types[0].to_labels, []);
  assert.deepEqual(definition.stance.holder_labels, []);
  assert.deepEqual(form.relations[0].to, []);
});

test("hotkeys: taken by another label, one of the workspace's own keys, or longer than one character", () => {
  const form = formFromSchema(SCHEMA);
  form.labels[1].hotkey = "C";
  assert.equal(formProblems(form)["span_labels[1].hotkey"], "hotkey C is taken by CLAIM");
  form.labels[1].hotkey = "x";
  assert.match(formProblems(form)["span_labels[1].hotkey"], /x is a workspace key/);
  form.labels[1].hotkey = "ss";
  assert.equal(formProblems(form)["span_labels[1].hotkey"], "a hotkey is one character");
  form.labels[1].hotkey = "a";
  assert.equal(formProblems(form)["relation_types[0].hotkey"], "hotkey a is taken by SOURCE");
});

test("keys, colours, choices and stance values are checked under the server's paths", () => {
  const form = formFromSchema(SCHEMA);
  form.labels[1].key = "CLAIM";
  form.labels[0].color = "blue";
  form.labels[0].attributes[0].choices = [];
  form.stance.values[2].key = "favor";
  form.questions[0].key = "2nd";
  assert.deepEqual(formProblems(form), {
    "span_labels[1].key": "another label has the key CLAIM",
    "span_labels[0].color": "must be a colour written #rrggbb",
    "span_labels[0].attributes[0].choices": "give at least one choice",
    "stance.values": "must not repeat a value",
    "document_questions[0].key": "must be a key: a letter, then letters, digits, _ or - (max 64)",
  });
});

test("a form with no label says one is needed", () => {
  const form = formFromSchema(SCHEMA);
  form.labels = [];
  assert.equal(formProblems(form).span_labels, "at least one span label is required");
});

test("moving a row swaps it with its neighbour, and the ends stay put", () => {
  assert.deepEqual(moved(["a", "b", "c"], 2, -1), ["a", "c", "b"]);
  assert.deepEqual(moved(["a", "b", "c"], 0, 1), ["b", "a", "c"]);
  const rows = ["a", "b"];
  assert.equal(moved(rows, 0, -1), rows);
  assert.equal(moved(rows, 1, 1), rows);
});

test("stance values keep the order the form gives them", () => {
  const form = formFromSchema(SCHEMA);
  form.stance.values = moved(form.stance.values, 2, -1);
  assert.deepEqual(schemaFromForm(form).stance.values, ["favor", "neutral", "against"]);
});

test("JSON edited by hand keeps the originals of rows whose key it kept; a changed key is new", () => {
  const form = formFromSchema(SCHEMA);
  form.labels[0].key = "ASSERTION"; // renamed in the form first
  const edited = schemaFromForm(form);
  edited.span_labels[1].key = "ORIGIN"; // then in the JSON
  const back = formFromJson(edited, form);
  assert.equal(back.labels[0].originalKey, "CLAIM");
  assert.equal(back.labels[1].originalKey, null);
  assert.deepEqual(renamesOf(back), [{ kind: "label", old: "CLAIM", new: "ASSERTION" }]);
});

test("submit checks point at rows: a renamed label, relation type or question follows", () => {
  const form = formFromSchema(SCHEMA);
  form.labels[0].key = "ASSERTION";
  form.relations[0].key = "SAID_BY";
  form.questions[0].key = "tone";
  assert.deepEqual(schemaFromForm(form).submit_checks, [
    { kind: "require_relation", label: "ASSERTION", relation: "SAID_BY", enabled: true, message: "" },
    { kind: "require_answer", question: "tone", enabled: false, message: "" },
  ]);
});

test("a new check asks for its label and relation type; one whose label was removed asks again", () => {
  const form = formFromSchema(SCHEMA);
  form.checks.push(newCheck());
  assert.equal(formProblems(form)["submit_checks[2].label"], "choose a label");
  assert.equal(formProblems(form)["submit_checks[2].relation"], "choose a relation type");
  const without = labelRemoved(form, 0);
  assert.equal(formProblems(without)["submit_checks[0].label"], "choose a label");
});

test("a schema without submit checks gets none from the form", () => {
  const { submit_checks: _, ...plain } = SCHEMA;
  assert.equal("submit_checks" in schemaFromForm(formFromSchema(plain)), false);
});
