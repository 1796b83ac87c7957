// Comment threads on one document, drawn into a container: the thread in focus with a box
// to write in, then the document's other threads (those the person may see: the server
// decides), unread comments marked. It reads nothing of the page around it, so the
// workspace's side panel and the curation view both mount it:
//
//   const threads = new CommentThreads(root, { projectId, username, describe, onOpen });
//   await threads.load(documentId);  // the document's comments; marks them read
//   threads.focus(thread);           // the page's thread in focus (drawn again only when
//                                    // it changed): {set, span, relation, stance, title}
//                                    // (ids or null; no set: the document's general
//                                    // thread), or {pending: "why nothing can be written"}
//   threads.focusBox();              // the keyboard goes to the writing box
//   threads.clear();                 // no document
//
// `describe(thread)` names a listed thread ("a relation of annotator:ana"); `onOpen(thread)`
// is called when the person picks one from the list (the workspace selects its span); a
// picked thread stays in focus until the page's own thread changes. In the box, Ctrl+Enter
// sends (and goes no further: it is not the workspace's submit). User text goes in as
// textContent only.

import { api } from "./api.js";
import { el } from "./dom.js";

const UNITS = ["span", "relation", "stance"];

/** A thread's key: "span:12", "relation:3", "stance:4", "set:9", or "general". */
export function threadKey(thread) {
  for (const unit of UNITS) if (thread[unit] != null) return `${unit}:${thread[unit]}`;
  return thread.set != null ? `set:${thread.set}` : "general";
}

/** The comments grouped by thread: [{key, thread, comments, unread, last}], the thread
 * with the newest comment first. Pure. */
export function threadsOf(comments) {
  const threads = new Map();
  for (const comment of comments) {
    const key = threadKey(comment);
    if (!threads.has(key)) {
      const thread = { set: comment.set, layer: comment.layer, span: comment.span, relation: comment.relation, stance: comment.stance };
      threads.set(key, { key, thread, comments: [], unread: 0, last: "" });
    }
    const entry = threads.get(key);
    entry.comments.push(comment);
    if (comment.unread) entry.unread += 1;
    if (comment.created_at > entry.last) entry.last = comment.created_at;
  }
  return [...threads.values()].sort((a, b) => (a.last < b.last ? 1 : a.last > b.last ? -1 : 0));
}

const capitalized = (text) => text.charAt(0).toUpperCase() + text.slice(1);

const when = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

export class CommentThreads {
  constructor(root, { projectId, username, describe = () => "a thread", onOpen = null }) {
    this.root = root;
    this.projectId = projectId;
    this.username = username; // whose comments get a delete button
    this.describe = describe;
    this.onOpen = onOpen;
    this.documentId = null;
    this.comments = [];
    this.pageThread = null; // what the page has in focus
    this.pageKey = null;
    this.picked = null; // a thread picked from the list, until the page's thread changes
    this.drafts = new Map(); // thread key -> text not sent yet
    this.box = null;
  }

  get count() {
    return { comments: this.comments.length, unread: this.comments.filter((c) => c.unread).length };
  }

  clear() {
    this.documentId = null;
    this.comments = [];
    this.pageThread = this.picked = this.pageKey = null;
    this.drafts.clear();
    this.root.replaceChildren();
  }

  async load(documentId) {
    this.clear();
    this.documentId = documentId;
    const base = `projects/${this.projectId}/documents/${documentId}/comments/`;
    try {
      const comments = await api("GET", base);
      if (this.documentId !== documentId) return;
      this.comments = comments;
      this.render();
      const newest = comments.filter((c) => c.unread).map((c) => c.created_at).sort().pop();
      if (newest) await api("POST", `${base}read/`, { until: newest });
    } catch (error) {
      if (this.documentId === documentId) this.root.replaceChildren(el("p", { class: "muted", role: "alert", text: `Comments could not be loaded: ${error.message}` }));
    }
  }

  focus(thread) {
    const key = thread.pending ? `pending:${thread.pending}` : `${threadKey(thread)}|${thread.title}`;
    if (this.pageKey === key) return;
    this.pageKey = key;
    this.pageThread = thread;
    this.picked = null;
    this.render();
  }

  focusBox() {
    if (!this.box) return false;
    this.box.focus();
    return true;
  }

  get current() {
    return this.picked || this.pageThread;
  }

