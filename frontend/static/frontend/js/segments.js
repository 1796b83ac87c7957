// The text cut into segments at every boundary of every range (a boundary sweep), so each
// segment is covered by one fixed set of ranges and can be drawn as one element. Pure.

/**
 * @param {number} length length of the text
 * @param {{start: number, end: number}[]} ranges (empty ranges are ignored)
 * @param {number[]} cuts extra boundaries (zone edges)
 * @returns {{start: number, end: number, covering: number[]}[]} consecutive segments over
 *   [0, length), each with the indices of the ranges covering it (ascending)
 */
export function buildSegments(length, ranges, cuts = []) {
  const opens = new Map();
  const closes = new Map();
  const points = new Set([0, length]);
  ranges.forEach((range, index) => {
    const start = Math.max(0, range.start);
    const end = Math.min(length, range.end);
    if (end <= start) return;
    pushTo(opens, start, index);
    pushTo(closes, end, index);
    points.add(start);
    points.add(end);
  });
  for (const cut of cuts) if (cut > 0 && cut < length) points.add(cut);
  const sorted = [...points].sort((a, b) => a - b);
  const active = new Set();
  const segments = [];
  for (let i = 0; i < sorted.length - 1; i++) {
    const at = sorted[i];
    for (const index of closes.get(at) || []) active.delete(index);
    for (const index of opens.get(at) || []) active.add(index);
    const covering = [...active].sort((a, b) => a - b);
    segments.push({ start: at, end: sorted[i + 1], covering });
  }
  return segments;
}

function pushTo(map, key, value) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
