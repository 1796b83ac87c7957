// The progress page's chart: sets submitted per day as SVG bars, each with its number above
// it (colour is never the only cue) and a title per bar; the page prints the same numbers
// as a table. Text goes in as textContent only; presentation attributes, never style
// attributes (the CSP allows no inline style). The look follows agreement_charts.js.

const SVG = "http://www.w3.org/2000/svg";
const MUTED = "#5f6873";
const INK = "#1f2328";
const LINE = "#d9d6cf";
const BAR = "#0072B2";

function svgEl(tag, attributes = {}, text = undefined) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Round `most` up to a tidy axis top (1, 2, 5 x 10^n). */
export function axisTop(most) {
  if (most <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(most));
  return [1, 2, 5, 10].map((f) => f * power).find((top) => top >= most);
}

/** Bars for `days` ([{day, submitted}]), labelled every few days so the dates never overlap. */
export function throughputChart(days, label) {
  const step = Math.max(14, Math.min(48, 900 / Math.max(1, days.length)));
  const left = 40;
  const top = 22;
  const plot = 160;
  const width = left + step * days.length + 16;
  const height = top + plot + 40;
  const root = svgEl("svg", {
    viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": label,
    class: "chart", "font-size": 12, "font-family": "system-ui, sans-serif",
  });
  root.append(svgEl("title", {}, label));
  const most = axisTop(Math.max(0, ...days.map((d) => d.submitted)));
  const y = (value) => top + plot - (value / most) * plot;
  for (const tick of [0, most / 2, most].filter(Number.isInteger)) {
    root.append(svgEl("line", { x1: left, x2: width - 8, y1: y(tick), y2: y(tick), stroke: LINE }));
    root.append(svgEl("text", { x: left - 6, y: y(tick) + 4, "text-anchor": "end", fill: MUTED }, String(tick)));
  }
  const every = Math.ceil(40 / step); // a date label at most every 40 px
  days.forEach((day, i) => {
    const x = left + step * i;
    const group = svgEl("g", { class: "day", "data-day": day.day });
    const barTop = y(day.submitted);
    group.append(svgEl("rect", { x: x + 2, y: barTop, width: step - 4, height: top + plot - barTop, fill: BAR }));
    if (day.submitted > 0) {
      group.append(svgEl("text", { x: x + step / 2, y: barTop - 4, "text-anchor": "middle", fill: INK, class: "bar-value" }, String(day.submitted)));
    }
    if (i % every === 0 || i === days.length - 1) {
      group.append(svgEl("text", { x: x + step / 2, y: height - 20, "text-anchor": "middle", fill: MUTED }, day.day.slice(5)));
    }
    group.append(svgEl("title", {}, `${day.day}: ${day.submitted} submitted`));
    root.append(group);
  });
  return root;
}
