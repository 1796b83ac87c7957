// A live preview of Markdown guidelines beside their textarea (the create and settings
// pages). The server renders and sanitises (POST /api/v1/guidelines/preview/, the same code
// as the project's `guidelines_html`); the HTML is parsed by DOMParser into an inert
// document and its nodes moved in, never assigned to innerHTML. Typing waits 300 ms.

import { api } from "./api.js";
import { el } from "./dom.js";

const DELAY_MS = 300;
const EMPTY = "What annotators will see appears here.";

/** Keep `preview` showing `textarea`'s guidelines rendered; renders once at once. */
export function bindGuidelinesPreview(textarea, preview) {
  let timer = 0;
  let ticket = 0;
  async function render() {
    const mine = ++ticket;
    const text = textarea.value;
    if (!text.trim()) {
      preview.replaceChildren(el("p", { class: "muted", text: EMPTY }));
      return;
    }
    try {
      const { html } = await api("POST", "guidelines/preview/", { guidelines: text });
      if (mine !== ticket) return;
      const parsed = new DOMParser().parseFromString(html, "text/html");
      preview.replaceChildren(...parsed.body.childNodes);
    } catch (error) {
      if (mine === ticket) preview.replaceChildren(el("p", { class: "muted", text: `No preview: ${error.message}` }));
    }
  }
  textarea.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(render, DELAY_MS);
  });
  render();
}
