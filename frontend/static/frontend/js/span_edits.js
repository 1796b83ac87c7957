// Edits of one span beyond labelling it: a fragment added (a quote split by its
// attribution), an edge moved by a word, the first stance set from a digit key. Each goes
// through the workspace's `edit`, so it is drawn, saved and undoable like any other.

import { piecesOf } from "./annotation_state.js";
import { stanceQuestionsFor } from "./span_options.js";
import { wordStep } from "./words.js";

/** Add the selected text to the selected span as another fragment. */
export function addFragment(ws) {
  const span = ws.selectedSpan();
  const range = span ? ws.currentRange() : null;
  if (!span || !range) {
    ws.note("To add a fragment: select a span, then alt+select (or select and press f) more text.");
    return;
  }
  const label = ws.labels.get(span.label);
  if (label?.spec.discontinuous === false) {
    ws.note(`${label.name} spans cannot have several fragments in this project.`);
    return;
  }
  ws.edit(() => ws.state.addFragment(span.key, range.start, range.end));
  window.getSelection().removeAllRanges();
}

/** Move a span's start or end by one word (direction -1 or 1); never past its other end. */
export function moveEdge(ws, key, edge, direction) {
  const span = ws.mode === "edit" ? ws.state.span(key) : null;
  if (!span) return;
  const pieces = piecesOf(span);
  const index = edge === "start" ? 0 : pieces.length - 1;
  const [a, b] = pieces[index];
  const position = wordStep(ws.chars, edge === "start" ? a : b, direction);
  const piece = edge === "start" ? [position, b] : [a, position];
  if (piece[1] <= piece[0]) return;
  pieces[index] = piece;
  ws.edit(() => ws.state.updateSpan(key, { pieces }));
}

/** Keys 1-9: the selected span's first stance question gets the nth value. */
export function setFirstStance(ws, n) {
  const span = ws.selectedSpan();
  const value = (ws.schema.stance?.values || [])[n - 1];
  const question = span ? stanceQuestionsFor(ws.schema, ws.state.content, span)[0] : null;
  if (!question || value === undefined) return false;
  if (ws.edit(() => ws.state.setStance(question.holder, question.about, value))) {
    ws.note(`Stance: ${question.text} is ${value}`);
  }
  return true;
}
