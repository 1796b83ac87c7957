// The curation view's tools, one open at a time in the band under the toolbar (no modal
// dialog: the text and the list stay usable beside it): edit a unit before accepting it,
// auto-merge at k of n, the diff of two layers, return the document to an annotator. Each
// draws its form and calls back; Enter in a form submits it, Escape closes it (the page's
// keys). User text goes in as textContent only.

import { el } from "./dom.js";
import { describeRow, layerShort } from "./curate_model.js";
import { diffChoices, diffLayers } from "./layer_diff.js";
import { wordStep } from "./words.js";

function field(labelText, control) {
  return el("label", { class: "field" }, el("span", { text: labelText }), control);
}

function select(id, options, chosen) {
  const box = el("select", { id });
  for (const [value, text] of options) box.append(el("option", { value, text, selected: value === chosen }));
  return box;
}

function form(title, children, submitText, onSubmit) {
  const element = el(
    "form",
    {
      class: "tool-form",
      onsubmit: (event) => {
        event.preventDefault();
        onSubmit();
      },
      onkeydown: (event) => {
        // Enter on a select submits too (the browser submits only from text fields)
        if (event.key === "Enter" && event.target instanceof HTMLSelectElement) {
          event.preventDefault();
          event.target.form.requestSubmit();
        }
      },
    },
    el("h2", { text: title }),
    ...children,
    el("div", { class: "row" }, el("button", { type: "submit", class: "primary", text: submitText }), el("span", { class: "muted", text: "Esc closes" })),
  );
  return element;
}

/** Edit before accepting: a span's label and boundaries (code points, with the text they
 * cover shown as you change them), a relation's type, a stance's or answer's value. */
export function drawEditTool(root, item, { schema, labels, text, context, selection }, onSave) {
  const unit = item.unit;
  const row = unit.state === "gold" && unit.gold ? unit.gold : unit.unit;
  const points = Array.from(text);
  const controls = [el("p", { class: "unit-title", text: describeRow(unit.kind, row, context) })];
  let read = () => ({});
  let onKeys = {};
  if (unit.kind === "span") {
    const label = select("edit-label", [...labels].map(([key, spec]) => [key, spec.name]), row.label);
    const start = el("input", { id: "edit-start", type: "number", min: 0, max: points.length, value: row.start });
    const end = el("input", { id: "edit-end", type: "number", min: 0, max: points.length, value: row.end });
    const preview = el("q", { class: "edit-preview" });
    const show = () => {
      preview.textContent = points.slice(Number(start.value), Number(end.value)).join("");
    };
    start.addEventListener("input", show);
    end.addEventListener("input", show);
    show();
    // A word at a time, as the workspace's [ ] { } do; or the text selected in the document.
    const space = (p) => /\s/u.test(points[p] ?? "");
    const move = (input, direction) => {
      let next = wordStep(points, Number(input.value), direction);
      // narrowing stops at the next word, not at the space before it
      if (input === start && direction > 0) while (space(next)) next += 1;
      if (input === end && direction < 0) while (next > 0 && space(next - 1)) next -= 1;
      const other = input === start ? Number(end.value) : Number(start.value);
      if (input === start ? next < other : next > other) input.value = String(next);
      show();
    };
    const moves = {
      "[": () => move(start, -1),
      "{": () => move(start, 1),
      "]": () => move(end, 1),
      "}": () => move(end, -1),
    };
    const stepButton = (key, text) => el("button", { type: "button", class: "small", onclick: moves[key] }, text, el("kbd", { text: key }));
    const fromSelection = () => {
      const range = selection();
      if (!range) return;
      start.value = String(range.start);
      end.value = String(range.end);
      show();
    };
    const attributes = attributeFields(labels, row.attributes || {});
    attributes.draw(label.value);
    label.addEventListener("change", () => attributes.draw(label.value));
    controls.push(
      el("div", { class: "row" }, field("Label", label), field("Start", start), field("End", end)),
      attributes.box,
      el("p", { class: "covers" }, "Covers: ", preview),
      el(
        "div",
        { class: "row word-steps" },
        stepButton("[", "wider at the start"),
        stepButton("{", "narrower at the start"),
        stepButton("}", "narrower at the end"),
        stepButton("]", "wider at the end"),
        el("button", { type: "button", class: "small", id: "edit-use-selection", onclick: fromSelection }, "Use the text selected in the document"),
      ),
    );
    onKeys = moves;
    read = () => ({ label: label.value, start: Number(start.value), end: Number(end.value), attributes: attributes.read() });
  } else if (unit.kind === "relation") {
    const types = (schema.relation_types || []).map((t) => [t.key, t.name || t.key]);
    const type = select("edit-type", types, row.type);
    controls.push(field("Type", type));
    read = () => ({ type: type.value });
  } else if (unit.kind === "stance") {
    const values = (schema.stance?.values || []).map((v) => [v, v]);
    const value = select("edit-value", values, row.value);
    controls.push(field("Value", value));
    read = () => ({ value: value.value });
  } else {
    const [key, current] = Object.entries(row)[0];
    const question = (schema.document_questions || []).find((q) => q.key === key);
    const choices = (question?.choices || []).map((c) => [c, c]);
    if (typeof current !== "string" || !choices.length) {
      controls.push(el("p", { class: "muted", text: "This answer is edited in the workspace; accept or reject it here." }));
    } else {
      const value = select("edit-value", choices, current);
      controls.push(field("Answer", value));
      read = () => ({ value: value.value });
    }
  }
  const editForm = form("Edit, then accept", controls, "Accept edited (Enter)", () => onSave(read()));
  editForm.addEventListener("keydown", (event) => {
    const run = onKeys[event.key];
    if (!run || event.ctrlKey || event.altKey || event.metaKey) return;
    if (event.target.matches('input[type="text"], textarea')) return; // typed, not a step
    event.preventDefault();
    event.stopPropagation();
    run();
  });
  root.replaceChildren(editForm);
  root.querySelector("select, input")?.focus();
}

