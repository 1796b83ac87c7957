// Drafts of annotation sets kept in the browser (localStorage) until the server confirms
// them, so edits made while the server is unreachable survive a reload. One entry a set.
// Storage that is full, disabled or absent makes every call a no-op.

const PREFIX = "claimlens:draft:set:";

export class Drafts {
  /** @param {Storage | null} storage */
  constructor(storage) {
    this.storage = storage;
  }

  load(setId) {
    try {
      const text = this.storage?.getItem(PREFIX + setId);
      return text ? JSON.parse(text) : null;
    } catch {
      return null;
    }
  }

  store(setId, draft) {
    try {
      this.storage?.setItem(PREFIX + setId, JSON.stringify(draft));
    } catch {
      // full or disabled: the page keeps the edits as long as it is open
    }
  }

  remove(setId) {
    try {
      this.storage?.removeItem(PREFIX + setId);
    } catch {
      // nothing kept
    }
  }
}

/** The page's localStorage, or none (a browser that refuses it). */
export function browserDrafts() {
  try {
    return new Drafts(globalThis.localStorage ?? null);
  } catch {
    return new Drafts(null);
  }
}
