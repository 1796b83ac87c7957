// Pure: the workspace's `?at=<start>-<end>` (code points): [start, end], or null when absent
// or not two whole numbers with start < end.

const AT = /^(\d{1,9})-(\d{1,9})$/;

export function parseAt(value) {
  const match = AT.exec(value || "");
  if (!match) return null;
  const start = Number(match[1]);
  const end = Number(match[2]);
  return start < end ? [start, end] : null;
}
