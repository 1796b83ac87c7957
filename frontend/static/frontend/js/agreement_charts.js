// The agreement page's charts, drawn as SVG by the page: the layer x layer heat map, the bars
// by label and the trend over time. Colour is never the only cue: every cell, bar and point
// has its number printed beside it, undefined figures are hatched and say "n/a", and each
// chart has a text alternative (the page prints the same numbers as tables). Text goes in as
// textContent only. Presentation attributes (fill, stroke), never style attributes: the CSP
// allows no inline style.

import { NOT_AVAILABLE, formatFigure, inkOn, linearScale, rampColour } from "./agreement_figures.js";

const SVG = "http://www.w3.org/2000/svg";
const INK = "#1f2328";
const MUTED = "#5f6873";
const LINE = "#d9d6cf";
const BAR = "#0072B2";
const CHAR_WIDTH = 8; // px per character at the charts' 13px font, to size name columns

let patterns = 0;

/** An SVG element with attributes; `text` becomes its textContent. */
function svgEl(tag, attributes = {}, text = undefined) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A chart's root: sized in px, scaled to its container, with a title for screen readers. */
function chartRoot(width, height, label) {
  const root = svgEl("svg", {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: "img",
    "aria-label": label,
    class: "chart",
    "font-size": 13,
    "font-family": "system-ui, sans-serif",
  });
  root.append(svgEl("title", {}, label));
  return root;
}

