// The workspace's review parts: the side panel's comment threads (comments.js) and the
// set's history (history.js) with "restore this version". Functions of the workspace
// (`ws`), like suggestions.js and linking.js; the two modules they mount never read it.

import { api } from "./api.js";
import { CommentThreads } from "./comments.js";
import * as flow from "./document_flow.js";
import { el } from "./dom.js";
import { excerpt } from "./excerpt.js";
import { HistoryPanel } from "./history.js";
import { loadDecisions, withdrawStale } from "./suggestions.js";

/** Mount the threads and the history in the panel (once, when the page starts). */
export function mountReview(ws) {
  ws.comments = new CommentThreads(ws.root.querySelector('[data-section="comments"]'), {
    projectId: ws.projectId,
    username: ws.username,
    describe: (thread) => describeThread(ws, thread),
    onOpen: (thread) => openThread(ws, thread),
  });
  ws.history = new HistoryPanel(ws.root.querySelector('[data-section="history"]'), {
    onRestore: (version) => restoreVersion(ws, version),
  });
}

/** A set is shown ("edit"): its suggestions' decisions, the document's threads, the set's
 * history, and the reviewer's note on a set returned to its annotator; otherwise none. */
export function showReview(ws) {
  if (!ws.comments) return;
  showReturned(ws);
  if (ws.mode === "edit") {
    loadDecisions(ws);
    ws.comments.load(ws.doc.id);
    ws.history.reset(ws.set.id);
  } else {
    ws.comments.clear();
    ws.history.clear();
  }
}

/** At the top of the panel, for a set a reviewer returned to its annotator: who returned
 * it and what they asked (GET .../returned/: the reviewer's newest note on the set). The
 * note is also the first message of the set's thread, where the annotator can answer. */
async function showReturned(ws) {
  const box = ws.root.querySelector('[data-section="returned"]');
  box.hidden = true;
  box.replaceChildren();
  const set = ws.set;
  if (ws.mode !== "edit" || set.kind !== "annotator" || set.status !== "returned") return;
  let entry;
  try {
    entry = (await api("GET", `projects/${ws.projectId}/returned/`)).find((r) => r.set === set.id);
  } catch (error) {
    entry = null;
  }
  if (ws.set !== set) return;
  const who = entry?.returned_by || "A reviewer";
  box.replaceChildren(
    el("h2", { text: "Returned to you" }),
    el("p", { text: `${who} sent this set back to you${entry?.comment ? ":" : "."}` }),
  );
  if (entry?.comment) box.append(el("blockquote", { class: "returned-comment", text: entry.comment }));
  box.append(el("p", { class: "muted", text: "Correct it, then submit it again (Ctrl+Enter). You can answer in the comments below." }));
  box.hidden = false;
}

/** After a save: a new span's thread can open (its id is known now), an open history
 * list is read again, and acceptances whose span is gone are withdrawn. */
export function reviewSaved(ws) {
  if (ws.mode !== "edit" || !ws.comments) return;
  ws.comments.focus(commentThread(ws));
  ws.history.changed();
  withdrawStale(ws);
}

/** The thread in focus: the selected span's (once saved), else the set's own. */
export function commentThread(ws) {
  const span = ws.selectedSpan();
  if (span) {
    const id = ws.state.ids.get(span.key);
    if (id === undefined) return { pending: "You can comment on this span once it is saved." };
    return { set: ws.set.id, span: id, title: `The span “${excerpt(span.text)}”` };
  }
  return { set: ws.set.id, title: ws.set.kind === "gold" ? "The gold set as a whole" : "Your set as a whole" };
}

/** How a listed thread is named: "the span “…”", "a relation of annotator:ana", ... */
function describeThread(ws, thread) {
  const own = thread.set === ws.set?.id;
  const whose = own ? "" : ` of ${thread.layer || "another set"}`;
  if (thread.span != null) {
    if (own) {
      const key = spanKeyOf(ws, thread.span);
      return key ? `the span “${excerpt(ws.state.span(key).text)}”` : "a span no longer in the set";
    }
    const span = ws.doc?.sets?.find((set) => set.id === thread.set)?.spans?.find((s) => s.id === thread.span);
    return span ? `the span “${excerpt(span.text)}”${whose}` : `a span${whose}`;
  }
  if (thread.relation != null) return `a relation${whose}`;
  if (thread.stance != null) return `a stance${whose}`;
  if (thread.set != null) return own ? "this set as a whole" : `the set of ${thread.layer}`;
  return "the document (general)";
}

function spanKeyOf(ws, id) {
  for (const [key, spanId] of ws.state.ids) if (spanId === id) return ws.state.span(key) ? key : null;
  return null;
}

/** A thread picked from the list: a span of this set is selected, and its thread follows;
 * any other thread is shown as it is (false). */
function openThread(ws, thread) {
  const key = thread.span != null && thread.set === ws.set?.id ? spanKeyOf(ws, thread.span) : null;
  if (!key) return false;
  ws.select(key);
  ws.comments.focusBox();
  return true;
}

/** Make an old version the set's contents: save first, restore (the server checks the
 * version), then show the set as it now is. */
async function restoreVersion(ws, version) {
  if (ws.mode !== "edit" || ws.busy) return;
  const set = ws.set;
  ws.busy = true;
  try {
    if (!(await ws.saver.flush())) {
      ws.note("Your changes are not saved yet, so nothing was restored: fix that first.");
      return;
    }
    await api("POST", `sets/${set.id}/history/${version}/restore/`, { version: ws.state.version });
  } catch (error) {
    ws.fail(error);
    return;
  } finally {
    ws.busy = false;
  }
  try {
    await flow.openDocument(ws, ws.documentId, set.id);
    ws.note(`Restored version ${version}. What the set held before stays in its history.`);
  } catch (error) {
    flow.showFailure(ws, error);
  }
}
