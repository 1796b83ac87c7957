// The workspace's key help (`?`): drawn from the key table (keys.js), so it lists exactly
// the keys that work. Opening it moves the keyboard focus into it; closing it gives the
// focus back to where it was.

import { el } from "./dom.js";
import { helpEntries } from "./keys.js";

export class Help {
  /**
   * @param {HTMLElement} box the help's section (hidden at first)
   * @param {HTMLElement} fallback where focus goes when the place it came from is gone
   */
  constructor(box, fallback) {
    this.box = box;
    this.fallback = fallback;
    this.focusBefore = null;
  }

  get open() {
    return !this.box.hidden;
  }

  /** The table's entries as a list: each key a <kbd> (a chord's parts each one). */
  render(table) {
    const list = el("dl", { class: "key-columns" });
    for (const entry of helpEntries(table)) {
      const keys = el("dt");
      entry.keys.forEach((chord, i) => {
        if (i) keys.append(" / ");
        chord.split("+").forEach((part, j) => {
          if (j) keys.append("+");
          keys.append(el("kbd", { text: part === "Escape" ? "Esc" : part }));
        });
      });
      // a <div> per key (allowed in a <dl>) keeps a key with its text in the help's columns
      list.append(el("div", { class: "key-entry" }, keys, el("dd", { text: entry.does })));
    }
    const mouse = "With the mouse: select text, then press a label's key (or click the label); click a span to select it; Alt+select adds a fragment to the selected span.";
    const close = el("button", { type: "button", class: "small close", onclick: () => this.toggle(false) }, "Close ", el("kbd", { text: "Esc" }));
    this.box.replaceChildren(el("div", { class: "help-head" }, el("h2", { text: "Keys" }), close), el("p", { class: "muted", text: mouse }), list);
  }

  /** Show or hide (force: true shows, false hides). */
  toggle(force) {
    const show = force === undefined ? this.box.hidden : force;
    if (show) {
      if (this.box.hidden) this.focusBefore = document.activeElement;
      this.box.hidden = false;
      this.box.focus();
      return;
    }
    const hadFocus = this.box.contains(document.activeElement);
    this.box.hidden = true;
    if (hadFocus) {
      const back = this.focusBefore;
      const usable = back && back !== document.body && back.isConnected;
      (usable ? back : this.fallback).focus({ preventScroll: true });
    }
  }
}
