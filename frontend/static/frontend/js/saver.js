// Autosave of one annotation set: a whole-set PUT within a second of the last change, one
// write at a time, never a silent overwrite. States: saved, pending, saving, failed, conflict.

import { api } from "./api.js";

const DELAY_MS = 400;

export class Saver {
  /**
   * @param {number} setId
   * @param {import("./annotation_state.js").AnnotationState} state
   * @param {(status: string, message: string) => void} onStatus
   */
  constructor(setId, state, onStatus) {
    this.setId = setId;
    this.state = state;
    this.onStatus = onStatus;
    this.savedRevision = state.revision;
    this.timer = null;
    this.inFlight = null;
    this.stopped = false; // after a conflict: nothing more is written
    this.status = "saved";
  }

  get dirty() {
    return this.state.revision !== this.savedRevision;
  }

  /** Call after every change. */
  changed() {
    if (this.stopped) return;
    this.report("pending", "Unsaved changes");
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.save(), DELAY_MS);
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
      this.report("saved", "All changes saved");
      return;
    }
    const sent = this.state.payload();
    this.report("saving", "Saving…");
    this.inFlight = api("PUT", `sets/${this.setId}/`, sent.body)
      .then((response) => {
        this.state.saved(sent, response);
        this.savedRevision = sent.revision;
        if (this.dirty) this.changed();
        else this.report("saved", "All changes saved");
      })
      .catch((error) => {
        if (error.status === 409) {
          this.stopped = true;
          this.report("conflict", "Not saved: changed elsewhere");
        } else {
          this.report("failed", `Not saved: ${error.message}`);
        }
      })
      .finally(() => {
        this.inFlight = null;
      });
    await this.inFlight;
  }

  report(status, message) {
    this.status = status;
    this.onStatus(status, message);
  }
}
