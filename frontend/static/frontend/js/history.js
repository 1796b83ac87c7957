// The history of the set being edited, in the side panel: every write to it, newest first
// (who, when, what it changed), each older one with "Restore", and a revision's changed
// rows on request. Drawn into a <details> that loads the list when it opens (nothing is
// asked of the server while it is closed) and again after each save while it is open.
// Restoring is the page's job (`onRestore(version)`): it saves first and reloads after.

import { api } from "./api.js";
import { el } from "./dom.js";

const PARTS = [
  ["spans", "span", "spans"],
  ["relations", "relation", "relations"],
  ["stances", "stance", "stances"],
  ["answers", "answer", "answers"],
];

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** What a write changed, in words: "+2 spans, −1 relation, 1 answer changed"; "no change"
 * when nothing did. Pure. */
export function changeSummary(changes) {
  const words = [];
  for (const [part, one, many] of PARTS) {
    const { added = 0, removed = 0, changed = 0 } = changes?.[part] || {};
    if (added) words.push(`+${plural(added, one, many)}`);
    if (removed) words.push(`−${plural(removed, one, many)}`);
    if (changed) words.push(`${plural(changed, one, many)} changed`);
  }
  return words.length ? words.join(", ") : "no change";
}

/** What a revision held: "3 spans, 1 relation" (parts with none left out). Pure. */
export function countsSummary(counts) {
  const words = PARTS.filter(([part]) => counts?.[part]).map(([part, one, many]) => plural(counts[part], one, many));
  return words.length ? words.join(", ") : "empty";
}

const when = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", second: "2-digit" });

export class HistoryPanel {
  /**
   * @param {HTMLElement} root the panel's history section
   * @param {{onRestore: (version: number) => void}} actions
   */
  constructor(root, { onRestore }) {
    this.root = root;
    this.onRestore = onRestore;
    this.setId = null;
    this.details = el("details", { class: "history", ontoggle: () => this.details.open && this.load({ reveal: true }) }, el("summary", { text: "History of this set" }));
    this.body = el("div", { class: "history-body" });
    this.details.append(this.body);
  }

  /** A set is shown: its history, closed unless it was open for the same set (a reload). */
  reset(setId) {
    const same = setId === this.setId;
    this.setId = setId;
    this.root.replaceChildren(this.details);
    if (!same) {
      this.details.open = false;
      this.body.replaceChildren();
    } else if (this.details.open) this.load();
  }

  clear() {
    this.setId = null;
    this.details.open = false;
    this.body.replaceChildren();
    this.root.replaceChildren();
  }

  toggle() {
    if (this.setId === null) return;
    this.details.open = !this.details.open;
    if (this.details.open) this.details.querySelector("summary").focus();
  }

  /** After a save: the list is stale when it shows. */
  changed() {
    if (this.details.open) this.load();
  }

  /** Load and draw the list; `reveal` (it was just opened) scrolls the side panel so the
   * list shows under its heading (it sits at the panel's end, below the fold). */
  async load({ reveal = false } = {}) {
    const setId = this.setId;
    const asked = (this.asked = {}); // only the newest answer is drawn
    try {
      const page = await api("GET", `sets/${setId}/history/?page_size=50`);
      if (this.asked !== asked || this.setId !== setId) return;
      this.draw(page);
      if (reveal) this.reveal();
    } catch (error) {
      if (this.asked === asked) this.body.replaceChildren(el("p", { role: "alert", class: "muted", text: `The history could not be loaded: ${error.message}` }));
    }
  }

  /** The panel scrolled (the panel alone, not the page) to put the history at its top. */
  reveal() {
    const panel = this.details.closest(".panel");
    if (!panel) return;
    panel.scrollTop += this.details.getBoundingClientRect().top - panel.getBoundingClientRect().top;
  }

  draw(page) {
    const rows = page.results;
    if (!rows.length) {
      this.body.replaceChildren(el("p", { class: "muted", text: "Nothing written yet." }));
      return;
    }
    const list = el("ol", { class: "revisions", reversed: true });
    rows.forEach((row, index) => list.append(this.item(row, index === 0)));
    this.body.replaceChildren(list);
    if (page.count > rows.length) this.body.append(el("p", { class: "muted", text: `The ${rows.length} newest of ${page.count} versions.` }));
  }

  item(row, newest) {
    const who = row.baseline ? "as history found it" : row.author || "someone";
    const what = row.baseline ? countsSummary(row.counts) : changeSummary(row.changes);
    const detail = el("div", { class: "revision-detail" });
    const show = el("button", { type: "button", class: "small link", "aria-expanded": "false", onclick: () => this.toggleDetail(row, show, detail) }, "what changed");
    const restore = newest
      ? el("span", { class: "muted", text: " (current)" })
      : el("button", { type: "button", class: "small", title: `Make version ${row.version} the set's contents again`, onclick: () => this.onRestore(row.version) }, "Restore");
    return el(
      "li",
      { class: "revision", dataset: { version: String(row.version) } },
      el("p", {}, el("strong", { text: `Version ${row.version}` }), " · ", who, " · ", el("time", { datetime: row.created_at, text: when.format(new Date(row.created_at)) }), restore),
      el("p", { class: "muted" }, what, " ", row.baseline ? null : show),
      detail,
    );
  }

  async toggleDetail(row, button, box) {
    if (box.childNodes.length) {
      box.replaceChildren();
      button.setAttribute("aria-expanded", "false");
      return;
    }
    button.setAttribute("aria-expanded", "true");
    try {
      const detail = await api("GET", `sets/${this.setId}/history/${row.version}/`);
      box.replaceChildren(changedRows(detail.changed));
    } catch (error) {
      box.replaceChildren(el("p", { role: "alert", class: "muted", text: error.message }));
    }
  }
}

/** The rows a write added, removed and changed, described in a list. */
function changedRows(changed) {
  const list = el("ul", { class: "changed-rows" });
  const describe = (part, row) => {
    if (part === "spans") return `${row.label} “${row.text}”`;
    if (part === "relations") return `${row.type} ${row.source} → ${row.target}`;
    if (part === "stances") return `${row.value}${row.target ? ` toward ${row.target}` : ""}`;
    return `${row.question}: ${JSON.stringify(row.value)}`;
  };
  for (const [part, one] of PARTS) {
    const rows = changed?.[part] || { added: [], removed: [], changed: [] };
    for (const row of rows.added) list.append(el("li", { text: `+ ${one} ${describe(part, row)}` }));
    for (const row of rows.removed) list.append(el("li", { text: `− ${one} ${describe(part, row)}` }));
    for (const row of rows.changed) list.append(el("li", { text: `~ ${one} ${describe(part, row.before)} → ${describe(part, row.after)}` }));
  }
  return list.childNodes.length ? list : el("p", { class: "muted", text: "No change to the contents." });
}
