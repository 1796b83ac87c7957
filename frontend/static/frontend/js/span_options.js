// What the schema offers a span: the relation types it can start, the stance questions
// about it, and how each label is drawn (labelsOf). Pure: reads the schema and the set's
// content ({spans, relations, ...}).

import { excerpt } from "./excerpt.js";

/** The relation types whose `from_labels` allow a span of `label` (all when none are named). */
export function relationTypesFrom(schema, label) {
  return (schema.relation_types || []).filter((type) => !type.from_labels?.length || type.from_labels.includes(label));
}

export function relationType(schema, key) {
  return (schema.relation_types || []).find((type) => type.key === key) || null;
}

export function relationName(schema, key) {
  return relationType(schema, key)?.name || key;
}

/** The stance questions about a span, in order: a holder's (a source's) stance toward each
 * claim linked to it and toward each stance target, or the article's stance toward a
 * claim. Each is {holder, about, text}: holder a span key or null (the article), about
 * {object: spanKey} or {target: targetKey}. */
export function stanceQuestionsFor(schema, content, span) {
  const stance = schema.stance;
  if (!stance || !stance.values?.length) return [];
  const rows = [];
  if (stance.holder_labels?.includes(span.label)) {
    for (const relation of content.relations) {
      const other = relation.target === span.key ? relation.source : relation.source === span.key ? relation.target : null;
      const claim = typeof other === "string" ? content.spans.find((s) => s.key === other) : null;
      if (claim && stance.object_labels?.includes(claim.label)) {
        rows.push({ holder: span.key, about: { object: claim.key }, text: `toward “${excerpt(claim.text)}”` });
      }
    }
    for (const target of stance.targets || []) {
      rows.push({ holder: span.key, about: { target: target.key }, text: `toward ${target.name || target.key}` });
    }
  }
  if (stance.object_labels?.includes(span.label)) {
    rows.push({ holder: null, about: { object: span.key }, text: "the article toward this claim" });
  }
  return rows;
}

/** Label key -> what drawing needs: name, colour, letter (the hotkey, else the initial). */
export function labelsOf(schema) {
  const labels = new Map();
  for (const spec of schema.span_labels || []) {
    labels.set(spec.key, {
      name: spec.name || spec.key,
      color: spec.color || "#555555",
      hotkey: spec.hotkey || null,
      letter: (spec.hotkey || spec.key[0] || "?").toUpperCase(),
      spec,
    });
  }
  return labels;
}
