// The rewrites page's pure logic (no DOM): the pair picker's words and keys, the summary,
// which rows show, and a sentence cut into the pieces the page draws. Unit-tested with
// node (tests/frontend/rewrites_model.test.mjs).

export const KINDS = ["copied", "changed", "moved", "added", "dropped"];

const KIND_WORDS = {
  copied: "Copied",
  changed: "Changed",
  moved: "Moved",
  added: "Added",
  dropped: "Dropped",
};

/** A document's name in the page: its outlet, else its title, else its id. */
export function documentName(doc) {
  return doc.outlet || doc.title || `Document ${doc.id}`;
}

/** The day a document was published (UTC, e.g. "26 Mar 2024"), or "" when unknown. */
export function publishedDay(doc) {
  if (!doc.published_at) return "";
  const day = new Date(doc.published_at);
  return day.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

/** The pair's value in the picker and in the page's address: "<original>-<rewrite>". */
export function pairKey(pair) {
  return `${pair.original.id}-${pair.rewrite.id}`;
}

/** The pair a key names: a flagged pair, else two different documents of `documents` (a
 *  pair the import did not flag: `similarity` null), else the first flagged pair, else null. */
export function pairFor(pairs, key, documents = []) {
  const flagged = pairs.find((pair) => pairKey(pair) === key);
  if (flagged) return flagged;
  const [originalId, rewriteId] = String(key || "").split("-").map(Number);
  const original = documents.find((doc) => doc.id === originalId);
  const rewrite = documents.find((doc) => doc.id === rewriteId);
  if (original && rewrite && original !== rewrite) return { original, rewrite, similarity: null };
  return pairs[0] || null;
}

/** The pair as the picker says it: who rewrote whom and how much they share, or, for two
 *  documents the import did not flag, that they are compared. */
export function pairLabel(pair) {
  if (pair.similarity === null) {
    return `${documentName(pair.rewrite)} against ${documentName(pair.original)} (not flagged as a rewrite)`;
  }
  const share = Math.round(pair.similarity * 100);
  return `${documentName(pair.rewrite)} rewrote ${documentName(pair.original)} (${share}% of clauses shared)`;
}

/** A document as the "compare any two" selects name it: outlet, day, title. */
export function documentOption(doc) {
  const day = publishedDay(doc);
  const title = doc.title && doc.outlet ? `: ${doc.title}` : "";
  return `${documentName(doc)}${day ? `, ${day}` : ""}${title}`;
}

/** The summary's items, in a fixed order: [{kind, label, count}]. */
export function summaryItems(counts) {
  return KINDS.map((kind) => ({ kind, label: KIND_WORDS[kind], count: counts[kind] || 0 }));
}

/** The rows shown: all of them, or without the copied ones. */
export function rowsShown(rows, changesOnly) {
  return changesOnly ? rows.filter((row) => row.kind !== "copied") : rows;
}

/** What a row's first column says: its kind in words. */
export function kindLabel(row) {
  return KIND_WORDS[row.kind] || row.kind;
}

/** A changed row's word similarity in words ("98% similar"), and a moved row's when the
 *  rewrite also reworded it; "" for other rows. */
export function similarityLabel(row) {
  const reworded = row.kind === "changed" || (row.kind === "moved" && row.similarity < 1);
  return reworded ? `${Math.round(row.similarity * 100)}% similar` : "";
}

/** A sentence as pieces to draw: [{op, text}] ("kept", "removed", "added"); a sentence
 *  without runs (copied, added, dropped) is one kept piece. */
export function sentencePieces(sentence) {
  if (!sentence) return [];
  if (!sentence.runs || !sentence.runs.length) return [{ op: "kept", text: sentence.text }];
  return sentence.runs.map((run) => ({ op: run.op, text: run.text }));
}

/** A moved row's note, for the column its sentence is missing from: where the rewrite
 *  moved it to (the row where it was: "Moved to: further down") or where it came from (the
 *  row where it is: "Moved from: further up"), pointing at the other row; null for a row
 *  that did not move. `index` is the row's own place in the rows. */
export function movedNote(row, index) {
  if (row.kind !== "moved" || row.moved === null || row.moved === undefined) return null;
  const way = row.moved > index ? "further down" : "further up";
  const text = row.original ? `Moved to: ${way}` : `Moved from: ${way}`;
  return { target: `row-${row.moved}`, text, side: row.original ? "rewrite" : "original" };
}