/** A diagonal hatch for undefined figures; returns its `url(#id)`. */
function hatch(root) {
  patterns += 1;
  const id = `na-hatch-${patterns}`;
  const pattern = svgEl("pattern", { id, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" });
  pattern.append(svgEl("rect", { width: 6, height: 6, fill: "#f6f4ef" }), svgEl("line", { x1: 0, y1: 0, x2: 0, y2: 6, stroke: "#b8b2a7", "stroke-width": 2 }));
  const defs = svgEl("defs");
  defs.append(pattern);
  root.append(defs);
  return `url(#${id})`;
}

function nameWidth(names, least = 60, most = 230) {
  const longest = Math.max(0, ...names.map((name) => name.length));
  return Math.min(most, Math.max(least, longest * CHAR_WIDTH + 12));
}

function shortened(name, width) {
  const fits = Math.floor((width - 12) / CHAR_WIDTH);
  return name.length <= fits ? name : `${name.slice(0, Math.max(1, fits - 1))}…`;
}

/**
 * The layer x layer heat map of `matrix` (agreement_figures.pairMatrix): each cell filled on
 * the ramp over `domain`, with its figure printed; the diagonal is left blank ("—").
 */
export function heatMap(matrix, domain, label) {
  const cell = 74;
  const left = nameWidth(matrix.rows);
  const names = nameWidth(matrix.columns, 60, 260); // the slanted column names (35 degrees)
  const top = Math.min(180, names * 0.6 + 14);
  const right = Math.max(20, names * 0.82 - cell / 2 + 10);
  const width = left + cell * matrix.columns.length + right;
  const height = top + cell * matrix.rows.length + 4;
  const root = chartRoot(width, height, label);
  const na = hatch(root);
  matrix.columns.forEach((column, j) => {
    const x = left + j * cell + cell / 2;
    const name = svgEl("text", { x, y: top - 8, transform: `rotate(-35 ${x} ${top - 8})`, fill: INK, class: "column-name" }, shortened(column, 260));
    name.append(svgEl("title", {}, column));
    root.append(name);
  });
  matrix.rows.forEach((row, i) => {
    const y = top + i * cell;
    const name = svgEl("text", { x: left - 8, y: y + cell / 2 + 4, "text-anchor": "end", fill: INK, class: "row-name" }, shortened(row, left));
    name.append(svgEl("title", {}, row));
    root.append(name);
    matrix.columns.forEach((column, j) => {
      const figure = matrix.cells[i][j];
      const x = left + j * cell;
      const group = svgEl("g", { class: "cell", "data-row": row, "data-column": column });
      if (figure === "self") {
        group.append(svgEl("rect", { x, y, width: cell - 2, height: cell - 2, fill: "#ffffff", stroke: LINE }));
        group.append(svgEl("text", { x: x + cell / 2 - 1, y: y + cell / 2 + 4, "text-anchor": "middle", fill: MUTED }, "—"));
      } else {
        const value = figure ? figure.value : null;
        const fill = rampColour(value, domain) || na;
        const text = figure ? formatFigure(value) : "none";
        group.append(svgEl("rect", { x, y, width: cell - 2, height: cell - 2, fill, stroke: LINE }));
        const number = svgEl("text", { x: x + cell / 2 - 1, y: y + cell / 2 + 5, "text-anchor": "middle", fill: inkOn(value, domain), "font-weight": 600, class: "cell-value" }, text);
        group.append(number);
        group.append(svgEl("title", {}, `${row} × ${column}: ${figure ? formatFigure(value) : "nothing to compare"}`));
      }
      root.append(group);
    });
  });
  return root;
}

/** The ramp's legend: a strip from the domain's low end to 1, with its ends and a hatched
 * "n/a" box. */
export function rampLegend(domain) {
  const width = 320;
  const root = chartRoot(width, 44, `Colour scale from ${formatFigure(domain[0], 1)} (light) to ${formatFigure(domain[1], 1)} (dark); hatched: n/a`);
  const na = hatch(root);
  const steps = 20;
  for (let i = 0; i < steps; i += 1) {
    const value = domain[0] + ((domain[1] - domain[0]) * (i + 0.5)) / steps;
    root.append(svgEl("rect", { x: 10 + i * 10, y: 4, width: 10, height: 14, fill: rampColour(value, domain) }));
  }
  root.append(svgEl("text", { x: 10, y: 36, fill: MUTED }, formatFigure(domain[0], 1)));
  root.append(svgEl("text", { x: 210, y: 36, fill: MUTED, "text-anchor": "end" }, formatFigure(domain[1], 1)));
  root.append(svgEl("rect", { x: 240, y: 4, width: 14, height: 14, fill: na, stroke: LINE }));
  root.append(svgEl("text", { x: 260, y: 16, fill: MUTED }, NOT_AVAILABLE));
  return root;
}

/** Horizontal bars, one per label (`figures`: [{label, value, sd}]), the value printed at
 * the end of each bar and its standard deviation as a whisker. */
export function labelBars(figures, domain, label) {
  const row = 30;
  const left = nameWidth(figures.map((f) => f.label), 90, 220);
  const plot = 420;
  const width = left + plot + 80;
  const height = row * figures.length + 30;
  const root = chartRoot(width, height, label);
  const na = hatch(root);
  const x = linearScale(domain, [left, left + plot]);
  const zero = x(Math.max(domain[0], 0));
  for (const tick of [domain[0], 0, 0.5, 1].filter((t, i, all) => t >= domain[0] && all.indexOf(t) === i)) {
    root.append(svgEl("line", { x1: x(tick), x2: x(tick), y1: 0, y2: height - 22, stroke: LINE }));
    root.append(svgEl("text", { x: x(tick), y: height - 6, "text-anchor": "middle", fill: MUTED }, formatFigure(tick, 1)));
  }
  figures.forEach((figure, i) => {
    const y = i * row + 4;
    const group = svgEl("g", { class: "bar", "data-label": figure.label });
    const name = svgEl("text", { x: left - 8, y: y + 15, "text-anchor": "end", fill: INK }, shortened(figure.label, left));
    name.append(svgEl("title", {}, figure.label));
    group.append(name);
    if (figure.value === null || figure.value === undefined) {
      group.append(svgEl("rect", { x: left, y, width: 40, height: 20, fill: na, stroke: LINE }));
      group.append(svgEl("text", { x: left + 48, y: y + 15, fill: MUTED, class: "bar-value" }, NOT_AVAILABLE));
    } else {
      const end = x(figure.value);
      group.append(svgEl("rect", { x: Math.min(zero, end), y, width: Math.max(1, Math.abs(end - zero)), height: 20, fill: BAR }));
      let after = Math.max(zero, end);
      if (figure.sd) {
        const lo = x(Math.max(domain[0], figure.value - figure.sd));
        const hi = x(Math.min(domain[1], figure.value + figure.sd));
        group.append(svgEl("line", { x1: lo, x2: hi, y1: y + 10, y2: y + 10, stroke: INK, "stroke-width": 1.5 }));
        for (const end of [lo, hi]) group.append(svgEl("line", { x1: end, x2: end, y1: y + 5, y2: y + 15, stroke: INK, "stroke-width": 1.5 }));
        after = Math.max(after, hi);
      }
      group.append(svgEl("text", { x: after + 8, y: y + 15, fill: INK, "font-weight": 600, class: "bar-value" }, formatFigure(figure.value)));
    }
    root.append(group);
  });
  return root;
}

/** The trend: one point per period (`points`: [{period, value, documents}]) joined by a
 * line, the value printed above each point; undefined periods are a hollow mark on the
 * axis, labelled "n/a", and break the line. */
export function trendChart(points, domain, label) {
  const step = Math.max(56, Math.min(110, 760 / Math.max(1, points.length)));
  const left = 44;
  const top = 24;
  const plot = 190;
  const width = left + step * points.length + 20;
  const height = top + plot + 44;
  const root = chartRoot(width, height, label);
  const y = linearScale(domain, [top + plot, top]);
  for (const tick of [domain[0], 0, 0.5, 1].filter((t, i, all) => t >= domain[0] && all.indexOf(t) === i)) {
    root.append(svgEl("line", { x1: left, x2: width - 10, y1: y(tick), y2: y(tick), stroke: LINE }));
    root.append(svgEl("text", { x: left - 6, y: y(tick) + 4, "text-anchor": "end", fill: MUTED }, formatFigure(tick, 1)));
  }
  let path = "";
  let joined = false; // whether the previous point was drawn (undefined ones break the line)
  points.forEach((point, i) => {
    const x = left + step * i + step / 2;
    const group = svgEl("g", { class: "point", "data-period": point.period });
    group.append(svgEl("text", { x, y: height - 20, "text-anchor": "middle", fill: MUTED }, point.period.slice(5)));
    group.append(svgEl("text", { x, y: height - 5, "text-anchor": "middle", fill: MUTED, "font-size": 11 }, `${point.documents} doc.`));
    if (point.value === null || point.value === undefined) {
      group.append(svgEl("circle", { cx: x, cy: y(Math.max(domain[0], 0)), r: 5, fill: "#ffffff", stroke: MUTED }));
      group.append(svgEl("text", { x, y: y(Math.max(domain[0], 0)) - 10, "text-anchor": "middle", fill: MUTED, class: "point-value" }, NOT_AVAILABLE));
      joined = false;
    } else {
      const cy = y(point.value);
      path += `${joined ? "L" : "M"}${x.toFixed(1)},${cy.toFixed(1)}`;
      joined = true;
      group.append(svgEl("rect", { x: x - 4.5, y: cy - 4.5, width: 9, height: 9, fill: BAR }));
      group.append(svgEl("text", { x, y: cy - 10, "text-anchor": "middle", fill: INK, "font-weight": 600, class: "point-value" }, formatFigure(point.value)));
    }
    group.append(svgEl("title", {}, `${point.period}: ${formatFigure(point.value)} over ${point.documents} documents`));
    root.append(group);
  });
  if (path) root.insertBefore(svgEl("path", { d: path, fill: "none", stroke: BAR, "stroke-width": 2 }), root.querySelector("g.point"));
  return root;
}
