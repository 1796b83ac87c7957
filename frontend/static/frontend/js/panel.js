// The workspace's side panel: what is selected (label, attributes, relations, stance), the
// lists of spans, relations and suggestions, the document's stance and questions. Draws a
// plain view model (panel_model.js) and calls back into the workspace through `actions`;
// never reads the workspace. User text goes in with textContent only.

import { el } from "./dom.js";
import { excerpt } from "./excerpt.js";
import { sourceLinkField } from "./source_linker.js";

const LIST_WINDOW = 40; // long documents: lists show this many rows around the selection

/** Up to `size` items centred on index `at`. */
export function windowAround(items, at, size) {
  const from = Math.max(0, Math.min(at - Math.floor(size / 2), items.length - size));
  return { from, items: items.slice(from, from + size) };
}

/** A label chip: colour swatch and the label's letter, so colour is never the only cue. */
export function labelChip(label) {
  const chip = el("span", { class: "chip" }, el("span", { class: "letter", text: label.letter }), label.name);
  chip.querySelector(".letter").style.backgroundColor = label.color;
  return chip;
}

export class Panel {
  /**
   * @param {HTMLElement} root the <aside>
   * @param {Map<string, object>} labels key -> {name, color, letter, spec}
   * @param {object} actions callbacks into the workspace
   */
  constructor(root, labels, actions) {
    this.root = root;
    this.labels = labels;
    this.actions = actions;
    this.sections = {};
    for (const name of ["labels", "selected", "spans", "relations", "suggestions", "document"]) {
      this.sections[name] = root.querySelector(`[data-section="${name}"]`);
    }
    this.renderLabels();
  }

  label(key) {
    return this.labels.get(key) || { name: key, color: "#555", letter: "?", spec: { attributes: [] } };
  }

  renderLabels() {
    const list = el("div", { class: "label-buttons" });
    for (const [key, label] of this.labels) {
      const hint = label.hotkey ? ` (${label.hotkey})` : "";
      list.append(
        el(
          "button",
          { type: "button", class: "label-button", title: `Label the selection ${label.name}${hint}`, onclick: () => this.actions.labelSelection(key) },
          labelChip(label),
          label.hotkey ? el("kbd", { text: label.hotkey }) : null,
        ),
      );
    }
    this.sections.labels.replaceChildren(el("h2", { text: "Labels" }), list);
  }

  /** Everything but the label buttons, from the view model (panel_model.js). A section is
   * drawn again only when its part of the model is a new object; the selection always. */
  render(model) {
    const last = this.model || {};
    this.model = model;
    this.renderSelected(model.selected);
    if (model.spans !== last.spans) this.renderSpans(model.spans);
    if (model.relations !== last.relations) this.renderRelations(model.relations);
    if (model.suggestions !== last.suggestions) this.renderSuggestions(model.suggestions);
    if (model.document !== last.document) this.renderDocument(model.document);
  }

  /** Empty every section but the labels (no document is being edited). */
  clear() {
    this.model = null;
    for (const name of ["selected", "spans", "relations", "suggestions", "document"]) this.sections[name].replaceChildren();
  }

