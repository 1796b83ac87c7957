// Autosave of one annotation set: a whole-set PUT within a second of the last change, one
// write at a time, never a silent overwrite. States: saved, pending, saving, offline (the
// server could not be reached: trying again after 1 s, doubling to 30 s), failed (the server
// refused the write), conflict (changed elsewhere: nothing more is written).
//
// Until the server confirms a save, the edits are also kept as a draft in the browser
// (drafts.js), so a reload after a network cut brings them back (`restoreDraft`).
// A write whose answer was lost may have landed: the next write then gets 409 for the
// version it bumped. On a 409 after such a write the saver reads the set and compares it with
// what that write sent (save_outcome.js): if it is this page's own write, the saver takes its
// version and ids and goes on; only a set changed by someone else is a conflict.

import { api as callApi } from "./api.js";
import { browserDrafts } from "./drafts.js";
import { landed, refsOf } from "./save_outcome.js";

const DELAY_MS = 400;
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30000;

/** Answers that mean "try again later", not "refused" (429: the write rate limit). */
function unreachable(error) {
  return [0, 429, 502, 503, 504].includes(error.status);
}

export class Saver {
  /**
   * @param {number} setId
   * @param {import("./annotation_state.js").AnnotationState} state
   * @param {(status: string, message: string) => void} onStatus
   * @param {{api?: Function, drafts?: import("./drafts.js").Drafts}} [options] for tests
   */
  constructor(setId, state, onStatus, { api = callApi, drafts = browserDrafts() } = {}) {
    this.setId = setId;
    this.state = state;
    this.onStatus = onStatus;
    this.api = api;
    this.drafts = drafts;
    this.savedRevision = state.revision;
    this.timer = null;
    this.inFlight = null;
    this.stopped = false; // after a conflict: nothing more is written
    this.status = "saved";
    this.retryMs = RETRY_FIRST_MS;
    this.lost = []; // writes sent from the current version whose answer never came
  }

  get dirty() {
    return this.state.revision !== this.savedRevision;
  }

  /** Call after every change. */
  changed() {
    if (this.stopped) return;
    this.keepDraft();
    this.report("pending", "Unsaved changes");
    this.schedule(DELAY_MS);
  }

  schedule(ms) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.save(), ms);
  }

  /** Write now if anything changed; resolves when everything is written (or failed). */
  async flush() {
    clearTimeout(this.timer);
    if (this.inFlight) await this.inFlight;
    if (this.dirty && !this.stopped) await this.save();
    return !this.dirty && !this.stopped && this.status === "saved";
  }

  async save() {
    clearTimeout(this.timer);
    if (this.stopped) return;
    if (this.inFlight) {
      await this.inFlight;
      if (this.dirty) this.changed();
      return;
    }
    if (!this.dirty) {
      this.confirmed();
      return;
    }
    const sent = this.state.payload();
    this.report("saving", "Saving…");
    this.inFlight = this.api("PUT", `sets/${this.setId}/`, sent.body)
      .then((response) => this.wrote(sent, response))
      .catch((error) => this.notWritten(sent, error))
      .finally(() => {
        this.inFlight = null;
      });
    await this.inFlight;
  }

  wrote(sent, response) {
    this.state.saved(sent, response);
    this.savedRevision = sent.revision;
    this.lost = [];
    this.retryMs = RETRY_FIRST_MS;
    if (this.dirty) this.changed();
    else this.confirmed();
  }

  async notWritten(sent, error) {
    if (unreachable(error)) {
      if (error.status === 0) this.lost.push(sent); // it may have landed all the same
      this.keepDraft();
      const seconds = Math.round(this.retryMs / 1000);
      const why = error.status === 429 ? "too many saves" : "the server is unreachable";
      this.report("offline", `Not saved yet: ${why}, trying again in ${seconds} s`);
      this.schedule(this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
    } else if (error.status === 409 && (await this.ownWriteLanded())) {
      this.schedule(0); // write what changed since, from the version that write made
    } else if (error.status === 409) {
      this.stopped = true;
      this.report("conflict", "Not saved: changed elsewhere");
    } else {
      this.report("failed", `Not saved: ${error.message}`);
    }
  }

  /** After a 409: whether the server's set is one of this page's lost writes; if it is,
   * take its version and ids as a successful answer would have given them. */
  async ownWriteLanded() {
    if (!this.lost.length) return false;
    let server;
    try {
      server = await this.api("GET", `sets/${this.setId}/`);
    } catch {
      return false;
    }
    const own = this.lost.find((sent) => landed(sent.body, server));
    if (!own) return false;
    this.state.saved(own, { version: server.version, refs: refsOf(own.body, server) });
    this.savedRevision = own.revision;
    this.lost = [];
    this.retryMs = RETRY_FIRST_MS;
    return true;
  }

  confirmed() {
    this.drafts.remove(this.setId);
    this.report("saved", "All changes saved");
  }

  /** Keep what the page holds (and the writes that may have landed) in the browser. */
  keepDraft() {
    this.drafts.store(this.setId, {
      version: this.state.version,
      ids: [...this.state.ids],
      nextKey: this.state.nextKey,
      content: this.state.content,
      lost: this.lost,
    });
  }

  /**
   * After opening the set (`server`, as GET returned it): bring back a draft this browser
   * kept of it. Applied when the server still has the draft's version, or has the version
   * one of the draft's lost writes made; a set changed elsewhere since keeps the server's
   * content and the draft is dropped. Returns whether a draft was applied.
   */
  restoreDraft(server) {
    const draft = this.drafts.load(this.setId);
    if (!draft) return false;
    const own = (draft.lost || []).find((sent) => landed(sent.body, server));
    if (draft.version !== server.version && !own) {
      this.drafts.remove(this.setId);
      return false;
    }
    this.state.ids = new Map(draft.ids);
    this.state.nextKey = Math.max(this.state.nextKey, draft.nextKey || 1);
    this.state.version = draft.version;
    this.lost = draft.lost || [];
    if (own) {
      this.state.saved(own, { version: server.version, refs: refsOf(own.body, server) });
      this.lost = [];
    }
    this.state.commit(draft.content);
    this.changed();
    return true;
  }

  report(status, message) {
    this.status = status;
    this.onStatus(status, message);
  }
}
