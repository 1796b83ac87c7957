// Relations made in the workspace: a relation's key (or button) on the selected span starts
// linking; a click on the other span, here or in the story's other report, or Tab to it and
// Enter, finishes; Esc cancels. The workspace holds the state: `linking` (the relation
// type's key), `linkAt` (the span Tab reached) and `pendingEnter` (what Enter then does).

import { excerpt } from "./excerpt.js";
import { relationName, relationType, relationTypesFrom } from "./span_options.js";

export function start(ws, type) {
  const span = ws.selectedSpan();
  if (!span) {
    ws.note("Select a span first, then press the relation's key.");
    return;
  }
  ws.linking = type;
  ws.linkAt = null;
  ws.pendingEnter = null;
  ws.note(`Now click (or Tab to and press Enter on) the span to link with “${relationName(ws.schema, type)}”. Esc cancels.`);
  ws.renderPanel();
}

/** A relation key: the type with that key the selected span can start. */
export function startByKey(ws, key) {
  const span = ws.selectedSpan();
  const type = span ? relationTypesFrom(ws.schema, span.label).find((t) => t.hotkey === key) : null;
  if (type) start(ws, type.key);
}

/** A click on plain text while linking: say so, and keep waiting for the other span. */
export function missed(ws) {
  window.getSelection().removeAllRanges();
  ws.note("That is not a span: click a span to link to, or Escape to cancel.");
}

export function cancel(ws) {
  ws.linking = null;
  window.getSelection().removeAllRanges();
  ws.note("Linking cancelled.");
  ws.renderPanel();
}

/** Enter while linking: link to the span Tab reached, or say how to reach one. */
export function finishReached(ws) {
  const go = ws.pendingEnter;
  ws.pendingEnter = null;
  if (go) go();
  else ws.note("Tab to the span to link, then press Enter. Esc cancels.");
}

/** Link the selected span to `target`: a span key of this set, or {id} of a span in the
 * story's other report. */
export function finish(ws, target) {
  const type = relationType(ws.schema, ws.linking);
  const source = ws.selected;
  ws.linking = null;
  window.getSelection().removeAllRanges(); // where Tab showed the target, not text to label
  if (ws.mode !== "edit" || !type || !source) return;
  const other = typeof target === "object" ? ws.external.get(target.id) : ws.state.span(target);
  const refuse = (message) => {
    ws.note(message);
    ws.renderPanel();
  };
  if (!other || target === source) {
    refuse("Pick another span to link to.");
    return;
  }
  if (typeof target === "object" && !type.cross_document) {
    refuse(`“${type.name}” links spans of one document; use a cross-document relation (same claim, same source) for the other report.`);
    return;
  }
  if (type.to_labels?.length && !type.to_labels.includes(other.label)) {
    refuse(`“${type.name}” goes to ${type.to_labels.join(" or ")}, not ${other.label}.`);
    return;
  }
  if (ws.edit(() => ws.state.addRelation(type.key, source, target))) {
    ws.note(`Linked: ${excerpt(ws.state.span(source).text)} → ${type.name} → ${excerpt(other.text)}`);
  }
}