  renderSelected(selected) {
    const box = this.sections.selected;
    if (selected?.kind === "suggestion") {
      const label = this.label(selected.label);
      box.replaceChildren(
        el("h2", { text: "Suggestion" }),
        el("p", {}, labelChip(label), " ", el("q", { text: excerpt(selected.text) })),
        el("p", { class: "muted", text: `from ${selected.modelName}` }),
        el(
          "div",
          { class: "row" },
          el("button", { type: "button", onclick: () => this.actions.acceptSuggestion(selected.key) }, "Accept ", el("kbd", { text: "Enter" })),
          el("button", { type: "button", onclick: () => this.actions.rejectSuggestion(selected.key) }, "Reject ", el("kbd", { text: "Backspace" })),
        ),
      );
      return;
    }
    if (!selected) {
      box.replaceChildren(
        el("h2", { text: "Selection" }),
        el("p", { class: "muted", text: "Select text and press a label's key, or click a span. Press ? for every key." }),
      );
      return;
    }
    const span = selected;
    const label = this.label(span.label);
    const labelSelect = el("select", { id: "span-label", onchange: (event) => this.actions.changeLabel(span.key, event.target.value) });
    for (const [key, option] of this.labels) {
      labelSelect.append(el("option", { value: key, selected: key === span.label, text: option.name }));
    }
    const form = el("div", { class: "attributes" });
    for (const spec of label.spec.attributes || []) form.append(this.attributeField(span, spec));
    const linking = span.linking
      ? el("p", { class: "linking", role: "status", text: `Linking: click the span to connect with “${span.linking}” (Esc cancels)` })
      : null;
    const parts = [
      el("h2", { text: "Selected span" }),
      el("p", { class: "selected-text" }, labelChip(label), " ", el("q", { text: excerpt(span.text) })),
      el("p", { class: "muted offsets", text: `code points ${span.start}–${span.end}${span.fragments ? `, ${span.fragments} fragments` : ""}` }),
      el("label", { for: "span-label", text: "Label" }),
      labelSelect,
      form,
      el(
        "div",
        { class: "row boundaries", "aria-label": "Boundaries" },
        el("button", { type: "button", title: "Start one word earlier ([)", onclick: () => this.actions.moveEdge(span.key, "start", -1) }, "⟵ start"),
        el("button", { type: "button", title: "Start one word later ({)", onclick: () => this.actions.moveEdge(span.key, "start", 1) }, "start ⟶"),
        el("button", { type: "button", title: "End one word earlier (})", onclick: () => this.actions.moveEdge(span.key, "end", -1) }, "⟵ end"),
        el("button", { type: "button", title: "End one word later (])", onclick: () => this.actions.moveEdge(span.key, "end", 1) }, "end ⟶"),
      ),
      this.relationButtons(span),
      linking,
      this.stanceRows(span),
      el("button", { type: "button", class: "danger", onclick: () => this.actions.deleteSpan(span.key) }, "Delete span ", el("kbd", { text: "Del" })),
    ];
    box.replaceChildren(...parts.filter(Boolean));
  }

  attributeField(span, spec) {
    const id = `attr-${spec.key}`;
    const value = span.attributes[spec.key];
    const set = (v) => this.actions.setAttribute(span.key, spec.key, v);
    if (spec.type === "registry") return sourceLinkField({ projectId: this.root.closest("[data-project]")?.dataset.project, span, spec, set });
    let input;
    if (spec.type === "choice") {
      input = el("select", { id, onchange: (e) => set(e.target.value || null) }, el("option", { value: "", text: "—" }));
      for (const choice of spec.choices) input.append(el("option", { value: choice, selected: choice === value, text: choice }));
    } else if (spec.type === "multi_choice") {
      input = el("select", { id, multiple: true, onchange: (e) => set([...e.target.selectedOptions].map((o) => o.value)) });
      for (const choice of spec.choices) input.append(el("option", { value: choice, selected: (value || []).includes(choice), text: choice }));
    } else if (spec.type === "bool") {
      input = el("input", { id, type: "checkbox", checked: value === true, onchange: (e) => set(e.target.checked) });
    } else {
      input = el("input", { id, type: "text", value: value ?? "", onchange: (e) => set(e.target.value || null) });
    }
    return el("div", { class: "field" }, el("label", { for: id, text: spec.name || spec.key }), input);
  }

  /** Open the selected span's source linker (key g); false when the span has none. */
  openSourceLinker() {
    const button = this.sections.selected.querySelector("[data-source-linker]");
    button?.click();
    return Boolean(button);
  }

