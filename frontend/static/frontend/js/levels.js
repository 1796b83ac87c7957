// Stacking levels for overlapping spans: greedy interval colouring. Level 0 is drawn
// closest to the text; a span overlapping others goes to the lowest level that is free over
// its whole outer range [start, end). Pure: no DOM.

/**
 * @param {{start: number, end: number}[]} ranges
 * @returns {number[]} the level of each range, in input order
 */
export function assignLevels(ranges) {
  const order = ranges.map((_, index) => index);
  // Earlier start first; at one start, the longer range first (it lies under the shorter).
  order.sort((a, b) => ranges[a].start - ranges[b].start || ranges[b].end - ranges[a].end);
  const levelEnds = []; // per level: where its last range ends
  const levels = new Array(ranges.length);
  for (const index of order) {
    const { start, end } = ranges[index];
    let level = 0;
    while (level < levelEnds.length && levelEnds[level] > start) level += 1;
    levelEnds[level] = end;
    levels[index] = level;
  }
  return levels;
}
