// The schema's submit checks (`submit_checks`, annotations/schema_checks.py) evaluated on the
// set being edited: what the workspace warns of before a submission. Pure: no DOM.
//
//   require_relation  every span with `label` starts a relation of type `relation` (for an
//                     undirected type: is either end of one)
//   require_answer    the document question `question` is answered (a per-target question:
//                     for every stance target; with no targets it is not asked, so not checked)
//
// A check with `enabled: false` is skipped. Each warning is {message, keys}: the text to show
// (the check's own message, or one made from the schema's names) and the keys of the spans it
// is about (empty for a question), so the page can select the first.

import { excerpt } from "./excerpt.js";

/**
 * @param {object} schema the project's schema (GET /projects/{id}/schema/)
 * @param {{spans: object[], relations: object[], answers: object}} content the set's content
 * @returns {{message: string, keys: string[]}[]}
 */
export function submitWarnings(schema, content) {
  const warnings = [];
  for (const check of schema.submit_checks || []) {
    if (check.enabled === false) continue;
    const warning = check.kind === "require_relation" ? relationWarning(schema, content, check) : check.kind === "require_answer" ? answerWarning(schema, content, check) : null;
    if (warning) warnings.push(warning);
  }
  return warnings;
}

function relationWarning(schema, content, check) {
  const type = (schema.relation_types || []).find((t) => t.key === check.relation);
  if (!type) return null;
  const linked = new Set();
  for (const relation of content.relations) {
    if (relation.type !== type.key) continue;
    linked.add(relation.source);
    if (type.directed === false) linked.add(relation.target);
  }
  const missing = content.spans.filter((span) => span.label === check.label && !linked.has(span.key));
  if (!missing.length) return null;
  const label = (schema.span_labels || []).find((l) => l.key === check.label);
  const labelName = label?.name || check.label;
  const made = `${missing.length === 1 ? `A ${labelName} span has` : `${missing.length} ${labelName} spans have`} no “${type.name || type.key}” relation`;
  const which = missing.slice(0, 3).map((span) => `“${excerpt(span.text)}”`).join(", ") + (missing.length > 3 ? ", …" : "");
  return { message: `${check.message || `${made}.`} (${which})`, keys: missing.map((span) => span.key) };
}

function answerWarning(schema, content, check) {
  const question = (schema.document_questions || []).find((q) => q.key === check.question);
  if (!question) return null;
  const answer = content.answers[question.key];
  const text = question.text || question.key;
  if (question.per_target) {
    const targets = schema.stance?.targets || [];
    const open = targets.filter((t) => !answered(answer?.[t.key]));
    if (!open.length) return null;
    return { message: check.message || `“${text}” is not answered for ${open.map((t) => t.name || t.key).join(", ")}.`, keys: [] };
  }
  return answered(answer) ? null : { message: check.message || `“${text}” is not answered.`, keys: [] };
}

function answered(value) {
  return value !== undefined && value !== null && value !== "" && !(Array.isArray(value) && !value.length);
}