  relationButtons(span) {
    const list = el("ul", { class: "relations-of" });
    for (const relation of span.relations) list.append(this.relationItem(relation));
    const buttons = el("div", { class: "row" });
    for (const type of span.relationTypes) {
      buttons.append(
        el("button", { type: "button", onclick: () => this.actions.startLinking(type.key) }, `Link: ${type.name}`, type.hotkey ? el("kbd", { text: type.hotkey }) : null),
      );
    }
    const none = el("p", { class: "muted", text: "None yet." });
    return el("div", { class: "relations-box" }, el("h3", { text: "Relations" }), span.relations.length ? list : none, buttons);
  }

  /** One relation: its ends ({label, text, documentTitle, outlet} or {missing}) and a
   * delete button; an end in another document names its outlet and title. */
  relationItem(relation) {
    const describe = (end) => {
      if (end.missing) return el("span", { class: "muted", text: end.missing });
      const where = [end.outlet, end.documentTitle].filter(Boolean).join(" · ");
      const from = end.documentTitle ? el("span", { class: "muted far-end", text: ` (${where})` }) : null;
      return el("span", {}, labelChip(this.label(end.label)), " ", el("q", { text: excerpt(end.text) }), from);
    };
    return el(
      "li",
      { class: "relation" },
      describe(relation.source),
      el("span", { class: "arrow", text: ` → ${relation.name} → ` }),
      describe(relation.target),
      el("button", { type: "button", class: "small", title: "Delete this relation", "aria-label": `Delete relation ${relation.name}`, onclick: () => this.actions.deleteRelation(relation.key) }, "×"),
    );
  }

  stanceRows(span) {
    if (!span.stances.length) return null;
    const box = el("div", { class: "stances" }, el("h3", { text: "Stance" }));
    span.stances.forEach((row, index) => {
      const id = `stance-${index}`;
      const select = el("select", { id, class: "stance-select", onchange: (e) => this.actions.setStance(row.holder, row.about, e.target.value || null) }, el("option", { value: "", text: "—" }));
      for (const value of span.stanceValues) select.append(el("option", { value, selected: row.value === value, text: value }));
      box.append(el("div", { class: "field" }, el("label", { for: id, text: row.text }), select));
    });
    box.append(el("p", { class: "muted", text: "Keys 1–9 set the first stance's value; x moves to these fields." }));
    return box;
  }

  renderSpans(model) {
    const spans = model.items;
    const at = Math.max(0, spans.findIndex((span) => span.key === model.selected));
    const shown = windowAround(spans, at, this.spanLimit || LIST_WINDOW);
    const list = el("ol", { class: "span-list", start: String(shown.from + 1) });
    for (const span of shown.items) {
      const button = el(
        "button",
        { type: "button", class: span.key === model.selected ? "current" : "", onclick: () => this.actions.select(span.key) },
        labelChip(this.label(span.label)),
        " ",
        el("span", { text: excerpt(span.text) }),
      );
      list.append(el("li", {}, button));
    }
    const more = this.moreButton(shown, spans.length, "spans", () => {
      this.spanLimit = (this.spanLimit || LIST_WINDOW) + LIST_WINDOW * 5;
      this.renderSpans(model);
    });
    this.sections.spans.replaceChildren(el("h2", { text: `Spans (${spans.length})` }), spans.length ? list : el("p", { class: "muted", text: "No spans yet." }), more);
  }

  renderRelations(relations) {
    const shown = windowAround(relations, 0, this.relationLimit || LIST_WINDOW);
    const list = el("ul", { class: "relation-list" });
    for (const relation of shown.items) list.append(this.relationItem(relation));
    const more = this.moreButton(shown, relations.length, "relations", () => {
      this.relationLimit = (this.relationLimit || LIST_WINDOW) + LIST_WINDOW * 5;
      this.renderRelations(relations);
    });
    this.sections.relations.replaceChildren(
      el("h2", { text: `Relations (${relations.length})` }),
      relations.length ? list : el("p", { class: "muted", text: "Select a span and press a relation key (a, u, m, o), then click the other span." }),
      more,
    );
  }

