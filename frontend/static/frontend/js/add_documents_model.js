// Pure logic of the Add documents page: the import's report as one entry per file (its
// documents, problems and repeats), the words each fact is shown with, and the sentences two
// texts share (the side-by-side view). No DOM here; tests/frontend/add_documents.test.mjs.

const ZONE_ORDER = ["headline", "byline", "dateline", "caption", "body"];
const ZONE_PLURALS = { headline: "headlines", byline: "bylines", dateline: "datelines", caption: "captions", body: "body passages" };

/** "headline, byline, 3 captions, body" from {kind: count}; "none" when empty. */
export function zoneWords(zones) {
  const kinds = Object.keys(zones || {}).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const words = kinds
    .filter((kind) => zones[kind] > 0)
    .map((kind) => (zones[kind] === 1 ? kind : `${zones[kind]} ${ZONE_PLURALS[kind] || kind}`));
  return words.length ? words.join(", ") : "none";
}

function rank(kind) {
  const index = ZONE_ORDER.indexOf(kind);
  return index === -1 ? ZONE_ORDER.length : index;
}

/** What happened to a document, as a short label and a kind for its badge. */
export function documentStatus(entry) {
  if (entry.in_project) return { kind: "kept", text: "Already in the project: left as it was" };
  if (!entry.created) return { kind: "reused", text: "Already stored: added to the project" };
  return { kind: "new", text: "New" };
}

/** The removed lines grouped by rule, rules in order of first appearance. */
export function removedByRule(removed) {
  const groups = new Map();
  for (const line of removed || []) {
    if (!groups.has(line.rule)) groups.set(line.rule, []);
    groups.get(line.rule).push(line);
  }
  return [...groups].map(([rule, lines]) => ({ rule, label: rule.replaceAll("_", " "), lines }));
}

/** "2024-03-26" from an ISO date-time; "" when there is none. */
export function dateWord(value) {
  return value ? String(value).slice(0, 10) : "";
}

/** "33%" from 0.3333. */
export function percent(value) {
  return `${Math.round(100 * value)}%`;
}

/** Where in a file: "line 3", or "" for a whole-file document. */
export function lineWord(line) {
  return line ? `line ${line}` : "";
}

/**
 * The report as a list of files, in the order they first appear (documents first, then
 * files that gave only problems): {file, documents, errors, repeated}.
 */
export function fileReports(report) {
  const files = new Map();
  const at = (name) => {
    const key = name || "";
    if (!files.has(key)) files.set(key, { file: key, documents: [], errors: [], repeated: [] });
    return files.get(key);
  };
  for (const entry of report.documents || []) at(entry.file).documents.push(entry);
  for (const issue of report.errors || []) at(issue.file).errors.push(issue);
  for (const issue of report.repeated || []) at(issue.file).repeated.push(issue);
  return [...files.values()];
}

/** One sentence of the summary: what the import did, in counts. */
export function summaryWords(report) {
  const counts = report.counts;
  const parts = [
    `${report.added_to_project} added to the project`,
    `${counts.created} new`,
    `${counts.existing} already stored`,
  ];
  const kept = (report.documents || []).filter((entry) => entry.in_project).length;
  if (kept) parts.push(`${kept} already in the project (left as they were)`);
  if (counts.repeated) parts.push(`${counts.repeated} repeated in the upload`);
  parts.push(counts.near_duplicates === 1 ? "1 near-duplicate" : `${counts.near_duplicates} near-duplicates`);
  parts.push(counts.errors === 1 ? "1 problem" : `${counts.errors} problems`);
  return `${parts.join(" · ")}.`;
}

// Clauses as corpus/similarity.py cuts them: at sentence and clause punctuation, quote
// marks, brackets and dashes; an apostrophe (’ or ') stays inside its word, and a full stop
// inside a word ("3.5") or after an initial ("U.S.", "J. Smith") does not cut.
const SEPARATOR = /[!?,;:()[\]{}"“”«»\n—–…•]+|(?<!\b[A-Z])\.+(?=[\s"”’)\]]|$)/g;
const MIN_WORDS = 4; // shorter clauses ("he said", a dateline) prove nothing

/** The text's clauses and the separators between them, in order, covering it exactly. */
function cut(text) {
  const parts = [];
  let covered = 0;
  for (const match of text.matchAll(SEPARATOR)) {
    if (match.index > covered) parts.push({ text: text.slice(covered, match.index), clause: true });
    parts.push({ text: match[0], clause: false });
    covered = match.index + match[0].length;
  }
  if (covered < text.length) parts.push({ text: text.slice(covered), clause: true });
  return parts;
}

function clauseKey(clause) {
  return clause.toLowerCase().replaceAll("’", "'").replace(/\s+/g, " ").trim();
}

function isLong(key) {
  return key.split(" ").length >= MIN_WORDS;
}

/**
 * A text cut into pieces that cover it exactly, each marked `shared` when it is a run of
 * clauses of four words or more that the other text holds too (ignoring case and spacing),
 * with the punctuation between two shared clauses.
 */
export function sharedPieces(text, other) {
  const keys = new Set();
  for (const part of cut(other)) {
    const key = clauseKey(part.text);
    if (part.clause && isLong(key)) keys.add(key);
  }
  // shared: true | false, or null for a separator (shared between two shared clauses)
  const tokens = cut(text).map((part) => {
    if (!part.clause) return { text: part.text, shared: null };
    const key = clauseKey(part.text);
    return { text: part.text, shared: isLong(key) && keys.has(key) };
  });
  const pieces = [];
  tokens.forEach((token, index) => {
    let shared = token.shared;
    if (shared === null) shared = Boolean(tokens[index - 1]?.shared && tokens[index + 1]?.shared);
    const last = pieces[pieces.length - 1];
    if (last && last.shared === shared) last.text += token.text;
    else pieces.push({ text: token.text, shared });
  });
  return pieces;
}
