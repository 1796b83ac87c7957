// The workspace opened at a place: `?at=<start>-<end>` (code points, as the story workbench
// and the source pages link) scrolls that range into view once the document is shown, and
// selects it (the selection is the highlight): the span there when the set being edited has one with exactly those ends
// (so the panel shows it), else the text itself, as the page's selection. The range is
// read when this module loads, before the workspace rewrites the address.
//
// States, on the workspace's root as data-at: absent (no ?at=), "waiting" (the document is
// not shown yet), "span" (a span selected), "text" (the range selected as text), "outside"
// (the range is not in this text: nothing selected, the person is told).

import { parseAt } from "./workspace_at_model.js";

const SHOWN = new Set(["edit", "read-only"]);

function showAt(ws, range) {
  const [start, end] = range;
  if (end > Array.from(ws.view.text).length) {
    ws.root.dataset.at = "outside";
    ws.note?.("The place this link points at is not in this document's text.");
    return;
  }
  const span = ws.mode === "edit" ? ws.state.spans.find((s) => s.start === start && s.end === end) : null;
  if (span) ws.select(span.key);
  else ws.view.showSelection(start, end);
  settle(ws, start, span ? "span" : "text");
}

/** Lines far from the viewport are laid out only when they come near it (content-visibility),
 * so one scroll lands short: scroll the range's first line to the middle until two frames
 * agree (at most 20), then say where the page is. */
function settle(ws, start, outcome) {
  let before = null;
  let tries = 0;
  const step = () => {
    const point = ws.view.domPoint(ws.view.map.toUtf16(start));
    const line = point?.node.parentElement;
    if (!line) {
      ws.root.dataset.at = outcome;
      return;
    }
    const top = line.getBoundingClientRect().top;
    if (top === before || tries >= 20) {
      ws.root.dataset.at = outcome;
      return;
    }
    before = top;
    tries += 1;
    line.scrollIntoView({ block: "center" });
    requestAnimationFrame(() => requestAnimationFrame(step));
  };
  step();
}

function watch(root, range) {
  root.dataset.at = "waiting";
  const tryShow = () => {
    const ws = window.claimlens;
    if (!ws || !ws.view || !SHOWN.has(root.dataset.mode)) return false;
    requestAnimationFrame(() => showAt(ws, range));
    return true;
  };
  const observer = new MutationObserver(() => {
    if (tryShow()) observer.disconnect();
  });
  observer.observe(root, { attributes: true, attributeFilter: ["data-mode"] });
}

const root = document.querySelector("#workspace");
const range = parseAt(new URLSearchParams(location.search).get("at"));
if (root && range) watch(root, range);