  /** "Showing 1–100 of 2,000 · Show 100 more" under a long list, or nothing (an empty
   * fragment: replaceChildren would write a null as the text "null"). */
  moreButton(shown, total, noun, onMore) {
    if (shown.items.length >= total) return document.createDocumentFragment();
    const range = `${shown.from + 1}–${shown.from + shown.items.length} of ${total.toLocaleString("en")}`;
    return el("p", { class: "muted" }, `Showing ${noun} ${range} `, el("button", { type: "button", class: "small", onclick: onMore }, `Show ${LIST_WINDOW * 5} more`));
  }

  renderSuggestions(suggestions) {
    if (!suggestions) {
      this.sections.suggestions.replaceChildren();
      return;
    }
    const rows = el("div", { class: "row wrap" });
    for (const { label, count } of suggestions.byLabel) {
      rows.append(el("button", { type: "button", onclick: () => this.actions.acceptAll(label) }, `Accept all ${this.label(label).name} (${count})`));
    }
    this.sections.suggestions.replaceChildren(
      el("h2", { text: `Suggestions (${suggestions.open} open)` }),
      el("p", { class: "muted", text: "Dashed underlines. Select one (click or Tab), then Enter accepts and Backspace rejects." }),
      rows,
    );
  }

  renderDocument(model) {
    const box = el("div");
    if (model.targets.length) {
      box.append(el("h3", { text: "The article's stance" }));
      for (const target of model.targets) {
        const id = `doc-stance-${target.key}`;
        const about = { target: target.key };
        const select = el("select", { id, onchange: (e) => this.actions.setStance(null, about, e.target.value || null) }, el("option", { value: "", text: "—" }));
        for (const value of model.values) select.append(el("option", { value, selected: target.value === value, text: value }));
        box.append(el("div", { class: "field" }, el("label", { for: id, text: `toward ${target.name}` }), select));
      }
    }
    for (const question of model.questions) box.append(this.questionField(question, model.targets));
    this.sections.document.replaceChildren(el("h2", { text: "Document" }), box.childNodes.length ? box : el("p", { class: "muted", text: "No document questions in this project." }));
  }

  /** A question ({key, text, type, choices, perTarget, answer}): radios, or checkboxes for
   * "multi"; a per-target question has one group per stance target. */
  questionField(question, targets) {
    const answer = question.answer;
    const fieldset = el("fieldset", { class: "question" }, el("legend", { text: question.text }));
    const choose = (current, onPick, name) => {
      const group = el("div", { class: "choices", role: question.type === "multi" ? "group" : "radiogroup" });
      for (const choice of question.choices) {
        const id = `${name}-${choice}`;
        const checked = question.type === "multi" ? (current || []).includes(choice) : current === choice;
        const input = el("input", { id, type: question.type === "multi" ? "checkbox" : "radio", name, value: choice, checked, onchange: () => onPick(choice) });
        group.append(el("label", { class: "choice", for: id }, input, ` ${choice}`));
      }
      return group;
    };
    const toggle = (list, choice) => (list.includes(choice) ? list.filter((c) => c !== choice) : [...list, choice]);
    if (question.perTarget) {
      for (const target of targets) {
        const current = answer?.[target.key];
        const pick = (choice) => {
          const next = { ...(answer || {}) };
          next[target.key] = question.type === "multi" ? toggle(current || [], choice) : choice;
          this.actions.setAnswer(question.key, next);
        };
        fieldset.append(el("div", { class: "per-target" }, el("span", { class: "target-name", text: target.name }), choose(current, pick, `q-${question.key}-${target.key}`)));
      }
    } else {
      const pick = (choice) => this.actions.setAnswer(question.key, question.type === "multi" ? toggle(answer || [], choice) : choice);
      fieldset.append(choose(answer, pick, `q-${question.key}`));
    }
    return fieldset;
  }
}
