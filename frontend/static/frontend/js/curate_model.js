// The curation view's model: the units of GET /curation/{doc}/ (one per group of the layers'
// matching units) put in the order the page lists them, named, sorted into sections, and
// turned into what the text draws. Pure: no DOM, no fetch.
//
// A unit's standing has two parts, each shown by a word and a mark, never by colour alone:
//   who      "agreed" (every layer made it alike: =) or "disputed" (≠); "gold only" for a
//            unit made by hand in gold (no layer has it); "one layer" when the view has a
//            single layer (another returned, say): nothing to agree or differ with;
//   state    "open", "in gold" (✓) or "rejected" (✗).
// Sections: spans, relations (inside the document), cross-document links (a relation with
// an end in another document of the story), stances, answers.

export const SECTIONS = [
  { key: "span", title: "Spans" },
  { key: "relation", title: "Relations" },
  { key: "link", title: "Cross-document links" },
  { key: "stance", title: "Stances" },
  { key: "answer", title: "Answers" },
];

/** "annotator:ana" -> "ana", "model:rules" -> "model rules", "gold" -> "gold". */
export function layerShort(name) {
  if (name.startsWith("annotator:")) return name.slice("annotator:".length);
  if (name.startsWith("model:")) return `model ${name.slice("model:".length)}`;
  return name;
}

/** Every span the view's rows can point at, by id: the layers' and gold's spans (with the
 * layer that has them) and the spans of other documents that links reach. */
export function spanIndex(view) {
  const index = new Map();
  const sets = [...view.layers, ...(view.gold ? [view.gold] : [])];
  for (const set of sets) {
    for (const span of set.spans || []) index.set(span.id, { ...span, layer: set.name, document: view.document.id });
  }
  for (const span of view.elsewhere || []) index.set(span.id, { ...span, layer: null, elsewhere: true });
  return index;
}

/** The row a unit is drawn and described by: gold's (what was kept, maybe edited) when it
 * is in gold, else the one most layers made. */
export function shownRow(unit) {
  return unit.state === "gold" && unit.gold ? unit.gold : unit.unit;
}

/** Which section a unit is listed in. */
export function sectionOf(unit, spans) {
  if (unit.kind !== "relation") return unit.kind;
  const row = shownRow(unit);
  const ends = [spans.get(row.source), spans.get(row.target)];
  return ends.some((end) => end && end.elsewhere) ? "link" : "relation";
}

/** The who-part of a unit's standing: agreed, disputed, gold only, or one layer (when the
 * view has `layerCount` < 2 layers). */
export function agreementOf(unit, layerCount = 2) {
  if (!unit.layers.length) return "gold only";
  if (layerCount < 2) return "one layer";
  return unit.agreed ? "agreed" : "disputed";
}

const STATE_WORDS = { open: "open", gold: "in gold", rejected: "rejected" };
const MARKS = { agreed: "=", disputed: "≠", "gold only": "+", "one layer": "", open: "", gold: "✓", rejected: "✗" };

/** The words and marks of a unit's standing: {agreement, state, marks}. */
export function standingOf(unit, layerCount = 2) {
  const agreement = agreementOf(unit, layerCount);
  return { agreement, state: STATE_WORDS[unit.state] || unit.state, marks: `${MARKS[agreement]}${MARKS[unit.state] || ""}` };
}

function quoted(text) {
  const flat = (text || "").replace(/\s+/g, " ");
  return `“${flat.length > 48 ? `${flat.slice(0, 47)}…` : flat}”`;
}

function spanName(span, labels) {
  if (!span) return "a span no layer shows";
  const label = labels.get(span.label)?.name || span.label;
  const where = span.elsewhere ? ` in “${span.title}”` : "";
  return `${label} ${quoted(span.text)}${where}`;
}

function targetName(schema, key) {
  const target = (schema.stance?.targets || []).find((t) => t.key === key);
  return target ? target.name || target.key : key;
}

function questionText(schema, key) {
  const question = (schema.document_questions || []).find((q) => q.key === key);
  return question ? question.text || question.key : key;
}

function valueText(value) {
  if (Array.isArray(value)) return value.join(", ");
  if (value !== null && typeof value === "object") {
    return Object.entries(value).map(([k, v]) => `${k}: ${valueText(v)}`).join("; ");
  }
  return String(value);
}

/** What a row says, on one line, for a unit of `kind`. */
export function describeRow(kind, row, { spans, labels, schema }) {
  if (kind === "span") {
    const label = labels.get(row.label)?.name || row.label;
    const attributes = Object.entries(row.attributes || {}).map(([k, v]) => `${k}=${valueText(v)}`);
    return `${label} ${quoted(row.text)}${attributes.length ? ` (${attributes.join(", ")})` : ""}`;
  }
  if (kind === "relation") {
    return `${row.type}: ${spanName(spans.get(row.source), labels)} → ${spanName(spans.get(row.target), labels)}`;
  }
  if (kind === "stance") {
    const holder = row.holder == null ? "the document" : spanName(spans.get(row.holder), labels);
    const object = row.target != null ? targetName(schema, row.target) : spanName(spans.get(row.object), labels);
    return `${holder} toward ${object}: ${row.value}`;
  }
  const [question, value] = Object.entries(row)[0] || ["?", ""];
  return `${questionText(schema, question)}: ${valueText(value)}`;
}

/** The units as the page lists them: by section, in the server's (reading) order within
 * one, each with its section, standing and one-line description. */
