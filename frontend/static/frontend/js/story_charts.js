// The story workbench's per-outlet charts, drawn as SVG in the agreement page's house style:
// horizontal bars with each figure printed beside its bar (colour is never the only cue),
// a title for screen readers, and the same numbers in the page's table. Text goes in as
// textContent only; presentation attributes, never style attributes (the CSP allows none).

const SVG = "http://www.w3.org/2000/svg";
const INK = "#1f2328";
const MUTED = "#5f6873";
const LINE = "#d9d6cf";
const BAR = "#0072B2";
const CHAR_WIDTH = 7.5; // px per character at 13px, to size the name column
const ROW = 24;
const BAR_WIDTH = 220;

function svgEl(tag, attributes = {}, text = undefined) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function shortened(name, width) {
  const fits = Math.floor((width - 10) / CHAR_WIDTH);
  return name.length <= fits ? name : `${name.slice(0, Math.max(1, fits - 1))}…`;
}

/**
 * Bars for `rows` ([{name, value, text}]), on a scale from 0 to `max` (default: the largest
 * value), each with `text` printed after it. An empty chart says so in words.
 */
export function barChart(rows, label, max = undefined) {
  const left = Math.min(260, Math.max(90, ...rows.map((r) => r.name.length * CHAR_WIDTH + 14)));
  const right = Math.max(40, ...rows.map((r) => r.text.length * CHAR_WIDTH + 12));
  const width = left + BAR_WIDTH + right;
  const height = Math.max(1, rows.length) * ROW + 8;
  const root = svgEl("svg", {
    viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": label,
    class: "chart", "font-size": 13, "font-family": "system-ui, sans-serif",
  }); // prettier-ignore
  root.append(svgEl("title", {}, label));
  if (!rows.length) {
    root.append(svgEl("text", { x: 0, y: 18, fill: MUTED }, "Nothing to show in this layer."));
    return root;
  }
  const top = max ?? Math.max(...rows.map((r) => r.value));
  root.append(svgEl("line", { x1: left, y1: 2, x2: left, y2: height - 4, stroke: LINE }));
  rows.forEach((row, i) => {
    const y = 4 + i * ROW;
    const name = svgEl("text", { x: left - 8, y: y + 15, "text-anchor": "end", fill: INK }, shortened(row.name, left));
    name.append(svgEl("title", {}, row.name));
    const length = top > 0 ? Math.round((row.value / top) * BAR_WIDTH) : 0;
    const bar = svgEl("rect", { x: left, y: y + 3, width: Math.max(length, row.value > 0 ? 2 : 0), height: ROW - 8, fill: BAR });
    bar.append(svgEl("title", {}, `${row.name}: ${row.text}`));
    const figure = svgEl("text", { x: left + length + 6, y: y + 15, fill: INK, "font-weight": 600, class: "bar-value" }, row.text);
    root.append(name, bar, figure);
  });
  return root;
}
