// The documents page's pure part: the list's query, a document's metadata as the edit form
// shows it and the changes the form makes, the server's field errors per form field, and the
// selection kept in the order the manager ticked documents.

export const PAGE_SIZE = 50;

export const REVIEW_NAMES = {
  unreviewed: "not reviewed",
  in_review: "in review",
  curated: "curated",
  returned: "returned",
};

/** The list's API path for a page of documents matching the filters. */
export function listPath(projectId, { q = "", story = "", page = 1 }) {
  const query = new URLSearchParams({ page: String(page), page_size: String(PAGE_SIZE) });
  if (q.trim()) query.set("q", q.trim());
  if (story) query.set("story", story);
  return `projects/${projectId}/documents/?${query}`;
}

/** "2024-05-01" from an ISO date-time (the UTC day it names), "" for none. */
export function dayOf(iso) {
  return iso ? String(iso).slice(0, 10) : "";
}

/** The edit form's values for a row of the list. */
export function formValues(row) {
  return {
    title: row.title || "",
    outlet: row.outlet || "",
    story: row.story_name || "",
    published_at: dayOf(row.published_at),
    url: row.url || "",
    language: row.language || "",
  };
}

/** What the form changes, as the PATCH body: only the fields that differ from the row;
 * a day goes as midnight UTC, an emptied day as null. */
export function changesFrom(row, values) {
  const before = formValues(row);
  const changes = {};
  for (const [name, raw] of Object.entries(values)) {
    const value = String(raw ?? "").trim();
    if (value === before[name]) continue;
    if (name === "published_at") changes[name] = value ? `${value}T00:00:00Z` : null;
    else changes[name] = value;
  }
  return changes;
}

/** The server's `details` as one message per form field (lists joined). */
export function fieldErrors(details) {
  const errors = {};
  for (const [name, message] of Object.entries(details || {})) {
    errors[name] = Array.isArray(message) ? message.join(" ") : String(message);
  }
  return errors;
}

/** The selection: document ids in the order they were ticked. */
export function toggled(selection, id, on) {
  const without = selection.filter((item) => item !== id);
  return on ? [...without, id] : without;
}

/** "3 of 120 documents" style page summary. */
export function pageSummary(count, page) {
  if (!count) return "No documents.";
  const first = (page - 1) * PAGE_SIZE + 1;
  const last = Math.min(count, page * PAGE_SIZE);
  return `Documents ${first}–${last} of ${count}`;
}

/** How many pages the list has. */
export function pageCount(count) {
  return Math.max(1, Math.ceil(count / PAGE_SIZE));
}