export function listedUnits(view, { labels, schema }) {
  const spans = spanIndex(view);
  const context = { spans, labels, schema };
  const order = SECTIONS.map((s) => s.key);
  const listed = view.units.map((unit, position) => ({
    unit,
    key: unit.key,
    position,
    section: sectionOf(unit, spans),
    standing: standingOf(unit, view.layers.length),
    text: describeRow(unit.kind, shownRow(unit), context),
  }));
  listed.sort((a, b) => order.indexOf(a.section) - order.indexOf(b.section) || a.position - b.position);
  return listed;
}

/** What the text draws: the span units not rejected, as TextView takes them; `solid` are
 * agreed or in gold (or the only layer's), `dashed` are disputed and still open. */
export function textSpans(view) {
  const single = view.layers.length < 2;
  const solid = [];
  const dashed = [];
  for (const unit of view.units) {
    if (unit.kind !== "span" || unit.state === "rejected") continue;
    const row = shownRow(unit);
    const span = { key: unit.key, label: row.label, start: row.start, end: row.end, fragments: row.fragments || null };
    (unit.state === "gold" || unit.agreed || single ? solid : dashed).push(span);
  }
  return { solid, dashed };
}

/** The span units a relation, link or stance unit reaches (its ends, its holder and
 * object), by key, so the text can show them with it; none for a span or an answer. A
 * row's span ids are its own layer's (or gold's): every member's and gold's ids count. */
export function relatedKeys(view, unit) {
  if (!unit || unit.kind === "span" || unit.kind === "answer") return new Set();
  const keyOfSpan = new Map();
  for (const u of view.units) {
    if (u.kind !== "span") continue;
    for (const member of u.members) keyOfSpan.set(member.row.id, u.key);
    if (u.gold) keyOfSpan.set(u.gold.id, u.key);
  }
  const rows = [...unit.members.map((m) => m.row), ...(unit.gold ? [unit.gold] : [])];
  const ends = unit.kind === "relation" ? ["source", "target"] : ["holder", "object"];
  const keys = new Set();
  for (const row of rows) for (const end of ends) if (keyOfSpan.has(row[end])) keys.add(keyOfSpan.get(row[end]));
  return keys;
}

/** The key `step` units after `key` in `listed` (clamped at the ends; the first one when
 * nothing is selected). */
export function stepKey(listed, key, step) {
  if (!listed.length) return null;
  const at = listed.findIndex((item) => item.key === key);
  if (at === -1) return listed[step < 0 ? listed.length - 1 : 0].key;
  return listed[Math.min(listed.length - 1, Math.max(0, at + step))].key;
}

/** The first unit still open after `key` (wrapping round), or null when none is open. */
export function nextOpenKey(listed, key) {
  const at = listed.findIndex((item) => item.key === key);
  for (let i = 1; i <= listed.length; i++) {
    const item = listed[(at + i + listed.length) % listed.length];
    if (item.unit.state === "open") return item.key;
  }
  return null;
}

/** JSON with every object's keys sorted, so equal values read the same. */
export function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** An accept's `edit`: the fields of the form that differ from the row accepted, or null
 * when none does. Spans: label, start, end, attributes; relations: type; stances and
 * answers: value. */
export function editOf(kind, row, form) {
  const fields = { span: ["label", "start", "end", "attributes"], relation: ["type"], stance: ["value"], answer: ["value"] }[kind] || [];
  const edit = {};
  for (const field of fields) {
    if (!(field in form)) continue;
    let before = kind === "answer" && field === "value" ? Object.values(row)[0] : row[field];
    if (field === "attributes") before = before || {};
    if (canonical(form[field]) !== canonical(before)) edit[field] = form[field];
  }
  return Object.keys(edit).length ? edit : null;
}

/** What an auto-merge at `k` did, from its answer's `merged`, in words. */
export function mergedLine(k, view) {
  const added = Object.entries(view.merged.added).map(([kind, n]) => `${n} ${kind}${n === 1 ? "" : "s"}`);
  const notes = view.merged.notes.length ? ` ${view.merged.notes.join(" ")}` : "";
  return `Auto-merge at ${k} of ${view.layers.length}: ${added.join(", ") || "nothing"} put into gold.${notes}`;
}

/** The counts the toolbar shows, in words. */
export function countsLine(counts) {
  return `${counts.units} units · ${counts.agreed} agreed · ${counts.gold} in gold · ${counts.rejected} rejected · ${counts.open} open`;
}

/** The comment thread of a listed unit (comments.js's shape): its first maker's row in that
 * layer's set; the document's thread for an answer, a unit only gold has, or none. */
export function unitThread(view, item) {
  const member = item?.unit.members[0];
  if (!member || item.unit.kind === "answer") return { set: null, title: "The document" };
  const set = view.layers.find((layer) => layer.name === member.layer);
  const thread = { set: set ? set.id : null, span: null, relation: null, stance: null, title: `${item.text} (${layerShort(member.layer)})` };
  thread[item.unit.kind] = member.row.id;
  return thread;
}

/** How a thread of the document's list is named: "a span of ana", "the document". */
export function threadName(thread) {
  const layer = thread.layer ? ` of ${layerShort(thread.layer)}` : "";
  for (const kind of ["span", "relation", "stance"]) if (thread[kind] != null) return `a ${kind}${layer}`;
  return thread.set != null ? `the set${layer}` : "the document";
}
