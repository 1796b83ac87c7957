// Whether a write whose answer never came (the network dropped it) landed on the server:
// the set as the server has it now is compared with what that write sent. Pure: no DOM.
//
// A write that landed bumped the version by one and stored exactly what was sent; spans are
// compared by what they are (label, offsets, text, attributes), relations and stances by the
// spans they join, so new spans (sent by `ref`, stored under an id) compare equal.

/** A stable JSON text: object keys sorted at every level. */
export function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

function spanSignature(span) {
  return canonical([
    span.label,
    span.start,
    span.end,
    span.fragments || null,
    span.text,
    span.attributes || {},
  ]);
}

/** What a set holds, as sorted texts; `spans` carry `id` (stored) or `ref` (new). */
function contentOf(set) {
  const byEnd = new Map();
  for (const span of set.spans) byEnd.set(span.id ?? span.ref, spanSignature(span));
  const end = (ref) => (ref === null || ref === undefined ? "null" : byEnd.get(ref) ?? `id:${ref}`);
  return {
    spans: set.spans.map(spanSignature).sort(),
    relations: set.relations
      .map((r) => canonical([r.type, end(r.source), end(r.target), r.attributes || {}]))
      .sort(),
    stances: set.stances
      .map((s) => canonical([end(s.holder), end(s.object), s.target ?? null, s.value]))
      .sort(),
    answers: canonical(set.answers || {}),
  };
}

/** True when `server` (GET /api/v1/sets/{id}/) holds what `body` (a PUT body) wrote. */
export function landed(body, server) {
  if (server.version !== body.version + 1) return false;
  return canonical(contentOf(body)) === canonical(contentOf(server));
}

/** The ids the server gave the spans `body` sent by `ref`: {ref: id}, like a PUT's `refs`. */
export function refsOf(body, server) {
  const free = new Map(); // signature -> ids of stored spans not claimed yet
  const claimed = new Set(body.spans.filter((s) => s.id !== undefined).map((s) => s.id));
  for (const span of server.spans) {
    if (claimed.has(span.id)) continue;
    const signature = spanSignature(span);
    free.set(signature, [...(free.get(signature) || []), span.id]);
  }
  const refs = {};
  for (const span of body.spans) {
    if (span.ref === undefined) continue;
    const ids = free.get(spanSignature(span)) || [];
    if (ids.length) refs[span.ref] = ids.shift();
  }
  return refs;
}
