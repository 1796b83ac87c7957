// The annotator's part of the project home's queue card: the sets reviewers returned to
// them (each with the reviewer's note and a link that opens it) and how many comments they
// have not read. Reads GET projects/{id}/returned/ and projects/{id}/comments/unread/; draws
// nothing when there is neither. User text goes in as text only.

import { api } from "./api.js";
import { el } from "./dom.js";

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** Fill `root` (an empty element in the queue card) for project `projectId`. */
export async function showReturnedWork(root, projectId) {
  let returned;
  let unread;
  try {
    [returned, unread] = await Promise.all([
      api("GET", `projects/${projectId}/returned/`),
      api("GET", `projects/${projectId}/comments/unread/`),
    ]);
  } catch (error) {
    root.replaceChildren(el("p", { class: "muted", role: "alert", text: `Returned work could not be loaded: ${error.message}` }));
    return;
  }
  root.replaceChildren();
  if (returned.length) {
    root.append(
      el("h3", { text: `Returned to you (${returned.length})` }),
      el("p", { text: "A reviewer sent these back with a note: the queue gives them to you first." }),
      el("ul", { class: "returned-list" }, ...returned.map((entry) => returnedItem(projectId, entry))),
    );
  }
  if (unread.total) {
    const where = plural(unread.documents.length, "document", "documents");
    root.append(el("p", { class: "unread-comments", text: `${plural(unread.total, "unread comment", "unread comments")} on ${where}.` }));
  }
  root.dataset.loaded = "true";
}

function returnedItem(projectId, entry) {
  const link = el("a", { href: `/projects/${projectId}/documents/${entry.document}/work/?set=${entry.set}`, text: entry.title || `Document ${entry.document}` });
  const who = entry.returned_by ? ` · returned by ${entry.returned_by}` : "";
  return el(
    "li",
    {},
    link,
    el("span", { class: "muted", text: who }),
    entry.comment ? el("blockquote", { class: "returned-comment", text: entry.comment }) : null,
  );
}
