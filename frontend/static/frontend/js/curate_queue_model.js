// The Curate queue's pure parts: the API query a choice of filters makes, the words and
// figures a row shows, and where j/k (or the arrows) move in the list. No DOM here, so
// `node --test` covers it (tests/frontend/curate_queue.test.mjs).

export const STATE_NAMES = {
  unreviewed: "Unreviewed",
  in_review: "In review",
  curated: "Curated",
  returned: "Returned",
};

/**
 * The query of GET projects/{id}/curation/ for the chosen filters and page.
 * `state` is "" (every state), "ready" (ready to curate) or a review state;
 * `min_disagreement` a share from 0 to 1 ("" for any).
 * @param {{state?: string, story?: string, outlet?: string, min_disagreement?: string,
 *   order?: string, q?: string}} filters
 */
export function queueQuery(filters, page = 1, pageSize = 50) {
  const params = new URLSearchParams({ page: String(page), page_size: String(pageSize) });
  const state = (filters.state || "").trim();
  if (state === "ready") params.set("ready", "true");
  else if (state) params.set("review_status", state);
  for (const name of ["story", "outlet", "min_disagreement", "q"]) {
    const value = String(filters[name] || "").trim();
    if (value) params.set(name, value);
  }
  params.set("order", filters.order === "position" ? "position" : "disagreement");
  return params;
}

const FILTER_NAMES = ["state", "story", "outlet", "min_disagreement", "order", "q"];

/** The filters and page a page address keeps (`?state=ready&outlet=…&page=2`), so a
 * reload, a shared link or coming back from a document shows the same list. */
export function filtersFromAddress(search) {
  const params = new URLSearchParams(search);
  const filters = {};
  for (const name of FILTER_NAMES) filters[name] = params.get(name) || "";
  if (filters.order !== "position") filters.order = "disagreement";
  const page = Number.parseInt(params.get("page") || "1", 10);
  return { filters, page: Number.isFinite(page) && page > 0 ? page : 1 };
}

/** The page address's query for the filters and page (defaults left out). */
export function addressOf(filters, page = 1) {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = String(filters[name] || "").trim();
    if (value && !(name === "order" && value === "disagreement")) params.set(name, value);
  }
  if (page > 1) params.set("page", String(page));
  return params.toString();
}

/** The row's review state in words, with who a returned document went back to. */
export function stateText(row) {
  const name = STATE_NAMES[row.review_status] || row.review_status;
  if (row.review_status === "returned" && row.returned_to.length) {
    return `${name} to ${row.returned_to.join(", ")}`;
  }
  if (row.ready && row.review_status === "unreviewed") return `${name}, ready to curate`;
  return name;
}

/** The disagreement as a percentage and the units behind it; "—" with fewer than two
 * layers (nothing to compare). */
export function disagreementText(row) {
  if (row.disagreement === null || row.disagreement === undefined) {
    return { figure: "—", detail: "fewer than two layers" };
  }
  const figure = `${Math.round(row.disagreement * 100)} %`;
  const units = row.units === 1 ? "unit" : "units";
  return { figure, detail: `${row.disputed} of ${row.units} ${units} disputed` };
}

/** Unread counts by document id, from GET projects/{id}/comments/unread/. */
export function unreadByDocument(answer) {
  const out = new Map();
  for (const item of answer?.documents || []) out.set(item.document, item.unread);
  return out;
}

/**
 * Where a key moves the focus in a list of `length` rows from `current` (-1: none yet).
 * @returns {number | null} the new index, or null when the key is not a move
 */
export function moveTo(key, current, length) {
  if (length === 0) return null;
  if (key === "j" || key === "ArrowDown") return current < 0 ? 0 : Math.min(current + 1, length - 1);
  if (key === "k" || key === "ArrowUp") return current < 0 ? 0 : Math.max(current - 1, 0);
  return null;
}

/** The body of POST projects/{id}/merge-jobs/ from the auto-merge form's values (`models`:
 * the model layers ticked). */
export function mergeRequest(values) {
  return {
    min_agreeing: Number.parseInt(values.min_agreeing, 10),
    matching: values.matching === "overlap" ? "overlap" : "exact",
    models: (values.models || []).map((name) => String(name).trim()).filter(Boolean),
  };
}

/** A background auto-merge in one line. */
export function jobText(job) {
  const done = `${job.documents_done} of ${job.documents_total} document${job.documents_total === 1 ? "" : "s"}`;
  return `Auto-merge ${job.status}: ${done} (k = ${job.min_agreeing}, ${job.matching})`;
}
