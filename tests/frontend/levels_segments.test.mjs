// node --test: stacking levels and segments, the pure geometry of the workspace.
import assert from "node:assert/strict";
import { test } from "node:test";

import { assignLevels } from "../../frontend/static/frontend/js/levels.js";
import { buildSegments } from "../../frontend/static/frontend/js/segments.js";

test("ranges that do not overlap all sit on level 0", () => {
  assert.deepEqual(assignLevels([{ start: 0, end: 3 }, { start: 3, end: 5 }, { start: 7, end: 9 }]), [0, 0, 0]);
});

test("five ranges over the same words get five levels", () => {
  const ranges = Array.from({ length: 5 }, () => ({ start: 2, end: 8 }));
  assert.deepEqual([...assignLevels(ranges)].sort(), [0, 1, 2, 3, 4]);
});

test("a range nested in a longer one goes above it, and a later one reuses the free level", () => {
  const levels = assignLevels([
    { start: 4, end: 6 }, // nested
    { start: 0, end: 10 }, // outer
    { start: 12, end: 14 }, // after both
  ]);
  assert.deepEqual(levels, [1, 0, 0]);
});

test("segments cover the whole text, cut at every range boundary and every cut", () => {
  const segments = buildSegments(10, [{ start: 2, end: 6 }, { start: 4, end: 8 }], [9]);
  assert.deepEqual(
    segments.map((s) => [s.start, s.end, s.covering]),
    [
      [0, 2, []],
      [2, 4, [0]],
      [4, 6, [0, 1]],
      [6, 8, [1]],
      [8, 9, []],
      [9, 10, []],
    ],
  );
});

test("empty and out-of-text ranges are ignored or clipped", () => {
  const segments = buildSegments(5, [{ start: 3, end: 3 }, { start: 4, end: 99 }]);
  assert.deepEqual(
    segments.map((s) => [s.start, s.end, s.covering]),
    [
      [0, 4, []],
      [4, 5, [1]],
    ],
  );
});

test("an empty text has no segments", () => {
  assert.deepEqual(buildSegments(0, []), []);
});