/** A span's attribute fields for a label (its schema's attributes: choice, multi-choice,
 * yes/no, text), drawn again when the label changes; values of the same keys are kept.
 * `read()` gives the attributes as the API takes them (empty ones left out). */
function attributeFields(labels, initial) {
  const box = el("div", { class: "row attributes" });
  let values = { ...initial };
  let readers = [];
  const draw = (labelKey) => {
    values = { ...values, ...read() };
    const specs = labels.get(labelKey)?.spec?.attributes || [];
    readers = [];
    box.replaceChildren(
      ...specs.map((spec) => {
        const id = `edit-attr-${spec.key}`;
        const current = values[spec.key];
        const name = spec.name || spec.key;
        if (spec.type === "bool") {
          const box = el("input", { id, type: "checkbox", checked: current === true });
          readers.push(() => (box.checked || spec.key in initial ? [spec.key, box.checked] : null));
          return el("label", { class: "field" }, el("span", { text: name }), box);
        }
        if (spec.type === "multi") {
          const chosen = new Set(Array.isArray(current) ? current : []);
          const boxes = (spec.choices || []).map((c) => el("input", { type: "checkbox", value: c, checked: chosen.has(c) }));
          readers.push(() => {
            const picked = boxes.filter((b) => b.checked).map((b) => b.value);
            return picked.length ? [spec.key, picked] : null;
          });
          return el("fieldset", { class: "field multi", id }, el("legend", { text: name }), ...boxes.map((b) => el("label", { class: "choice" }, b, ` ${b.value}`)));
        }
        if (spec.type === "choice") {
          const box = select(id, [["", "—"], ...(spec.choices || []).map((c) => [c, c])], current ?? "");
          readers.push(() => (box.value ? [spec.key, box.value] : null));
          return field(name, box);
        }
        const box = el("input", { id, type: "text", value: current ?? "" });
        readers.push(() => (box.value ? [spec.key, box.value] : null));
        return field(name, box);
      }),
    );
  };
  const read = () => Object.fromEntries(readers.map((reader) => reader()).filter(Boolean));
  return { box, draw, read };
}

