// The workspace's source linker: the field the side panel draws for a span's registry
// attribute (the SOURCE label's "entry"). It says which registry entry the span is linked
// to, with "Link to source…" (key g) and "Unlink". "Link to source…" opens an ARIA combobox
// in place: the entries suggested by alias for the span's text first (GET sources/suggest/),
// then the entries matching what is typed (GET sources/?q=), then "Create “…” as a new
// source" (POST sources/). ↑ ↓ move, Enter links, Escape closes. Linking sets the
// attribute through the panel's `set` (the workspace's edit and autosave path), which draws
// the panel again with the entry's name.
//
// The registry's entries are fetched once per page (and again after a create) to name the
// linked entry; the pure parts are in source_linker_model.js.

import { api } from "./api.js";
import { el } from "./dom.js";
import { createBody, linkWords, linkerOptions, movedActive, optionWords } from "./source_linker_model.js";
import { entriesFrom, listPath } from "./source_registry_model.js";

const TYPING_PAUSE_MS = 150;
let registry = null; // {projectId, entries: Promise<Map<key, entry>>}

/** The project's entries by key (one call per page; `fresh` asks again). */
function entriesByKey(projectId, fresh = false) {
  if (!registry || registry.projectId !== projectId || fresh) {
    const entries = api("GET", listPath(projectId)).then((answer) => new Map(entriesFrom(answer).map((entry) => [entry.key, entry])));
    registry = { projectId, entries: entries.catch(() => new Map()) };
  }
  return registry.entries;
}

/**
 * The panel's field for a registry attribute.
 * @param {object} args {projectId, span: the selected span ({key, text, attributes}), spec:
 *   the attribute's spec, set: (value) => void, the panel's attribute setter}
 */
export function sourceLinkField({ projectId, span, spec, set }) {
  const key = span.attributes[spec.key] || null;
  const labelId = `attr-${spec.key}-label`;
  const now = el("p", { class: "source-link-now", id: `attr-${spec.key}-now`, text: linkWords(key, null) });
  if (key) {
    entriesByKey(projectId).then(async (entries) => {
      // an entry made since the page loaded (by someone else): ask the registry again
      const entry = entries.get(key) || (await entriesByKey(projectId, true)).get(key);
      if (!entry || !now.isConnected) return;
      now.replaceChildren(linkWords(key, entry), " ", el("a", { href: `/projects/${projectId}/sources/${entry.id}/`, target: "_blank", rel: "noopener", text: "Source page" }));
    });
  }
  const open = el("button", { type: "button", "data-source-linker": "", "aria-expanded": "false", "aria-describedby": now.id }, key ? "Link to another source… " : "Link to source… ", el("kbd", { text: "g" }));
  const unlink = key ? el("button", { type: "button", text: "Unlink", onclick: () => set(null) }) : null;
  const field = el("div", { class: "field source-link", role: "group", "aria-labelledby": labelId }, el("span", { class: "field-name", id: labelId, text: spec.name || spec.key }), now, el("div", { class: "row" }, open, unlink));
  open.addEventListener("click", () => {
    if (!projectId) return; // the schema editor's preview draws the panel without a project
    if (field.querySelector(".source-combobox")) {
      field.querySelector(".source-combobox input").focus();
      return;
    }
    const onClose = (returnFocus) => {
      open.setAttribute("aria-expanded", "false");
      if (returnFocus) open.focus();
    };
    const box = new Combobox({ projectId, span, onChoose: (entryKey) => set(entryKey), onClose });
    open.setAttribute("aria-expanded", "true");
    field.append(box.root);
    box.start();
  });
  return field;
}

/** The autocomplete list: an input (role combobox) and a listbox under it. */
class Combobox {
  constructor({ projectId, span, onChoose, onClose }) {
    this.projectId = projectId;
    this.span = span;
    this.onChoose = onChoose;
    this.onClose = onClose;
    this.suggestions = [];
    this.matches = [];
    this.options = [];
    this.active = -1;
    this.asked = 0; // the newest search; older answers are dropped
    this.closed = false;
    const id = `source-link-${span.key}`.replace(/[^A-Za-z0-9_-]/g, "-");
    this.list = el("ul", { class: "source-options", id: `${id}-options`, role: "listbox", "aria-label": "Registry entries" });
    this.input = el("input", {
      id: `${id}-input`,
      type: "text",
      role: "combobox",
      autocomplete: "off",
      spellcheck: "false",
      "aria-autocomplete": "list",
      "aria-expanded": "true",
      "aria-controls": this.list.id,
      "aria-describedby": `${id}-hint`,
    });
    this.status = el("p", { class: "source-link-status", role: "status" });
    this.root = el(
      "div",
      { class: "source-combobox" },
      el("label", { for: this.input.id, text: "Find a source" }),
      this.input,
      this.list,
      this.status,
      el("p", { class: "muted hint", id: `${id}-hint`, text: "Type to search names and aliases; ↑ ↓ choose, Enter links, Esc closes." }),
    );
    this.input.addEventListener("keydown", (event) => this.onKey(event));
    this.input.addEventListener("input", () => this.typed());
    this.root.addEventListener("focusout", (event) => {
      if (!this.root.contains(event.relatedTarget)) this.close(false);
    });
  }

