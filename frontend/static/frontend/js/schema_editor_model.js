// The schema editor's form model: a label schema as rows the form edits, and back. Pure: no
// DOM (schema_editor.js draws it; tests/frontend/schema_editor_model.test.mjs tests it).
//
// Each row keeps the key it was loaded with (`originalKey`, null for a new row), so a key
// changed in the form is sent as a rename (the server moves the stored annotations with it)
// and not as a drop plus an add. Relation ends, stance labels and submit checks point at
// rows by their row `id`, so renaming a key renames it everywhere in the form at once.
// Sections the form does not edit (`events`, ...) are kept as they are, their label and
// relation keys renamed along.

import { keyTable } from "./keys.js";

const KEY_RE = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const COLOR_RE = /^#[0-9A-Fa-f]{6}$/;
export const ATTRIBUTE_TYPES = ["choice", "multi_choice", "bool", "text", "registry"]; // registry: a source registry entry's key
export const QUESTION_TYPES = ["single", "multi"];
const DEFAULT_VALUES = ["favor", "against", "neutral", "unclear"];
const EDITED = ["span_labels", "relation_types", "stance", "document_questions", "submit_checks"];
export const CHECK_KINDS = ["require_relation", "require_answer"];

let lastId = 0;
const nextId = () => `r${++lastId}`;

/** The single-character keys the workspace keeps for itself (a label's hotkey must not be one). */
export const WORKSPACE_KEYS = new Set(
  keyTable({ span_labels: [], relation_types: [] })
    .flatMap((row) => row.keys)
    .filter((key) => key.length === 1),
);

const list = (value) => (Array.isArray(value) ? value : []);

/** Form rows from a schema definition. */
export function formFromSchema(definition) {
  const labels = list(definition.span_labels).map((label) => ({
    id: nextId(),
    originalKey: label.key,
    key: label.key ?? "",
    name: label.name ?? "",
    color: label.color || "#777777",
    hotkey: label.hotkey || "",
    discontinuous: Boolean(label.discontinuous),
    attributes: list(label.attributes).map((attribute) => ({
      id: nextId(),
      originalKey: attribute.key,
      key: attribute.key ?? "",
      name: attribute.name ?? "",
      type: attribute.type || "choice",
      choices: list(attribute.choices),
      required: Boolean(attribute.required),
      ordered: Boolean(attribute.ordered),
    })),
  }));
  const labelIds = (keys) => list(keys).map((key) => labels.find((label) => label.key === key)?.id).filter(Boolean);
  const stance = definition.stance || {};
  const extra = Object.fromEntries(Object.entries(definition).filter(([name]) => !EDITED.includes(name)));
  const relations = list(definition.relation_types).map((type) => ({
    id: nextId(),
    originalKey: type.key,
    key: type.key ?? "",
    name: type.name ?? "",
    from: labelIds(type.from_labels),
    to: labelIds(type.to_labels),
    directed: type.directed !== false,
    cross_document: Boolean(type.cross_document),
    hotkey: type.hotkey || "",
  }));
  const questions = list(definition.document_questions).map((question) => ({
    id: nextId(),
    originalKey: question.key,
    key: question.key ?? "",
    text: question.text ?? "",
    type: question.type || "single",
    choices: list(question.choices),
    per_target: Boolean(question.per_target),
    ordered: Boolean(question.ordered),
  }));
  const rowId = (rows, key) => rows.find((row) => row.key === key)?.id ?? null;
  return {
    labels,
    relations,
    stance: {
      holders: labelIds(stance.holder_labels),
      objects: labelIds(stance.object_labels),
      targets: list(stance.targets).map((target) => ({ id: nextId(), originalKey: target.key, key: target.key ?? "", name: target.name ?? "" })),
      values: list(stance.values ?? DEFAULT_VALUES).map((value) => ({ id: nextId(), originalKey: value, key: value })),
      ordered: Boolean(stance.ordered),
    },
    questions,
    hasChecks: "submit_checks" in definition,
    checks: list(definition.submit_checks).map((check) => ({
      id: nextId(),
      kind: check.kind || "require_relation",
      label: rowId(labels, check.label),
      relation: rowId(relations, check.relation),
      question: rowId(questions, check.question),
      enabled: check.enabled !== false,
      message: check.message || "",
    })),
    extra,
  };
}

