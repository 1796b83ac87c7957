// node --test: the relation arcs' heights and shapes (arc_layout.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { layoutArcs } from "../../frontend/static/frontend/js/arc_layout.js";

test("an arc rises from one anchor to the other, its label at its peak between them", () => {
  const [arc] = layoutArcs([{ key: "r1", x1: 100, y1: 50, x2: 300, y2: 50 }]);
  assert.equal(arc.level, 0);
  assert.equal(arc.path, "M 100 50 C 100 40, 300 40, 300 50");
  assert.equal(arc.labelX, 200);
  assert.equal(arc.labelY, 42.5);
});

test("overlapping arcs on one line stack, the narrowest lowest; apart, they share a level", () => {
  const arcs = layoutArcs([
    { key: "wide", x1: 0, y1: 50, x2: 400, y2: 50 },
    { key: "narrow", x1: 100, y1: 50, x2: 200, y2: 50 },
    { key: "middle", x1: 150, y1: 50, x2: 350, y2: 50 },
    { key: "apart", x1: 500, y1: 50, x2: 600, y2: 50 },
    { key: "next line", x1: 100, y1: 90, x2: 200, y2: 90 },
  ]);
  const levels = Object.fromEntries(arcs.map((arc) => [arc.key, arc.level]));
  assert.deepEqual(levels, { narrow: 0, middle: 1, wide: 2, apart: 0, "next line": 0 });
  assert.ok(arcs[0].top < arcs[2].top && arcs[2].top < arcs[1].top);
});

test("a label wider than its arc counts: two short arcs side by side with long labels stack", () => {
  const short = [
    { key: "a", x1: 100, y1: 50, x2: 130, y2: 50, labelWidth: 80 },
    { key: "b", x1: 150, y1: 50, x2: 180, y2: 50, labelWidth: 80 },
  ];
  assert.deepEqual(layoutArcs(short).map((arc) => arc.level), [0, 1]);
  assert.deepEqual(layoutArcs(short.map((arc) => ({ ...arc, labelWidth: 10 }))).map((arc) => arc.level), [0, 0]);
});

test("an arc between two lines rises above the higher one", () => {
  const [arc] = layoutArcs([{ key: "r", x1: 400, y1: 90, x2: 100, y2: 50 }]);
  assert.equal(arc.top, 40);
  assert.equal(arc.path, "M 400 90 C 400 40, 100 40, 100 50");
});