  async start() {
    this.input.focus();
    this.status.textContent = "Looking for entries…";
    const text = encodeURIComponent(this.span.text.slice(0, 200));
    const [suggested, matches] = await Promise.allSettled([
      api("GET", `projects/${this.projectId}/sources/suggest/?text=${text}`),
      api("GET", listPath(this.projectId)),
    ]);
    if (!this.root.isConnected) return;
    this.suggestions = suggested.status === "fulfilled" ? suggested.value.results || [] : [];
    if (this.asked) return; // the person typed meanwhile: their search draws the list
    this.matches = matches.status === "fulfilled" ? entriesFrom(matches.value) : [];
    const failed = [suggested, matches].find((answer) => answer.status === "rejected");
    this.render(failed ? failed.reason.message : "");
    if (this.suggestions.length) this.moveTo(0);
    this.root.scrollIntoView({ block: "nearest" }); // the panel scrolls: show the whole list
  }

  typed() {
    clearTimeout(this.timer);
    this.timer = setTimeout(async () => {
      const asked = ++this.asked;
      const query = this.input.value;
      try {
        const answer = await api("GET", listPath(this.projectId, query));
        if (asked !== this.asked || !this.root.isConnected) return;
        this.matches = entriesFrom(answer);
        this.render("");
      } catch (error) {
        if (asked === this.asked) this.render(error.message);
      }
    }, TYPING_PAUSE_MS);
  }

  render(problem) {
    this.options = linkerOptions({ suggestions: this.input.value.trim() ? [] : this.suggestions, matches: this.matches, query: this.input.value, spanText: this.span.text });
    this.list.replaceChildren(
      ...this.options.map((option, index) => {
        const item = el(
          "li",
          { id: `${this.list.id}-${index}`, role: "option", class: `source-option ${option.kind}`, "aria-selected": "false" },
          el("span", { class: "option-name", text: optionWords(option) }),
          el("span", { class: "option-detail", text: option.detail }),
        );
        item.addEventListener("mousedown", (event) => event.preventDefault()); // the input keeps the focus
        item.addEventListener("click", () => this.choose(option));
        return item;
      }),
    );
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    const n = this.options.filter((option) => option.kind !== "create").length;
    this.status.textContent = problem || (n ? `${n} entr${n === 1 ? "y" : "ies"} listed.` : "No entry matches: create one.");
    this.status.dataset.kind = problem ? "error" : "info";
  }

  moveTo(index) {
    const items = this.list.children;
    if (this.active >= 0 && items[this.active]) items[this.active].setAttribute("aria-selected", "false");
    this.active = index;
    if (index < 0 || !items[index]) return;
    items[index].setAttribute("aria-selected", "true");
    items[index].scrollIntoView({ block: "nearest" });
    this.input.setAttribute("aria-activedescendant", items[index].id);
  }

  onKey(event) {
    // The combobox answers its own keys: the workspace's key table never sees them.
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      event.stopPropagation();
      this.moveTo(movedActive(this.active, this.options.length, event.key));
      return;
    }
    if (event.key === "Enter") {
      event.preventDefault();
      event.stopPropagation();
      const option = this.options[this.active >= 0 ? this.active : 0];
      if (option) this.choose(option);
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      this.close(true);
      return;
    }
    event.stopPropagation(); // letters are typed, not workspace keys
  }

  async choose(option) {
    if (option.kind !== "create") {
      this.onChoose(option.entry.key);
      return;
    }
    this.status.textContent = `Creating “${option.name}”…`;
    try {
      const entry = await api("POST", `projects/${this.projectId}/sources/`, createBody(option.name, this.span.text, this.span.attributes.source_type));
      entriesByKey(this.projectId, true);
      this.onChoose(entry.key);
    } catch (error) {
      this.status.textContent = error.message;
      this.status.dataset.kind = "error";
      this.input.focus();
    }
  }

  close(returnFocus) {
    if (this.closed) return;
    this.closed = true; // removing the list blurs its field, which asks to close again
    clearTimeout(this.timer);
    this.onClose(returnFocus); // the focus moves first, then the list goes
    this.root.remove();
  }
}