/** The schema definition the form describes (what is saved, and what the preview draws). */
export function schemaFromForm(form) {
  const keyOf = new Map(form.labels.map((label) => [label.id, label.key]));
  const keys = (ids) => ids.map((id) => keyOf.get(id)).filter((key) => key !== undefined);
  const definition = {
    ...renamedExtra(form),
    span_labels: form.labels.map((label) => ({
      key: label.key,
      name: label.name || label.key,
      color: label.color,
      hotkey: label.hotkey,
      discontinuous: label.discontinuous,
      attributes: label.attributes.map((attribute) => ({
        key: attribute.key,
        name: attribute.name || attribute.key,
        type: attribute.type,
        choices: hasChoices(attribute.type) ? attribute.choices : [],
        required: attribute.required,
        ...(attribute.ordered && attribute.type === "choice" ? { ordered: true } : {}),
      })),
    })),
    relation_types: form.relations.map((type) => ({
      key: type.key,
      name: type.name || type.key,
      from_labels: keys(type.from),
      to_labels: keys(type.to),
      directed: type.directed,
      cross_document: type.cross_document,
      hotkey: type.hotkey,
    })),
    stance: {
      holder_labels: keys(form.stance.holders),
      object_labels: keys(form.stance.objects),
      targets: form.stance.targets.map((target) => ({ key: target.key, name: target.name || target.key })),
      values: form.stance.values.map((value) => value.key),
      ...(form.stance.ordered ? { ordered: true } : {}),
    },
    document_questions: form.questions.map((question) => ({
      key: question.key,
      text: question.text || question.key,
      type: question.type,
      choices: question.choices,
      per_target: question.per_target,
      ...(question.ordered && question.type === "single" ? { ordered: true } : {}),
    })),
  };
  if (form.hasChecks || form.checks.length) definition.submit_checks = form.checks.map((check) => checkOut(form, check));
  return definition;
}

/** A submit check as the schema has it: the rows it names, by their keys. */
function checkOut(form, check) {
  const key = (rows, id) => rows.find((row) => row.id === id)?.key ?? null;
  const named = check.kind === "require_answer" ? { question: key(form.questions, check.question) } : { label: key(form.labels, check.label), relation: key(form.relations, check.relation) };
  return { kind: check.kind, ...named, enabled: check.enabled, message: check.message };
}

export function hasChoices(type) {
  return type === "choice" || type === "multi_choice";
}

/** `extra` with the keys `events` names renamed as the form renamed them. */
function renamedExtra(form) {
  const renamed = (rows) => new Map(rows.filter((row) => row.originalKey).map((row) => [row.originalKey, row.key]));
  const labels = renamed(form.labels);
  const relations = renamed(form.relations);
  const extra = { ...form.extra };
  if (!Array.isArray(extra.events)) return extra;
  extra.events = extra.events.map((event) => ({
    ...event,
    key: labels.get(event.key) ?? event.key,
    roles: list(event.roles).map((role) => ({
      ...role,
      key: relations.get(role.key) ?? role.key,
      labels: list(role.labels).map((label) => labels.get(label) ?? label),
    })),
  }));
  return extra;
}

/** The renames the form makes, in the order the server applies them: labels first, so an
 * attribute's rename names its label by the label's new key. */
export function renamesOf(form) {
  const renamed = (rows) => rows.filter((row) => row.originalKey && row.originalKey !== row.key);
  const renames = renamed(form.labels).map((row) => ({ kind: "label", old: row.originalKey, new: row.key }));
  for (const label of form.labels) {
    if (!label.originalKey) continue; // a new label's attributes are new too
    for (const row of renamed(label.attributes)) renames.push({ kind: "attribute", label: label.key, old: row.originalKey, new: row.key });
  }
  const add = (kind, rows) => renames.push(...renamed(rows).map((row) => ({ kind, old: row.originalKey, new: row.key })));
  add("relation_type", form.relations);
  add("stance_target", form.stance.targets);
  add("stance_value", form.stance.values);
  add("question", form.questions);
  return renames;
}

/** What the form can tell is wrong before saving: JSON path (as the server names it) -> message. */
export function formProblems(form) {
  const problems = {};
  const keyed = (path, rows, what) => {
    const seen = new Set();
    rows.forEach((row, index) => {
      if (!KEY_RE.test(row.key)) problems[`${path}[${index}].key`] = "must be a key: a letter, then letters, digits, _ or - (max 64)";
      else if (seen.has(row.key)) problems[`${path}[${index}].key`] = `another ${what} has the key ${row.key}`;
      seen.add(row.key);
    });
  };
  if (!form.labels.length) problems.span_labels = "at least one span label is required";
  keyed("span_labels", form.labels, "label");
  const hotkeys = new Map(); // lower-cased hotkey -> what has it
  const claim = (path, hotkey, owner) => {
    if (!hotkey) return;
    const lower = hotkey.toLowerCase();
    if (hotkey.length !== 1) problems[path] = "a hotkey is one character";
    else if (WORKSPACE_KEYS.has(lower)) problems[path] = `${hotkey} is a workspace key (press ? in the workspace for the list)`;
    else if (hotkeys.has(lower)) problems[path] = `hotkey ${hotkey} is taken by ${hotkeys.get(lower)}`;
    else hotkeys.set(lower, owner);
  };
  form.labels.forEach((label, index) => {
    const path = `span_labels[${index}]`;
    claim(`${path}.hotkey`, label.hotkey, label.key || "another label");
    if (!COLOR_RE.test(label.color)) problems[`${path}.color`] = "must be a colour written #rrggbb";
    keyed(`${path}.attributes`, label.attributes, "attribute of this label");
    label.attributes.forEach((attribute, a) => {
      if (hasChoices(attribute.type) && !attribute.choices.length) problems[`${path}.attributes[${a}].choices`] = "give at least one choice";
    });
  });
  keyed("relation_types", form.relations, "relation type");
  // Relation types may share a hotkey (the workspace offers the ones the selected span can start).
  form.relations.forEach((type, index) => {
    const path = `relation_types[${index}]`;
    if (type.hotkey && hotkeys.has(type.hotkey.toLowerCase())) problems[`${path}.hotkey`] = `hotkey ${type.hotkey} is taken by ${hotkeys.get(type.hotkey.toLowerCase())}`;
    else if (type.hotkey && type.hotkey.length !== 1) problems[`${path}.hotkey`] = "a hotkey is one character";
    else if (type.hotkey && WORKSPACE_KEYS.has(type.hotkey.toLowerCase())) problems[`${path}.hotkey`] = `${type.hotkey} is a workspace key`;
  });
  keyed("stance.targets", form.stance.targets, "stance target");
  const values = form.stance.values.map((value) => value.key);
  if (values.some((value) => !value)) problems["stance.values"] = "a stance value cannot be empty";
  else if (new Set(values).size !== values.length) problems["stance.values"] = "must not repeat a value";
  keyed("document_questions", form.questions, "question");
  form.questions.forEach((question, index) => {
    if (!question.choices.length) problems[`document_questions[${index}].choices`] = "give at least one choice";
  });
  const exists = (rows, id) => rows.some((row) => row.id === id);
  form.checks.forEach((check, index) => {
    const path = `submit_checks[${index}]`;
    if (check.kind === "require_answer") {
      if (!exists(form.questions, check.question)) problems[`${path}.question`] = "choose a question";
    } else {
      if (!exists(form.labels, check.label)) problems[`${path}.label`] = "choose a label";
      if (!exists(form.relations, check.relation)) problems[`${path}.relation`] = "choose a relation type";
    }
  });
  return problems;
}

