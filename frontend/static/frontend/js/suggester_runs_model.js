// Suggester runs, the pure part shared by the suggesters page and the run control: the
// request a form makes, and the words a run is shown with (no DOM, no network).

export const POLL_MS = 1000;

const SUGGESTER_NAMES = {
  "quote-aligner": "Quote aligner",
  attribution: "Attribution suggester",
  recommender: "Recommender",
};

/** The suggester's name for people. */
export function suggesterName(suggester) {
  return SUGGESTER_NAMES[suggester] || suggester;
}

/** Still going: the page keeps polling while a run is. */
export function isActive(run) {
  return run.status === "queued" || run.status === "running";
}

/** The POST body for a run from a form's fields (a FormData-like `get`). Empty fields are
 * left out, so the server's defaults apply. */
export function runRequest(suggester, fields) {
  const body = { suggester };
  const story = String(fields.get("story") || "").trim();
  if (story) body.story = Number(story);
  const modelName = String(fields.get("model_name") || "").trim();
  if (modelName) body.model_name = modelName;
  if (fields.get("replace")) body.replace = true;
  return body;
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** "3 of 5 documents". */
export function progressText(run) {
  return `${run.documents_done} of ${plural(run.documents_total, "document")}`;
}

/** What a run did: what it wrote, why it failed, or that it is still going. */
export function outcomeText(run) {
  if (run.status === "failed") return run.error || "Failed.";
  if (run.status !== "done") return run.status === "queued" ? "Waiting for the worker…" : `Running: ${progressText(run)}`;
  const o = run.outcome || {};
  if (!o.sets) return "Nothing proposed: no set written.";
  const parts = [plural(o.spans || 0, "span"), plural(o.relations || 0, "relation")];
  if (o.stances) parts.push(plural(o.stances, "stance"));
  return `Wrote ${plural(o.sets, "set")}: ${parts.join(", ")}.`;
}

/** The agreement page at its "Models against gold" card, where every model layer (this
 * run's among them) is compared with gold. */
export function agreementHref(projectId) {
  return `/projects/${projectId}/agreement/#suggestion-quality-card`;
}

/** The progress bar's value, 0..100. */
export function percent(run) {
  return Math.round(100 * (run.progress || 0));
}
