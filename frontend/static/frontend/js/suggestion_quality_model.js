// Pure helpers of the agreement page's "Models against gold" card: a layer's quality (from
// GET /api/v1/projects/{id}/suggestions/quality/) as table rows and sentences. No DOM.

import { formatFigure } from "./agreement_figures.js";

export const QUALITY_COLUMNS = [
  "Kind",
  "Label",
  "Precision, exact",
  "Recall, exact",
  "F1, exact",
  "Precision, overlap",
  "Recall, overlap",
  "F1, overlap",
];

/** The model's name of a layer ("model:quote-aligner" -> "quote-aligner"). */
export function modelName(layer) {
  return layer.startsWith("model:") ? layer.slice("model:".length) : layer;
}

/** One row's cells: kind, label, then P/R/F1 exact and P/R/F1 overlap as text. */
export function qualityRow(row) {
  const figures = (f) => [f.precision, f.recall, f.f1].map((value) => formatFigure(value));
  const label = row.label === "(all)" ? `every ${row.kind} label` : row.label;
  return [row.kind, label, ...figures(row.exact), ...figures(row.overlap)];
}

/** The rows of a layer: its totals by kind first, then each label it proposes. */
export function qualityRows(layer) {
  return [...layer.overall, ...layer.labels].map(qualityRow);
}

function percent(rate) {
  return rate == null ? "" : ` (${Math.round(rate * 100)} %)`;
}

/** How people decided on the model's suggestions, as one sentence. */
export function ratesSentence(rates) {
  if (!rates) return "No suggestions of this model in the project.";
  const made = `${rates.suggestions} suggestion${rates.suggestions === 1 ? "" : "s"}`;
  if (!rates.decided) return `${made}; none accepted or rejected in the workspace yet.`;
  return (
    `${made}; ${rates.decided} decided in the workspace: ` +
    `${rates.accepted} accepted${percent(rates.acceptance_rate)}, ` +
    `${rates.rejected} rejected${percent(rates.rejection_rate)}.`
  );
}

/** What the figures cover: documents compared, and the labels the model never proposes. */
export function coverageSentence(layer) {
  const documents = `${layer.documents} document${layer.documents === 1 ? "" : "s"} compared with ${layer.against}`;
  if (!layer.unproposed.length) return `${documents}.`;
  return `${documents}; never proposed (recall 0): ${layer.unproposed.join(", ")}.`;
}

/** The quality API's query for the agreement form's story ("" or a story id). */
export function qualityQuery(story) {
  return story ? `?story=${encodeURIComponent(story)}` : "";
}
