// Time on task, the pure part: which milliseconds count as active work on the open set, and
// when and what to report. time_on_task.js feeds it the page's events and the real clock;
// tests feed it numbers.
//
// ActiveClock counts time while the tab is visible and the person is not idle: time after
// the last key, click, mouse move or scroll counts for at most `idleMs` (reading without
// touching anything is work; a minute more is someone who walked away). Hidden time never
// counts. Whole seconds are taken out to report; the remainder stays for the next report.
//
// TimeReporter reports one set at a time (POST sets/{id}/time/ {seconds}): every `flushMs`
// while counting, at once when the set shown changes (the old set gets its last seconds),
// when the tab is hidden and when the page goes away. States of a report: sent; given back
// (the server could not be reached, or asked to slow down: the seconds wait for the next
// report); closed (the set is finished or not the person's: nothing more is sent for it).

export const IDLE_MS = 60_000;
export const FLUSH_MS = 30_000;

export class ActiveClock {
  /** @param {{idleMs?: number, now: number, hidden?: boolean}} options */
  constructor({ idleMs = IDLE_MS, now, hidden = false }) {
    this.idleMs = idleMs;
    this.counted = 0; // active milliseconds not yet taken
    this.mark = now; // time up to which `counted` is reckoned
    this.lastActivity = now;
    this.hidden = hidden;
  }

  /** Count from the mark up to `now`: only while visible, and until idle. */
  advance(now) {
    if (!this.hidden) {
      const end = Math.min(now, this.lastActivity + this.idleMs);
      if (end > this.mark) this.counted += end - this.mark;
    }
    this.mark = Math.max(this.mark, now);
  }

  activity(now) {
    this.advance(now);
    this.lastActivity = now;
  }

  hide(now) {
    this.advance(now);
    this.hidden = true;
  }

  /** Visible again: coming back to the tab is activity. */
  show(now) {
    this.advance(now);
    this.hidden = false;
    this.lastActivity = now;
  }

  /** Start over (another set): nothing counted, active from `now`. */
  restart(now) {
    this.counted = 0;
    this.mark = now;
    this.lastActivity = now;
  }

  /** The whole seconds counted up to `now`, taken out (the remainder stays). */
  take(now) {
    this.advance(now);
    const seconds = Math.floor(this.counted / 1000);
    this.counted -= seconds * 1000;
    return seconds;
  }

  /** Seconds a report could not deliver, counted again for the next one. */
  giveBack(seconds) {
    this.counted += seconds * 1000;
  }
}

/** Answers after which the same seconds may be sent again later. */
function retryable(error) {
  return [0, 429, 502, 503, 504].includes(error?.status ?? 0);
}

export class TimeReporter {
  /**
   * @param {{send: (setId: number, seconds: number, keepalive: boolean) => Promise<any>,
   *          now: number, idleMs?: number, flushMs?: number, hidden?: boolean}} options
   */
  constructor({ send, now, idleMs = IDLE_MS, flushMs = FLUSH_MS, hidden = false }) {
    this.send = send;
    this.flushMs = flushMs;
    this.clock = new ActiveClock({ idleMs, now, hidden });
    this.setId = null;
    this.closed = new Set(); // sets the server will take no more time for
    this.lastFlush = now;
    this.inFlight = 0;
    this.reported = 0; // seconds the server added, this page (for the page and its tests)
  }

  activity(now) {
    this.clock.activity(now);
  }

  hide(now) {
    this.clock.hide(now);
    return this.flush(now, true);
  }

  show(now) {
    this.clock.show(now);
  }

  /** The set shown now (null: none, or one that takes no time). A change reports the old
   * set's last seconds and starts counting afresh for the new one. */
  watch(setId, now) {
    if (setId === this.setId) return null;
    const done = this.flush(now, false);
    this.setId = setId;
    this.clock.restart(now);
    this.lastFlush = now;
    return done;
  }

  /** Whether a periodic report is due. */
  due(now) {
    return this.inFlight === 0 && now - this.lastFlush >= this.flushMs;
  }

  /** Report the seconds counted so far for the current set (none: they are dropped). */
  async flush(now, keepalive = false) {
    this.lastFlush = now;
    const setId = this.setId;
    const seconds = this.clock.take(now);
    if (setId === null || seconds === 0 || this.closed.has(setId)) return null;
    this.inFlight += 1;
    try {
      const answer = await this.send(setId, seconds, keepalive);
      this.reported += answer?.added ?? seconds;
      return answer;
    } catch (error) {
      if (retryable(error)) {
        if (this.setId === setId) this.clock.giveBack(seconds);
      } else {
        this.closed.add(setId);
      }
      return null;
    } finally {
      this.inFlight -= 1;
    }
  }
}
