// Pure helpers of the agreement page: numbers as text, why a figure is undefined, the pairs of
// a measure as a layer x layer matrix, scales, the heat map's colour ramp, the query string.
// No DOM here (unit-tested with `node --test`); agreement_charts.js draws, agreement.js runs
// the page. A report's shape is annotations/agreement/contracts.py.

/** Undefined figures (null in the report) are shown as this. */
export const NOT_AVAILABLE = "n/a";

/** A figure with three decimals ("0.857", "-0.125"), or "n/a". */
export function formatFigure(value, digits = 3) {
  if (value === null || value === undefined || Number.isNaN(value)) return NOT_AVAILABLE;
  const text = Number(value).toFixed(digits);
  return text === `-${(0).toFixed(digits)}` ? (0).toFixed(digits) : text;
}

/** "± 0.041" for a standard deviation, "" when there is none. */
export function formatSd(sd, digits = 3) {
  if (sd === null || sd === undefined || Number.isNaN(sd)) return "";
  return `± ${formatFigure(sd, digits)}`;
}

const F1_STATISTICS = new Set(["f1", "link_f1", "b_cubed_f1"]);

/** Why a figure of this statistic is undefined, in a sentence. `where` is "overall" (a mean
 * over pairs, or a statistic over every layer), "pair", "label", "document" or "trend". */
export function undefinedReason(statistic, where = "overall") {
  const averagedOverall = where !== "pair";
  if (F1_STATISTICS.has(statistic)) {
    const one = "neither layer has a unit to compare here, so F1 = 2 × matched / (units of both) divides by zero";
    return averagedOverall ? `n/a: for at least one pair of layers ${one}` : `n/a: ${one}`;
  }
  if (statistic === "fleiss_kappa") {
    return "n/a: no item has two or more ratings, or every rating is the same value (chance agreement is already perfect)";
  }
  const rated = "no item was rated by both layers, or every rating is the same value (chance agreement is already perfect)";
  return averagedOverall && statistic === "cohen_kappa" ? `n/a: for every pair of layers ${rated}` : `n/a: ${rated}`;
}

/** What the statistic is called on the page. */
export function statisticName(statistic) {
  return {
    f1: "F1",
    link_f1: "pairwise link F1",
    b_cubed_f1: "B-cubed F1",
    cohen_kappa: "Cohen's kappa",
    fleiss_kappa: "Fleiss' kappa",
    krippendorff_alpha: "Krippendorff's alpha",
  }[statistic] || statistic;
}

/**
 * The pairs of one measure as a matrix. Rows are the reference layers (`against` alone when
 * it is given), columns the layers compared; a cell is the pair's figure (either order), or
 * null when the two layers share nothing. The diagonal (a layer with itself) is "self".
 * @returns {{rows: string[], columns: string[], cells: (object|null|"self")[][]}}
 */
export function pairMatrix(pairs, layers, against = "") {
  const byPair = new Map();
  for (const pair of pairs) {
    byPair.set(`${pair.a}\u0000${pair.b}`, pair);
    if (!byPair.has(`${pair.b}\u0000${pair.a}`)) byPair.set(`${pair.b}\u0000${pair.a}`, pair);
  }
  const rows = against ? [against] : [...layers];
  const columns = against ? layers.filter((name) => name !== against) : [...layers];
  const cells = rows.map((row) =>
    columns.map((column) => (row === column ? "self" : byPair.get(`${row}\u0000${column}`) || null)),
  );
  return { rows, columns, cells };
}

/** The value axis of a statistic's figures: [0, 1] for F1, down to the lowest value (at
 * least -1, rounded down to a tenth) for kappa and alpha, which can be negative. */
export function valueDomain(statistic, values) {
  if (F1_STATISTICS.has(statistic)) return [0, 1];
  const defined = values.filter((v) => v !== null && v !== undefined && !Number.isNaN(v));
  const lowest = defined.length ? Math.min(0, ...defined) : 0;
  return [Math.max(-1, Math.floor(lowest * 10) / 10), 1];
}

/** A linear map of [d0, d1] onto [r0, r1]. */
export function linearScale([d0, d1], [r0, r1]) {
  const span = d1 - d0 || 1;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

// The heat map's ramp: one hue (blue, Okabe-Ito's accent family), light for low agreement and
// dark for high, so it reads in grey too; the number is printed in every cell anyway.
const LIGHT = [240, 246, 252];
const DARK = [8, 64, 129];

function hex(rgb) {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
}

/** The fill of a cell: `value` placed on `domain`, clamped; null when undefined (the chart
 * uses a hatch pattern then). */
export function rampColour(value, domain = [0, 1]) {
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  const t = Math.min(1, Math.max(0, linearScale(domain, [0, 1])(value)));
  return hex(LIGHT.map((light, i) => light + (DARK[i] - light) * t));
}

/** Text colour that stays readable on `rampColour(value, domain)`. */
export function inkOn(value, domain = [0, 1]) {
  if (value === null || value === undefined || Number.isNaN(value)) return "#1f2328";
  return linearScale(domain, [0, 1])(value) > 0.55 ? "#ffffff" : "#1f2328";
}

/** Documents (or stories) most disagreed on first: lowest value first, undefined last, then
 * by id, as the API sorts them. Returns a new array. */
export function byDisagreement(documents) {
  return [...documents].sort((x, y) => {
    const xNull = x.value === null || x.value === undefined;
    const yNull = y.value === null || y.value === undefined;
    if (xNull !== yNull) return xNull ? 1 : -1;
    if (!xNull && x.value !== y.value) return x.value - y.value;
    return x.document - y.document;
  });
}

/** The API's query string for the page's filters: empty values and empty lists left out. */
export function agreementQuery(filters) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (Array.isArray(value)) {
      if (value.length) params.set(name, value.join(","));
    } else if (value !== undefined && value !== null && String(value).trim() !== "") {
      params.set(name, String(value).trim());
    }
  }
  return params;
}

/** Every label a report's measures name, sorted, each once. */
export function reportLabels(report) {
  const labels = new Set();
  for (const measure of report.measures) for (const figure of measure.labels) labels.add(figure.label);
  return [...labels].sort();
}

/** Why a report has nothing to draw, or null when it has: no layer with done sets, one layer
 * only, or no document at least two layers share. */
export function emptyState(report) {
  if (!report.layers.length) {
    return "No submitted sets yet. Figures appear once at least two layers (annotators' submitted sets, the curated gold set, a model's sets) have a set on the same document.";
  }
  if (report.layers.length === 1) {
    return `Only one layer has sets to compare (${report.layers[0]}). Agreement needs at least two: another annotator's submitted sets, the curated gold set or a model's sets.`;
  }
  if (!report.documents) {
    return `No document has sets of two of these layers (${report.layers.join(", ")}) yet, so there is nothing to compare.`;
  }
  return null;
}
