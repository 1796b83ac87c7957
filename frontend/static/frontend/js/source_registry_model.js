// Pure logic of the source registry pages (sources.js, source_page.js and the workspace's
// source_linker.js): the kinds and their words, the aliases list a form adds to, the body of
// a create or edit call, an entry's one-line summary and the words for a refused delete.
// No DOM here (tests/frontend/source_registry_model.test.mjs).

export const KINDS = [
  { value: "named_person", name: "named person" },
  { value: "named_organisation", name: "named organisation" },
  { value: "anonymous_official", name: "anonymous official" },
  { value: "other", name: "other" },
];

/** "named_person" -> "named person"; an unknown kind is shown as it is. */
export function kindName(kind) {
  return KINDS.find((k) => k.value === kind)?.name || kind || "—";
}

/** What two aliases are compared by: case, spacing and quote marks do not count. */
export function aliasFolded(text) {
  return String(text)
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u201c\u201d"'`]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLocaleLowerCase("en");
}

/** `aliases` with `text` added at the end: {aliases} or {aliases, error} (the list as it was)
 * when the text is empty, too long or already there (or is the entry's name). */
export function aliasAdded(aliases, text, name = "") {
  const alias = String(text).replace(/\s+/g, " ").trim();
  if (!alias) return { aliases, error: "Write the alias first." };
  if (alias.length > 200) return { aliases, error: "An alias has at most 200 characters." };
  const folded = aliasFolded(alias);
  if (aliases.some((a) => aliasFolded(a) === folded)) return { aliases, error: `“${alias}” is already an alias.` };
  if (name && aliasFolded(name) === folded) return { aliases, error: `“${alias}” is the name itself.` };
  return { aliases: [...aliases, alias] };
}

/** `aliases` without the one at `index`. */
export function aliasRemoved(aliases, index) {
  return aliases.filter((_, i) => i !== index);
}

/** The body of a create (POST) or edit (PATCH) call from a form's values, or {errors} by
 * field name when the name is missing or a value too long. */
export function entryBody({ name, kind, affiliation, aliases }) {
  const body = {
    name: String(name || "").trim(),
    kind: kind || "other",
    affiliation: String(affiliation || "").trim(),
    aliases: [...(aliases || [])],
  };
  const errors = {};
  if (!body.name) errors.name = "Give the source a name.";
  else if (body.name.length > 200) errors.name = "A name has at most 200 characters.";
  if (body.affiliation.length > 200) errors.affiliation = "An affiliation has at most 200 characters.";
  if (!KINDS.some((k) => k.value === body.kind)) errors.kind = "Choose a kind.";
  return Object.keys(errors).length ? { errors } : { body };
}

/** The entries of a list answer: a plain list or a page ({results}). */
export function entriesFrom(answer) {
  if (Array.isArray(answer)) return answer;
  return Array.isArray(answer?.results) ? answer.results : [];
}

/** The list call, with the search words when there are any. */
export function listPath(projectId, query = "") {
  const q = String(query).trim();
  return `projects/${projectId}/sources/${q ? `?q=${encodeURIComponent(q)}` : ""}`;
}

/** "1 linked span", "12 linked spans", "not linked yet"; ``own``: the count is of the
 * person's own spans (a blind project's annotator), "3 of your spans linked". */
export function spansWords(count, own = false) {
  if (own) return count ? `${count.toLocaleString("en")} of your spans linked` : "none of your spans linked";
  if (!count) return "not linked yet";
  return `${count.toLocaleString("en")} linked span${count === 1 ? "" : "s"}`;
}

/** An entry in one line: kind, affiliation (when given) and how many spans link to it. */
export function entrySummary(entry, own = false) {
  return [kindName(entry.kind), entry.affiliation, spansWords(entry.spans, own)].filter(Boolean).join(" · ");
}

/** What the person is told when a delete is refused (409: spans still link to the entry;
 * the server's message says how many). */
export function deleteRefusalWords(entry, error) {
  const reason = error?.message || String(error);
  return error?.status === 409 ? `“${entry.name}” is not deleted: ${reason}` : reason;
}
