// The side panel's view model: plain data built by one function from what the workspace
// holds, so the panel draws without reading the workspace. Pure: no DOM.
//
// Long documents stay fast: the set's arrays are replaced by every edit, never changed in
// place, so a section whose inputs are the same objects as last time comes back as the
// same object, and the panel redraws a section only when its object changed. The relation
// list (its rows show their spans' texts) is built again when spans change, and comes back
// as the same object when its rows read the same.

import { stanceIn } from "./annotation_state.js";
import { relationName, relationTypesFrom, stanceQuestionsFor } from "./span_options.js";

/**
 * @param {object} input
 * @param {object} input.schema the project's label schema
 * @param {{spans: object[], relations: object[], stances: object[], answers: object}} input.content
 *   the edited set's content (AnnotationState.content)
 * @param {string|null} input.selected the selected span's or suggestion's key
 * @param {string|null} input.linking the relation type waiting for its other span
 * @param {Map<number, object>} input.external spans of another document by id ({label, text, documentTitle, outlet})
 * @param {object[]} input.suggestions the open suggestions
 * @param {boolean} input.hasSuggestions whether the document has model sets at all
 * @param {object} cache kept by the caller between calls (what makes unchanged sections the same)
 * @returns {{selected: object|null, spans: object, relations: object[], suggestions: object|null, document: object}}
 */
export function buildPanelModel(input, cache = {}) {
  const { schema, content } = input;
  const index = remember(cache, "index", [content.spans], () => new Map(content.spans.map((s) => [s.key, s])));
  const describe = (end) => describeEnd(end, index, input.external);
  const relations = remember(cache, "relations", [content.relations, index, input.external.size], (last) => {
    const rows = content.relations.map((r) => relationRow(schema, r, describe));
    return last && sameRows(last, rows) ? last : rows;
  });
  return {
    selected: selectedModel(input, index, describe),
    spans: remember(cache, "spans", [sortedSpans(cache, content.spans), input.selected], (last, [items, selected]) => ({ items, selected })),
    relations,
    suggestions: input.hasSuggestions ? remember(cache, "suggestions", [input.suggestions], () => suggestionCounts(input.suggestions)) : null,
    document: remember(cache, "document", [content.stances, content.answers, schema], () => documentModel(schema, content)),
  };
}

/** The value computed from `inputs`, or last time's when every input is the same object. */
function remember(cache, name, inputs, compute) {
  const last = cache[name];
  if (last && last.inputs.length === inputs.length && last.inputs.every((value, i) => value === inputs[i])) return last.value;
  const value = compute(last?.value, inputs);
  cache[name] = { inputs, value };
  return value;
}

function sortedSpans(cache, spans) {
  return remember(cache, "sorted", [spans], () => [...spans].sort((a, b) => a.start - b.start || b.end - a.end));
}

/** A relation's end: a span of this set (a key), of another document ({id}), or lost. */
function describeEnd(end, index, external) {
  const span = typeof end === "object" ? external.get(end.id) : index.get(end);
  if (!span) return { missing: typeof end === "object" ? `span ${end.id} in another document` : "?" };
  return { label: span.label, text: span.text, documentTitle: span.documentTitle || null, outlet: span.outlet || null };
}

function relationRow(schema, relation, describe) {
  return { key: relation.key, name: relationName(schema, relation.type), source: describe(relation.source), target: describe(relation.target) };
}

function sameRows(a, b) {
  const sameEnd = (x, y) => x.missing === y.missing && x.label === y.label && x.text === y.text && x.documentTitle === y.documentTitle && x.outlet === y.outlet;
  return a.length === b.length && a.every((row, i) => row.key === b[i].key && row.name === b[i].name && sameEnd(row.source, b[i].source) && sameEnd(row.target, b[i].target));
}

function selectedModel(input, index, describe) {
  const { schema, content, selected } = input;
  if (selected === null) return null;
  const span = index.get(selected);
  if (!span) {
    const suggestion = input.suggestions.find((s) => s.key === selected);
    if (!suggestion) return null;
    return { kind: "suggestion", key: suggestion.key, label: suggestion.label, text: suggestion.text, modelName: suggestion.modelName };
  }
  const stances = stanceQuestionsFor(schema, content, span).map((question) => ({
    ...question,
    value: stanceValue(content.stances, question.holder, question.about),
  }));
  return {
    kind: "span",
    key: span.key,
    label: span.label,
    text: span.text,
    start: span.start,
    end: span.end,
    fragments: span.fragments ? span.fragments.length : 0,
    attributes: span.attributes,
    relationTypes: relationTypesFrom(schema, span.label).map((t) => ({ key: t.key, name: t.name || t.key, hotkey: t.hotkey || null })),
    relations: content.relations.filter((r) => r.source === span.key || r.target === span.key).map((r) => relationRow(schema, r, describe)),
    linking: input.linking ? relationName(schema, input.linking) : null,
    stances,
    stanceValues: schema.stance?.values || [],
  };
}

function stanceValue(stances, holder, about) {
  return stanceIn(stances, holder, about)?.value ?? null;
}

function suggestionCounts(open) {
  const counts = new Map();
  for (const s of open) counts.set(s.label, (counts.get(s.label) || 0) + 1);
  return { open: open.length, byLabel: [...counts].map(([label, count]) => ({ label, count })) };
}

/** The article's stance toward each target and the document questions with their answers. */
function documentModel(schema, content) {
  const targets = (schema.stance?.targets || []).map((t) => ({
    key: t.key,
    name: t.name || t.key,
    value: stanceValue(content.stances, null, { target: t.key }),
  }));
  const questions = (schema.document_questions || [])
    .filter((q) => !q.per_target || targets.length) // nothing to answer a per-target question for
    .map((q) => ({ key: q.key, text: q.text || q.key, type: q.type, choices: q.choices || [], perTarget: Boolean(q.per_target), answer: content.answers[q.key] }));
  return { values: schema.stance?.values || [], targets, questions };
}