/** Auto-merge at k of n, exact or overlap. */
export function drawMergeTool(root, { layers, matching }, onRun) {
  const n = Math.max(layers, 1);
  const k = el("input", { id: "merge-k", type: "number", min: 1, max: n, value: Math.min(2, n) });
  const mode = select("merge-matching", [["exact", "exact"], ["overlap", "overlap"]], matching);
  const text = `Every open unit (neither in gold nor rejected) that at least k of the ${n} layers made goes into gold, marked auto; the rest stays for you.`;
  root.replaceChildren(
    form("Auto-merge this document", [el("p", { class: "muted", text }), el("div", { class: "row" }, field(`k (of ${n})`, k), field("Matching", mode))], "Merge (Enter)", () =>
      onRun(Number(k.value), mode.value),
    ),
  );
  k.focus();
  k.select();
}

/** The diff of two layers: three columns, units only in A, in both, only in B. */
export function drawDiffTool(root, view, listed, chosen, { onChange, onSelect }) {
  const choices = diffChoices(view).map((name) => [name, layerShort(name)]);
  if (choices.length < 2) {
    const none = "There are not two layers to compare: no annotator's set is submitted (or only one, and no gold set). Esc closes.";
    root.replaceChildren(el("h2", { text: "Diff of two layers" }), el("p", { class: "muted", text: none }));
    return;
  }
  const [a, b] = chosen;
  const first = select("diff-a", choices, a);
  const second = select("diff-b", choices, b);
  const changed = () => onChange([first.value, second.value]);
  first.addEventListener("change", changed);
  second.addEventListener("change", changed);
  const diff = diffLayers(listed, a, b);
  const column = (id, title, items) =>
    el(
      "div",
      { class: "diff-column", id },
      el("h3", { text: `${title} (${items.length})` }),
      el(
        "ul",
        { class: "unit-list" },
        ...items.map((item) =>
          el(
            "li",
            {},
            el(
              "button",
              { type: "button", class: "unit-item", onclick: () => onSelect(item.key) },
              el("span", { class: "unit-text", text: item.text }),
              item.differs ? el("span", { class: "badge who disputed", text: "≠ differs" }) : null,
            ),
          ),
        ),
      ),
    );
  root.replaceChildren(
    el("h2", { text: "Diff of two layers" }),
    el("div", { class: "row" }, field("Layer A", first), field("Layer B", second), el("span", { class: "muted", text: "Esc closes" })),
    el(
      "div",
      { class: "diff" },
      column("diff-only-a", `Only in A: ${layerShort(a)}`, diff.onlyA),
      column("diff-both", "In both", diff.both),
      column("diff-only-b", `Only in B: ${layerShort(b)}`, diff.onlyB),
    ),
  );
  first.focus();
}

/** Return the document to one annotator (a submitted set's) with a comment. */
export function drawReturnTool(root, annotators, onSend) {
  const submitted = annotators.filter((a) => a.status === "submitted");
  if (!submitted.length) {
    root.replaceChildren(el("h2", { text: "Return to an annotator" }), el("p", { class: "muted", text: "No annotator has a submitted set on this document. Esc closes." }));
    return;
  }
  const who = select("return-annotator", submitted.map((a) => [a.username, a.username]), submitted[0].username);
  const comment = el("textarea", { id: "return-comment", rows: 3, required: true, placeholder: "What should they look at again?" });
  const help = el("p", { class: "muted", text: "Their set opens again, first in their queue, with your comment on its thread." });
  root.replaceChildren(form("Return to an annotator", [help, field("Annotator", who), field("Comment", comment)], "Return (Enter)", () => onSend(who.value, comment.value)));
  comment.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      comment.form.requestSubmit();
    }
  });
  who.focus();
}
