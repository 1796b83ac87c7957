// Where the relation arcs go: given each relation's two anchor points (the middle of the
// top of its spans' first line, in the overlay's pixels) and its label's width, give each
// arc a height so that arcs (and their labels) over the same stretch of a line stack instead
// of covering each other: the narrowest first, each one level above every arc it overlaps
// on its line. A level is taller than a label, so stacked labels never touch. Pure: no DOM.

const BASE = 10; // px: the lowest arc's rise above the text
const STEP = 13; // px between stacked arcs: more than a label's height
const LINE = 8; // px: anchors closer than this in height are on one line

/**
 * @param {{key: string, x1: number, y1: number, x2: number, y2: number, labelWidth?: number}[]} arcs
 * @returns {{key: string, level: number, top: number, path: string, labelX: number, labelY: number}[]}
 *   in the order given
 */
export function layoutArcs(arcs) {
  const order = arcs.map((arc, index) => {
    const half = (arc.labelWidth || 0) / 2;
    const middle = (arc.x1 + arc.x2) / 2;
    return { arc, index, left: Math.min(arc.x1, arc.x2, middle - half), right: Math.max(arc.x1, arc.x2, middle + half), line: Math.min(arc.y1, arc.y2) };
  });
  order.sort((a, b) => a.right - a.left - (b.right - b.left) || a.left - b.left);
  const placed = [];
  const levels = new Array(arcs.length);
  for (const item of order) {
    const taken = new Set(
      placed.filter((other) => Math.abs(other.line - item.line) < LINE && other.left < item.right + 4 && item.left < other.right + 4).map((other) => levels[other.index]),
    );
    let level = 0;
    while (taken.has(level)) level += 1;
    levels[item.index] = level;
    placed.push(item);
  }
  return arcs.map((arc, index) => {
    const level = levels[index];
    const top = Math.min(arc.y1, arc.y2) - BASE - STEP * level;
    const path = `M ${round(arc.x1)} ${round(arc.y1)} C ${round(arc.x1)} ${round(top)}, ${round(arc.x2)} ${round(top)}, ${round(arc.x2)} ${round(arc.y2)}`;
    // a cubic Bezier whose control points sit at `top` peaks three quarters of the way up
    const peak = Math.min(arc.y1, arc.y2) + 0.75 * (top - Math.min(arc.y1, arc.y2));
    return { key: arc.key, level, top, path, labelX: round((arc.x1 + arc.x2) / 2), labelY: round(peak) };
  });
}

function round(value) {
  return Math.round(value * 10) / 10;
}
