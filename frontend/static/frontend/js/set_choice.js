// Which set the workspace edits when a document is opened by its id (from the project's
// document list, a reload, a shared link). Opening never creates a set: annotators get
// their documents from the queue, and the gold set is started only when asked. Pure.
//
// - An annotator edits their own set on the document, else the document is not theirs.
// - A reviewer or a manager edits the gold set if there is one; else a manager edits their
//   own annotator set if they have one (managers annotate too); else the document is shown
//   read-only, with the offer to start the gold set.
// - `wanted` (the set id the page address names, after the queue opened it) wins when it
//   is one of those the caller may edit: a manager who reloads their queue document goes
//   on with their own set, not the gold one.
// - In an archived project (`archived`) nothing is edited: the same choice comes back marked
//   `archived: true`, so the set is shown read-only, and a document without one is shown
//   read-only with no offer to start a gold set.

/**
 * @param {{role: string, username: string, sets: object[], wanted?: number|null, archived?: boolean}} input
 *   `sets` as the document read returns them (id, kind, author, ...)
 * @returns {{set: object, archived?: true}|{readOnly: true, archived?: true}|{notAssigned: true}}
 */
export function setToOpen({ role, username, sets, wanted = null, archived = false }) {
  const choice = chooseSet(role, username, sets, wanted);
  return archived && !choice.notAssigned ? { ...choice, archived: true } : choice;
}

function chooseSet(role, username, sets, wanted) {
  const reviews = role === "reviewer" || role === "manager";
  const own = sets.find((s) => s.kind === "annotator" && s.author === username);
  const gold = reviews ? sets.find((s) => s.kind === "gold") : undefined;
  const editable = [own, gold].filter(Boolean);
  const named = editable.find((s) => s.id === wanted);
  if (named) return { set: named };
  if (role === "annotator") return own ? { set: own } : { notAssigned: true };
  if (gold) return { set: gold };
  if (role === "manager" && own) return { set: own };
  return { readOnly: true };
}
