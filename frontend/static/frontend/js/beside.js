// Across documents: when the document belongs to a story, another report of it can be
// opened beside the text, read-only, with the edited layer's spans there (the person's own
// set, or the gold set) so that a claim here can be linked to a claim there. The picker sits
// at the top of the side panel. `ws.external` holds every span of another document the
// workspace knows (the far ends the server sent with the document, and the spans of reports
// opened beside it), so a link reads "the claim in <outlet> · <title>", also after a reload.

import { api } from "./api.js";
import { el } from "./dom.js";
import * as linking from "./linking.js";
import { TextView } from "./text_view.js";

/** The "another report of this story" picker, when the document has a story with others. */
export async function loadStory(ws, data) {
  const picker = ws.root.querySelector('[data-section="story"]');
  picker.replaceChildren();
  ws.besideBox.replaceChildren();
  if (!data.story) return;
  try {
    const story = await api("GET", `stories/${data.story}/`);
    const others = (story.documents || []).filter((d) => d.id !== data.id);
    if (!others.length || ws.doc !== data) return;
    const select = el("select", { id: "beside-doc" }, el("option", { value: "", text: "— another report of this story —" }));
    for (const other of others) select.append(el("option", { value: other.id, text: other.title || `Document ${other.id}` }));
    select.addEventListener("change", async () => {
      await openBeside(ws, select.value ? Number(select.value) : null);
      // The next step is a key (m, o) or a click in the text: keys must not stay in the
      // select, where a letter would pick another report.
      if (document.activeElement === select) ws.textBox.focus({ preventScroll: true });
    });
    picker.append(el("label", { for: "beside-doc", text: `Story: ${story.name}` }), select);
  } catch (error) {
    ws.fail(error);
  }
}

/** Another document of the story, read-only, with this layer's spans there to link to;
 * null closes it. */
export async function openBeside(ws, documentId) {
  ws.root.classList.toggle("with-beside", documentId !== null);
  if (documentId === null || ws.mode !== "edit") {
    ws.besideBox.replaceChildren();
    ws.redraw();
    return;
  }
  const set = ws.set;
  try {
    const data = await api("GET", `projects/${ws.projectId}/documents/${documentId}/`);
    if (ws.set !== set) return; // another document was opened meanwhile
    const layer = data.sets.find((s) => s.kind === set.kind && (set.kind !== "annotator" || s.author === ws.username));
    const spans = layer ? layer.spans : [];
    for (const span of spans) ws.external.set(span.id, { ...span, key: `x${span.id}`, documentTitle: data.title, outlet: data.outlet });
    const box = el("div", { id: "beside-text", class: "beside-text", tabindex: "-1" });
    const heading = [data.outlet, data.title || `Document ${data.id}`].filter(Boolean).join(" · ");
    ws.besideBox.replaceChildren(el("h2", { class: "beside-title", text: heading }), box);
    const view = new TextView(box, data.text, data.zones || [], ws.labels);
    view.render({ spans: spans.map((s) => ({ ...s, key: `x${s.id}` })) });
    ws.besideView = view;
    box.onclick = (event) => {
      const key = view.keyAt(event.target);
      if (key && ws.linking && ws.selected) linking.finish(ws, { id: Number(key.slice(1)) });
      else if (ws.linking) linking.missed(ws);
      else if (key) ws.note("This document is read-only here. Select a span on the left, press a relation key, then click a span here to link them.");
    };
    if (!layer || !spans.length) ws.note("You have no spans in that document yet: open it to annotate, then link to them here.");
    ws.redraw();
  } catch (error) {
    ws.fail(error);
  }
}

/** The far ends of the set's links into other documents, as the server sent them with the
 * document (GET .../documents/{id}/ `linked_spans`). */
export function rememberFarEnds(ws, ends) {
  for (const end of ends) {
    ws.external.set(end.id, { id: end.id, key: `x${end.id}`, label: end.label, text: end.text, documentTitle: end.document_title, outlet: end.outlet });
  }
}