  render() {
    if (this.documentId === null || !this.current) return;
    const current = this.current;
    const key = current.pending ? null : threadKey(current);
    const threads = threadsOf(this.comments);
    const { comments, unread } = this.count;
    const heading = `Comments (${comments}${unread ? ` · ${unread} new` : ""})`;
    const others = threads.filter((t) => t.key !== key);
    // Drawn again while someone types (the comments arrived, the page's thread moved): the
    // new box takes the keyboard and the caret, so no keystroke goes to the page's keys.
    const typing = this.box && document.activeElement === this.box;
    const caret = typing ? [this.box.selectionStart, this.box.selectionEnd] : null;
    if (current.pending) this.box = null;
    this.root.replaceChildren(
      el("h2", { text: heading }),
      current.pending ? el("p", { class: "muted", text: current.pending }) : this.threadBox(current, threads.find((t) => t.key === key)),
    );
    if (others.length) this.root.append(el("h3", { text: "Other threads" }), el("ul", { class: "thread-list" }, ...others.map((t) => this.threadItem(t))));
    if (typing && this.box) {
      this.box.focus();
      if (this.box.value.length >= caret[1]) this.box.setSelectionRange(...caret);
    }
  }

  threadBox(thread, entry) {
    const key = threadKey(thread);
    const list = el("ol", { class: "comments" }, ...(entry?.comments || []).map((c) => this.commentItem(c)));
    this.box = el("textarea", {
      id: "comment-text",
      rows: 2,
      placeholder: "Write a comment… (Ctrl+Enter sends)",
      oninput: (event) => this.drafts.set(key, event.target.value),
      onkeydown: (event) => {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          event.stopPropagation(); // not the workspace's submit
          this.send(thread);
        }
      },
    });
    this.box.value = this.drafts.get(key) || "";
    this.status = el("p", { class: "comment-status", role: "status" });
    return el(
      "div",
      { class: "thread current", dataset: { thread: key } },
      el("h3", { text: capitalized(thread.title || this.describe(thread)) }),
      entry ? list : el("p", { class: "muted", text: "No comments yet." }),
      el("label", { for: "comment-text", class: "visually-hidden", text: "Write a comment" }),
      this.box,
      el("div", { class: "row" }, el("button", { type: "button", onclick: () => this.send(thread) }, "Comment ", el("kbd", { text: "Ctrl+Enter" }))),
      this.status,
    );
  }

  commentItem(comment) {
    const remove = comment.author === this.username
      ? el("button", { type: "button", class: "small", "aria-label": "Delete your comment", title: "Delete your comment", onclick: () => this.remove(comment) }, "×")
      : null;
    return el(
      "li",
      { class: comment.unread ? "comment unread" : "comment" },
      el("p", { class: "comment-meta" }, el("strong", { text: comment.author }), " ", el("time", { datetime: comment.created_at, text: when.format(new Date(comment.created_at)) }), comment.unread ? el("span", { class: "new", text: " new" }) : null, remove),
      el("p", { class: "comment-text", text: comment.text }),
    );
  }

  threadItem(entry) {
    const count = `${entry.comments.length}${entry.unread ? ` · ${entry.unread} new` : ""}`;
    const pick = () => {
      const thread = { ...entry.thread, title: this.describe(entry.thread) };
      if (this.onOpen && this.onOpen(thread) === true) return; // the page moved its focus there
      this.picked = thread;
      this.render();
      this.focusBox();
    };
    return el("li", {}, el("button", { type: "button", class: "link", onclick: pick }, `On ${this.describe(entry.thread)} (${count})`));
  }

  async send(thread) {
    const text = this.box.value.trim();
    if (!text || this.documentId === null) return;
    const documentId = this.documentId;
    const key = threadKey(thread);
    const body = { text, set: thread.set ?? null };
    for (const unit of UNITS) if (thread[unit] != null) body[unit] = thread[unit];
    this.status.textContent = "Sending…";
    try {
      const comment = await api("POST", `projects/${this.projectId}/documents/${documentId}/comments/`, body);
      if (this.documentId !== documentId) return;
      this.comments.push(comment);
      this.drafts.delete(key);
      this.render();
      this.focusBox();
      this.status.textContent = "Sent.";
    } catch (error) {
      this.status.textContent = `Not sent: ${error.message}`;
      this.status.setAttribute("role", "alert");
    }
  }

  async remove(comment) {
    try {
      await api("DELETE", `comments/${comment.id}/`);
      this.comments = this.comments.filter((c) => c.id !== comment.id);
      this.render();
    } catch (error) {
      if (this.status) this.status.textContent = `Not deleted: ${error.message}`;
    }
  }
}