/** The rows with the row at `index` moved by `delta` (-1 up, +1 down); the same rows when it cannot move. */
export function moved(rows, index, delta) {
  const to = index + delta;
  if (to < 0 || to >= rows.length) return rows;
  const copy = [...rows];
  [copy[index], copy[to]] = [copy[to], copy[index]];
  return copy;
}

/** The form without the label at `index`, and without the relation ends and stance labels
 * that pointed at it (an end with no label left allows any label). */
export function labelRemoved(form, index) {
  const id = form.labels[index].id;
  const others = (ids) => ids.filter((other) => other !== id);
  return {
    ...form,
    labels: form.labels.filter((_, i) => i !== index),
    relations: form.relations.map((type) => ({ ...type, from: others(type.from), to: others(type.to) })),
    stance: { ...form.stance, holders: others(form.stance.holders), objects: others(form.stance.objects) },
  };
}

export function newLabel(form) {
  const taken = new Set(form.labels.map((label) => label.key));
  let n = form.labels.length + 1;
  while (taken.has(`LABEL_${n}`)) n += 1;
  return { id: nextId(), originalKey: null, key: `LABEL_${n}`, name: "", color: "#777777", hotkey: "", discontinuous: false, attributes: [] };
}

export function newAttribute() {
  return { id: nextId(), originalKey: null, key: "", name: "", type: "choice", choices: [], required: false, ordered: false };
}

export function newRelation() {
  return { id: nextId(), originalKey: null, key: "", name: "", from: [], to: [], directed: true, cross_document: false, hotkey: "" };
}

export function newTarget() {
  return { id: nextId(), originalKey: null, key: "", name: "" };
}

export function newValue() {
  return { id: nextId(), originalKey: null, key: "" };
}

export function newCheck() {
  return { id: nextId(), kind: "require_relation", label: null, relation: null, question: null, enabled: true, message: "" };
}

export function newQuestion() {
  return { id: nextId(), originalKey: null, key: "", text: "", type: "single", choices: [], per_target: false, ordered: false };
}

/** A form for a definition edited as JSON: rows whose key the old form had keep its
 * `originalKey` (a key changed in the JSON is a drop and an add, not a rename). */
export function formFromJson(definition, previous) {
  const form = formFromSchema(definition);
  const keep = (rows, before) => {
    const originals = new Map(before.map((row) => [row.key, row.originalKey]));
    for (const row of rows) row.originalKey = originals.has(row.key) ? originals.get(row.key) : null;
  };
  keep(form.labels, previous.labels);
  for (const label of form.labels) {
    const before = previous.labels.find((old) => old.key === label.key);
    keep(label.attributes, before ? before.attributes : []);
  }
  keep(form.relations, previous.relations);
  keep(form.stance.targets, previous.stance.targets);
  keep(form.stance.values, previous.stance.values);
  keep(form.questions, previous.questions);
  return form;
}

/** Choices typed one per line, blank lines left out. */
export function choicesFromText(text) {
  return text.split("\n").map((line) => line.trim()).filter(Boolean);
}

/** A saved schema's JSON, the sections in reading order. */
export function pretty(definition) {
  const order = ["name", "description", ...EDITED, "events"];
  const sorted = {};
  for (const key of order) if (key in definition) sorted[key] = definition[key];
  for (const key of Object.keys(definition)) if (!(key in sorted)) sorted[key] = definition[key];
  return `${JSON.stringify(sorted, null, 2)}\n`;
}
