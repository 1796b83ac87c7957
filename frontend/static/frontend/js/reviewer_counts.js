// The workspace toolbar's counts for a reviewer: what the curation needs (documents ready
// to curate, curated, returned, from GET projects/{id}/curation/summary/) and a link to
// the Curate queue, in place of an annotator's "n of m submitted".

import { el } from "./dom.js";

/** The counts in words, short enough for the toolbar's one row. */
export function reviewerCountsText(summary) {
  return `${summary.ready} ready · ${summary.curated} curated · ${summary.returned} returned`;
}

/** Fill `box` with the counts and the link to the Curate queue. */
export function showReviewerCounts(box, projectId, summary) {
  const link = el("a", { href: `/projects/${projectId}/curate/`, text: "Curate queue" });
  box.replaceChildren(reviewerCountsText(summary), " · ", link);
  box.title =
    `${summary.ready} documents are ready to curate, ${summary.in_review} in review, ` +
    `${summary.curated} curated and ${summary.returned} returned to their annotators.`;
}
