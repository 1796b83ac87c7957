// The "New project" page's pure logic (no DOM): which schema needs stance targets, the
// targets typed one per line, a schema's one-line summary, the request body, and the
// server's error details placed by field. Unit-tested with node (tests/frontend/).

/** The document questions asked once per stance target. */
export function perTargetQuestions(schema) {
  const questions = Array.isArray(schema?.document_questions) ? schema.document_questions : [];
  return questions.filter((q) => q && q.per_target).map((q) => q.text || q.key);
}

/** Whether the schema takes stance toward targets (holders, objects or per-target questions)
 * but names none: the form then asks for them. */
export function targetsNeeded(schema) {
  if (!schema || typeof schema !== "object") return false;
  const stance = schema.stance && typeof schema.stance === "object" ? schema.stance : {};
  if (Array.isArray(stance.targets) && stance.targets.length) return false;
  const takesStance = (stance.holder_labels || []).length || (stance.object_labels || []).length;
  return Boolean(takesStance || perTargetQuestions(schema).length);
}

/** The target names typed one per line: trimmed, blank lines and repeats left out. */
export function targetNames(text) {
  const seen = new Set();
  const names = [];
  for (const line of String(text || "").split("\n")) {
    const name = line.trim();
    if (name && !seen.has(name)) {
      seen.add(name);
      names.push(name);
    }
  }
  return names;
}

function counted(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** "Labels CLAIM, SOURCE, CUE · 4 relation types · 2 stance targets · 1 document question".
 * ``typedTargets`` (the form's target box, read by targetNames) count when the schema names
 * no targets of its own: they are the ones the project will be created with. */
export function schemaSummary(schema, typedTargets = []) {
  if (!schema || typeof schema !== "object") return "";
  const labels = (schema.span_labels || []).map((l) => l.name || l.key);
  const parts = [labels.length ? `Labels ${labels.join(", ")}` : "No labels"];
  parts.push(counted((schema.relation_types || []).length, "relation type"));
  const own = schema.stance?.targets || [];
  parts.push(counted(own.length ? own.length : typedTargets.length, "stance target"));
  parts.push(counted((schema.document_questions || []).length, "document question"));
  return parts.join(" · ");
}

/** A schema file's text as a schema, or the reason it is not one. */
export function parseSchemaFile(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { error: `This file is not JSON: ${error.message}` };
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    return { error: "A schema file holds one JSON object (span_labels, relation_types, ...)." };
  }
  return { schema: data };
}

/**
 * The body of POST /api/v1/projects/ from the form's values.
 * `values.source` is "preset", "project" or "file"; `values.targets` the targets' text,
 * sent only when `values.askTargets`.
 */
export function createBody(values) {
  const body = {
    name: values.name.trim(),
    description: values.description || "",
    guidelines: values.guidelines || "",
    annotators_per_document: Number(values.annotatorsPerDocument),
    blind: Boolean(values.blind),
  };
  if (values.source === "project") body.schema_from_project = Number(values.project);
  else if (values.source === "file") body.schema = values.fileSchema;
  else body.preset = values.preset;
  const targets = values.askTargets ? targetNames(values.targets) : [];
  if (targets.length) body.stance_targets = targets;
  return body;
}

const FIELDS = ["name", "description", "guidelines", "annotators_per_document", "blind", "preset", "schema_from_project", "stance_targets"];

/** The server's error `details` by form field; schema problems as "path: message" lines. */
export function errorsByField(details) {
  const out = { fields: {}, schema: [], other: [] };
  for (const [field, value] of Object.entries(details || {})) {
    if (field === "schema" && value && typeof value === "object" && !Array.isArray(value)) {
      for (const [path, message] of Object.entries(value)) out.schema.push(`${path}: ${flat(message)}`);
    } else if (field === "schema") {
      out.schema.push(flat(value));
    } else if (FIELDS.includes(field)) {
      out.fields[field] = flat(value);
    } else {
      out.other.push(`${field}: ${flat(value)}`);
    }
  }
  return out;
}

function flat(value) {
  if (Array.isArray(value)) return value.map(flat).join(" ");
  if (value && typeof value === "object") {
    return Object.entries(value).map(([k, v]) => `${k}: ${flat(v)}`).join("; ");
  }
  return String(value);
}
