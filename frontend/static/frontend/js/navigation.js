// Moving through the text with the keyboard: Tab / shift+Tab from span to span (and, while
// linking, to the span to link to), the arrows move a caret and, with shift, select text
// (ctrl: by word).

import { excerpt } from "./excerpt.js";
import * as linking from "./linking.js";
import { wordStep } from "./words.js";

/** Tab / shift+Tab: the next span or suggestion in reading order. False past the last one
 * (or before the first), so that the key moves focus on out of the text and the keyboard
 * never gets stuck in it. While linking, it goes round the other spans, on from the one it
 * reached last, and Enter on the reached span completes the link. */
export function cycle(ws, direction) {
  const isLinking = Boolean(ws.linking);
  ws.caret = null; // shift+arrows start again from the span reached
  const pool = isLinking ? [...ws.state.spans] : [...ws.state.spans, ...ws.suggestions.open(ws.state.spans)];
  const items = pool.sort((a, b) => a.start - b.start || b.end - a.end);
  if (!items.length) return false;
  const at = items.findIndex((s) => s.key === (isLinking ? ws.linkAt || ws.selected : ws.selected));
  let index = at === -1 ? (direction > 0 ? 0 : items.length - 1) : at + direction;
  if (!isLinking) {
    if (index < 0 || index >= items.length) return false;
    ws.select(items[index].key);
    return true;
  }
  const round = (i) => (i + items.length) % items.length;
  index = round(index);
  if (items[index].key === ws.selected) index = round(index + direction); // not to itself
  const next = items[index];
  if (next.key === ws.selected) {
    ws.note("There is no other span to link to.");
    return true;
  }
  // keep the link's source selected; show where we are with the page selection
  ws.linkAt = next.key;
  ws.view.showSelection(next.start, next.end);
  ws.note(`Link to “${excerpt(next.text)}”? Press Enter (or Tab on).`);
  ws.pendingEnter = () => linking.finish(ws, next.key);
  return true;
}

/** Arrow keys move a caret; with shift they extend a selection (ctrl: by word). */
export function moveCaret(ws, event) {
  const { key, shiftKey, ctrlKey } = event;
  if (key !== "ArrowLeft" && key !== "ArrowRight") return false;
  const direction = key === "ArrowLeft" ? -1 : 1;
  if (!ws.caret) {
    const range = ws.view.selectionRange();
    const span = ws.selectedSpan();
    const at = range ? (direction > 0 ? range.end : range.start) : span ? span.end : (ws.view.caretPoint() ?? 0);
    ws.caret = { anchor: range && shiftKey ? range.start : at, focus: at };
  }
  const step = (position) => (ctrlKey ? wordStep(ws.chars, position, direction) : clamp(position + direction, 0, ws.chars.length));
  ws.caret.focus = step(ws.caret.focus);
  if (!shiftKey) ws.caret.anchor = ws.caret.focus;
  const start = Math.min(ws.caret.anchor, ws.caret.focus);
  const end = Math.max(ws.caret.anchor, ws.caret.focus);
  if (start === end) {
    const point = ws.view.domPoint(ws.view.map.toUtf16(start));
    if (point) window.getSelection().collapse(point.node, point.offset);
  } else {
    ws.view.showSelection(start, end);
  }
  return true;
}

function clamp(value, low, high) {
  return Math.max(low, Math.min(high, value));
}

/** A click in the text: selects the span under it, finishes linking there (a click beside
 * the spans while linking says so and keeps waiting), or clears the selection. The caret
 * stays where the click put it, for shift+arrows. A drag that selected text is no click. */
export function clickText(ws, event) {
  if (ws.mode !== "edit") return;
  if (ws.view.selectionRange()) {
    ws.caret = null; // shift+arrows go on from this selection
    return;
  }
  const key = ws.view.keyAt(event.target);
  if (ws.linking) {
    if (key) linking.finish(ws, key);
    else linking.missed(ws);
    return;
  }
  // The arrows go on from where the click put the caret, not from an earlier selection.
  const point = ws.view.caretPoint();
  ws.caret = point === null ? null : { anchor: point, focus: point };
  if (key) ws.select(key);
  else if (ws.selected) {
    ws.selected = null;
    ws.redraw();
  }
}

/** Alt+select adds the selected text to the selected span as a fragment. */
export function mouseUp(ws, event) {
  if (event.altKey && ws.selectedSpan() && ws.view.selectionRange()) ws.addFragment();
}
