// The project's guidelines in the workspace, one key away (`i`, or the toolbar's button):
// a panel over the page like the key help, with the guidelines as the server rendered them
// (GET /projects/{id}/ `guidelines_html`: Markdown made HTML and sanitised there by nh3),
// or, from a server without it, the plain text. Read when first opened, then kept.
//
// The HTML is parsed by DOMParser into an inert document (no scripts run there) and only
// its nodes are moved in: nothing is ever assigned to innerHTML.

import { api } from "./api.js";
import { el } from "./dom.js";
import { Help } from "./help.js";

export class GuidelinesPanel extends Help {
  /**
   * @param {HTMLElement} box the panel's section (hidden at first)
   * @param {HTMLElement} fallback where focus goes when the place it came from is gone
   * @param {number} projectId
   */
  constructor(box, fallback, projectId) {
    super(box, fallback);
    this.projectId = projectId;
    this.loaded = null; // the read's promise, once asked
  }

  /** Show or hide; the first showing reads the guidelines. */
  toggle(force) {
    super.toggle(force);
    if (this.open && !this.loaded) this.loaded = this.load();
  }

  async load() {
    const title = el("h2", { text: "Guidelines" });
    const close = el("button", { type: "button", class: "small close", onclick: () => this.toggle(false) }, "Close ", el("kbd", { text: "Esc" }));
    this.box.replaceChildren(el("div", { class: "help-head" }, title, close), el("p", { class: "muted", text: "Loading…" }));
    try {
      const project = await api("GET", `projects/${this.projectId}/`);
      this.box.replaceChildren(el("div", { class: "help-head" }, title, close), guidelinesBody(project));
    } catch (error) {
      this.loaded = null; // try again next time
      this.box.replaceChildren(el("div", { class: "help-head" }, title, close), el("p", { class: "error", text: `The guidelines could not be read: ${error.message || error}` }));
    }
  }
}

/** The guidelines' content: the sanitised HTML's nodes, the plain text, or a note. */
export function guidelinesBody(project) {
  const body = el("div", { class: "guidelines-text" });
  if (project.guidelines_html) {
    const parsed = new DOMParser().parseFromString(project.guidelines_html, "text/html");
    body.append(...parsed.body.childNodes);
    for (const link of body.querySelectorAll("a[href]")) link.target = "_blank";
  } else if (project.guidelines?.trim()) {
    body.append(el("p", { class: "plain", text: project.guidelines }));
  } else {
    body.append(el("p", { class: "muted", text: "This project has no guidelines yet. A manager writes them on the project's settings page." }));
  }
  return body;
}
