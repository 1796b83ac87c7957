// The document text of the curation view, drawn by the workspace's TextView: the span units
// agreed or in gold as its spans (solid underlines), the disputed ones as its suggestions
// (dashed), rejected ones not at all. Then what the drawing cannot say by itself: a mark
// (≠) at the start of each disputed span, so the difference is not a line style alone,
// and the units' own names and standing in the tooltips.

import { relatedKeys, textSpans } from "./curate_model.js";

/**
 * @param {import("./text_view.js").TextView} textView
 * @param {object} view the curation view (GET /curation/{doc}/)
 * @param {object[]} listed the page's listed units (listedUnits)
 * @param {string|null} selected the selected unit's key
 */
export function drawCurationText(textView, view, listed, selected) {
  const { solid, dashed } = textSpans(view);
  const related = relatedKeys(view, listed.find((item) => item.key === selected)?.unit);
  textView.render({ spans: solid, suggestions: dashed, selected, related, dim: related.size > 0 });
  const titles = new Map(listed.map((item) => [item.key, `${item.text} — ${item.standing.agreement}, ${item.standing.state}`]));
  const disputed = new Set(dashed.map((span) => span.key));
  for (const segment of textView.container.querySelectorAll(".seg[data-keys]")) {
    const keys = segment.dataset.keys.split(" ");
    segment.title = keys.map((key) => titles.get(key)).filter(Boolean).join("\n");
    segment.classList.toggle("disputed", keys.some((key) => disputed.has(key)));
    delete segment.dataset.flag;
  }
  for (const span of dashed) {
    const point = textView.domPoint(textView.map.toUtf16(span.start));
    if (point) point.node.parentElement.dataset.flag = "≠";
  }
}
