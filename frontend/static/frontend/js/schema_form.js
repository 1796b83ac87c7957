// The schema editor's form: span labels (with attributes), relation types, stance and
// document questions drawn from the form model (schema_editor_model.js), edited in place.
// Typing changes the model and calls `onChange`; adding, removing or moving a row draws the
// sections again and puts the focus back where the person was. Every field has a label and
// a problem line under it (`data-path`: the JSON path the server's validator names).

import { el } from "./dom.js";
import { checkRows } from "./schema_form_checks.js";
import {
  ATTRIBUTE_TYPES,
  QUESTION_TYPES,
  choicesFromText,
  hasChoices,
  labelRemoved,
  moved,
  newAttribute,
  newCheck,
  newLabel,
  newQuestion,
  newRelation,
  newTarget,
  newValue,
} from "./schema_editor_model.js";

const TYPE_NAMES = { choice: "one choice", multi_choice: "several choices", bool: "yes / no", text: "free text", registry: "source registry entry", single: "one choice", multi: "several choices" };

export class SchemaForm {
  /**
   * @param {HTMLElement} root the form panel (holds #label-rows, #relation-rows, ...)
   * @param {(form: object) => void} onChange called after every change, with the form model
   */
  constructor(root, onChange) {
    this.root = root;
    this.onChange = onChange;
    this.form = null;
    root.querySelector("#add-label").addEventListener("click", () => this.add("labels", newLabel(this.form), (row) => `f-${row.id}-key`));
    root.querySelector("#add-relation").addEventListener("click", () => this.add("relations", newRelation(), (row) => `f-${row.id}-key`));
    root.querySelector("#add-question").addEventListener("click", () => this.add("questions", newQuestion(), (row) => `f-${row.id}-key`));
    root.querySelector("#add-check").addEventListener("click", () => this.add("checks", newCheck(), (row) => `f-${row.id}-kind`));
  }

  /** Draw the whole form for `form`; focus the element with id `focusId` if given. */
  render(form, focusId = null) {
    this.form = form;
    this.root.querySelector("#label-rows").replaceChildren(...form.labels.map((label, i) => this.labelRow(label, i)));
    this.renderReferences();
    this.root.querySelector("#question-rows").replaceChildren(...form.questions.map((question, i) => this.questionRow(question, i)));
    if (focusId) document.getElementById(focusId)?.focus();
  }

  /** The sections that name labels (relation ends, stance labels, checks): drawn again when a label's key or name changes. */
  renderReferences() {
    const form = this.form;
    this.root.querySelector("#relation-rows").replaceChildren(...form.relations.map((type, i) => this.relationRow(type, i)));
    this.root.querySelector("#stance-rows").replaceChildren(this.stanceRows());
    this.root.querySelector("#check-rows").replaceChildren(...checkRows(this));
  }

  renderChecks() {
    this.root.querySelector("#check-rows").replaceChildren(...checkRows(this));
  }

  changed(structural = null) {
    this.undo = null; // "Undo remove" undoes only the last change
    if (structural) this.render(this.form, structural);
    this.onChange(this.form);
  }

  add(section, row, focus) {
    this.form = { ...this.form, [section]: [...this.form[section], row] };
    this.changed(focus(row));
  }

  // ---- building blocks ---------------------------------------------------------------------

  /** A labelled field with its problem line. */
  field(id, text, input, path, className = "field") {
    input.id = id;
    const problem = el("p", { class: "problem", id: `${id}-problem`, "data-path": path, "data-for": id, hidden: true });
    input.setAttribute("aria-describedby", problem.id);
    return el("div", { class: className }, el("label", { for: id, text }), input, problem);
  }

  text(row, prop, { maxlength = 64, onInput = null, size = null } = {}) {
    return el("input", {
      type: "text",
      value: row[prop],
      maxlength,
      size,
      spellcheck: "false",
      autocomplete: "off",
      oninput: (event) => {
        row[prop] = event.target.value;
        if (onInput) onInput();
        this.changed();
      },
    });
  }

  check(row, prop, id, text, after = null) {
    const input = el("input", {
      type: "checkbox",
      id,
      checked: row[prop],
      onchange: (event) => {
        row[prop] = event.target.checked;
        if (after) after();
        this.changed();
      },
    });
    return el("div", { class: "inline-check" }, input, el("label", { for: id, text }));
  }

  choices(row, id, path) {
    const input = el("textarea", {
      rows: Math.min(6, Math.max(2, row.choices.length + 1)),
      spellcheck: "false",
      oninput: (event) => {
        row.choices = choicesFromText(event.target.value);
        this.changed();
      },
    });
    input.value = row.choices.join("\n");
    return this.field(id, "Choices (one per line)", input, path, "field choices");
  }

  /** Up, down and remove for row `index` of `rows` (read and written through `get`/`set`). */
  rowButtons(what, name, index, get, set, removeFocus, remove = null) {
    const rows = get();
    const move = (delta, focusId) => () => {
      set(moved(get(), index, delta));
      this.changed(focusId);
    };
    const id = `${rows[index].id}`;
    return el(
      "div",
      { class: "row-buttons" },
      el("button", { type: "button", class: "small", id: `f-${id}-up`, disabled: index === 0, "aria-label": `Move ${what} ${name} up`, title: "Move up", onclick: move(-1, `f-${id}-up`) }, "↑"),
      el("button", { type: "button", class: "small", id: `f-${id}-down`, disabled: index === rows.length - 1, "aria-label": `Move ${what} ${name} down`, title: "Move down", onclick: move(1, `f-${id}-down`) }, "↓"),
      el(
        "button",
        {
          type: "button",
          class: "small danger",
          "aria-label": `Remove ${what} ${name}`,
          title: "Remove",
          onclick: () => {
            const before = structuredClone(this.form);
            if (remove) remove();
            else set(get().filter((_, i) => i !== index));
            this.changed(removeFocus);
            this.undo = { form: before, focus: removeFocus };
          },
        },
        "Remove",
      ),
    );
  }

  /** Checkboxes, one per label, for a list of label row ids (`row[prop]`). */
  labelChoice(row, prop, legend, path) {
    const box = el("fieldset", { class: "label-choice" }, el("legend", { text: legend }));
    for (const label of this.form.labels) {
      const id = `f-${row.id || "stance"}-${prop}-${label.id}`;
      const input = el("input", {
        type: "checkbox",
        id,
        checked: row[prop].includes(label.id),
        onchange: (event) => {
          const chosen = new Set(row[prop]);
          if (event.target.checked) chosen.add(label.id);
          else chosen.delete(label.id);
          row[prop] = this.form.labels.map((l) => l.id).filter((lid) => chosen.has(lid));
          this.changed();
        },
      });
      box.append(el("span", { class: "inline-check" }, input, el("label", { for: id, text: label.name || label.key || "(no key)" })));
    }
    box.append(el("p", { class: "problem", "data-path": path, hidden: true }));
    return box;
  }

  // ---- sections ----------------------------------------------------------------------------

  labelRow(label, index) {
    const path = `span_labels[${index}]`;
    const f = (prop) => `f-${label.id}-${prop}`;
    const references = () => this.renderReferences();
    const color = el("input", {
      type: "color",
      value: label.color,
      oninput: (event) => {
        label.color = event.target.value;
        event.target.closest(".label-row").querySelector(".swatch").style.background = label.color;
        this.changed();
      },
    });
    const name = label.key || "(new)";
    const box = el(
      "fieldset",
      { class: "schema-row label-row", "data-row": label.id },
      el("legend", {}, el("span", { class: "swatch", "aria-hidden": "true" }), ` Label ${index + 1}`),
      el(
        "div",
        { class: "row-fields" },
        this.field(f("key"), "Key", this.text(label, "key", { onInput: references, size: 12 }), `${path}.key`),
        this.field(f("name"), "Name", this.text(label, "name", { maxlength: 200, onInput: references, size: 13 }), `${path}.name`),
        this.field(f("color"), "Colour", color, `${path}.color`, "field colour"),
        this.field(f("hotkey"), "Hotkey", this.text(label, "hotkey", { maxlength: 1, size: 2 }), `${path}.hotkey`, "field hotkey"),
        this.check(label, "discontinuous", f("discontinuous"), "Discontinuous"),
        // Removing a label also unticks it in relation ends and stance labels.
        this.rowButtons("label", name, index, () => this.form.labels, (rows) => (this.form.labels = rows), "add-label", () => {
          this.form = labelRemoved(this.form, index);
        }),
      ),
    );
    box.querySelector(".swatch").style.background = label.color;
    const attributes = el("div", { class: "attributes-box" }, el("h3", { text: "Attributes" }));
    attributes.append(el("p", { class: "problem", "data-path": `${path}.attributes`, hidden: true }));
    label.attributes.forEach((attribute, a) => attributes.append(this.attributeRow(label, attribute, a, path)));
    attributes.append(
      el(
        "button",
        {
          type: "button",
          id: f("add-attribute"),
          "aria-label": `Add an attribute to ${name}`,
          onclick: () => {
            const row = newAttribute();
            label.attributes = [...label.attributes, row];
            this.changed(`f-${row.id}-key`);
          },
        },
        "Add an attribute",
      ),
    );
    box.append(attributes);
    return box;
  }

  attributeRow(label, attribute, index, labelPath) {
    const path = `${labelPath}.attributes[${index}]`;
    const f = (prop) => `f-${attribute.id}-${prop}`;
    const type = el("select", {
      onchange: (event) => {
        attribute.type = event.target.value;
        this.changed(f("type"));
      },
    });
    for (const kind of ATTRIBUTE_TYPES) type.append(el("option", { value: kind, selected: kind === attribute.type, text: TYPE_NAMES[kind] }));
    const name = `${label.key}.${attribute.key || "(new)"}`;
    return el(
      "fieldset",
      { class: "schema-row attribute-row" },
      el("legend", { text: `Attribute ${index + 1}` }),
      el(
        "div",
        { class: "row-fields" },
        this.field(f("key"), "Attribute key", this.text(attribute, "key", { size: 12 }), `${path}.key`),
        this.field(f("name"), "Name", this.text(attribute, "name", { maxlength: 200, size: 13 }), `${path}.name`),
        this.field(f("type"), "Type", type, `${path}.type`),
        this.check(attribute, "required", f("required"), "Required"),
        attribute.type === "choice" ? this.check(attribute, "ordered", f("ordered"), "Choices in order") : null,
        this.rowButtons("attribute", name, index, () => label.attributes, (rows) => (label.attributes = rows), `f-${label.id}-add-attribute`),
      ),
      hasChoices(attribute.type) ? this.choices(attribute, f("choices"), `${path}.choices`) : null,
    );
  }

  relationRow(type, index) {
    const path = `relation_types[${index}]`;
    const f = (prop) => `f-${type.id}-${prop}`;
    return el(
      "fieldset",
      { class: "schema-row relation-row" },
      el("legend", { text: `Relation type ${index + 1}` }),
      el(
        "div",
        { class: "row-fields" },
        this.field(f("key"), "Key", this.text(type, "key", { size: 13, onInput: () => this.renderChecks() }), `${path}.key`),
        this.field(f("name"), "Name", this.text(type, "name", { maxlength: 200, size: 13, onInput: () => this.renderChecks() }), `${path}.name`),
        this.field(f("hotkey"), "Hotkey", this.text(type, "hotkey", { maxlength: 1, size: 2 }), `${path}.hotkey`, "field hotkey"),
        this.check(type, "directed", f("directed"), "Directed"),
        this.check(type, "cross_document", f("cross"), "Across documents of a story"),
        this.rowButtons("relation type", type.key || "(new)", index, () => this.form.relations, (rows) => (this.form.relations = rows), "add-relation"),
      ),
      el("div", { class: "ends" }, this.labelChoice(type, "from", "From labels", `${path}.from_labels`), this.labelChoice(type, "to", "To labels", `${path}.to_labels`)),
    );
  }

  stanceRows() {
    const stance = this.form.stance;
    const targets = el("div", { class: "sub" }, el("h3", { text: "Targets (actors, topics)" }), el("p", { class: "problem", "data-path": "stance.targets", hidden: true }));
    stance.targets.forEach((target, i) => {
      const path = `stance.targets[${i}]`;
      targets.append(
        el(
          "div",
          { class: "compact-row row-fields" },
          this.field(`f-${target.id}-key`, "Target key", this.text(target, "key", { size: 12 }), `${path}.key`),
          this.field(`f-${target.id}-name`, "Name", this.text(target, "name", { maxlength: 200, size: 24 }), `${path}.name`),
          this.rowButtons("target", target.key || "(new)", i, () => stance.targets, (rows) => (stance.targets = rows), "add-target"),
        ),
      );
    });
    targets.append(this.addButton("add-target", "Add a target", () => stance.targets, (rows) => (stance.targets = rows), newTarget));
    const values = el("div", { class: "sub" }, el("h3", { text: "Values, in order" }), el("p", { class: "problem", "data-path": "stance.values", hidden: true }));
    stance.values.forEach((value, i) => {
      values.append(
        el(
          "div",
          { class: "compact-row row-fields" },
          this.field(`f-${value.id}-key`, `Value ${i + 1}`, this.text(value, "key", { size: 13 }), `stance.values[${i}]`),
          this.rowButtons("value", value.key || "(new)", i, () => stance.values, (rows) => (stance.values = rows), "add-value"),
        ),
      );
    });
    values.append(this.addButton("add-value", "Add a value", () => stance.values, (rows) => (stance.values = rows), newValue));
    values.append(this.check(stance, "ordered", "f-stance-ordered", "The values are in order (agreement is then ordinal)"));
    const who = el(
      "div",
      { class: "ends" },
      this.labelChoice(stance, "holders", "Held by spans labelled", "stance.holder_labels"),
      this.labelChoice(stance, "objects", "About spans labelled", "stance.object_labels"),
    );
    return el("div", {}, who, targets, values);
  }

  addButton(id, text, get, set, make) {
    return el(
      "button",
      {
        type: "button",
        id,
        onclick: () => {
          const row = make();
          set([...get(), row]);
          this.changed(`f-${row.id}-key`);
        },
      },
      text,
    );
  }

  questionRow(question, index) {
    const path = `document_questions[${index}]`;
    const f = (prop) => `f-${question.id}-${prop}`;
    const type = el("select", {
      onchange: (event) => {
        question.type = event.target.value;
        this.changed(f("type"));
      },
    });
    for (const kind of QUESTION_TYPES) type.append(el("option", { value: kind, selected: kind === question.type, text: TYPE_NAMES[kind] }));
    return el(
      "fieldset",
      { class: "schema-row question-row" },
      el("legend", { text: `Question ${index + 1}` }),
      el(
        "div",
        { class: "row-fields" },
        this.field(f("key"), "Key", this.text(question, "key", { size: 12, onInput: () => this.renderChecks() }), `${path}.key`),
        this.field(f("text"), "Question", this.text(question, "text", { maxlength: 1000, size: 30, onInput: () => this.renderChecks() }), `${path}.text`, "field wide"),
        this.field(f("type"), "Answer", type, `${path}.type`),
        this.check(question, "per_target", f("per-target"), "Asked for each stance target"),
        question.type === "single" ? this.check(question, "ordered", f("ordered"), "Choices in order") : null,
        this.rowButtons("question", question.key || "(new)", index, () => this.form.questions, (rows) => (this.form.questions = rows), "add-question"),
      ),
      this.choices(question, f("choices"), `${path}.choices`),
    );
  }

  /** Show `problems` (path -> message) at their fields; returns the paths no field shows. */
  showProblems(problems) {
    const shown = new Set();
    for (const line of this.root.querySelectorAll(".problem[data-path]")) {
      const message = problems[line.dataset.path];
      line.textContent = message || "";
      line.hidden = !message;
      const input = line.dataset.for ? document.getElementById(line.dataset.for) : null;
      if (input && message) input.setAttribute("aria-invalid", "true");
      else if (input) input.removeAttribute("aria-invalid");
      if (message) shown.add(line.dataset.path);
      if (message && !input && this.undo) line.append(" ", this.undoButton(line));
    }
    return Object.keys(problems).filter((path) => !shown.has(path));
  }

  /** Beside a section's problem (a refused removal, say): put back what the last remove took. */
  undoButton(line) {
    const undo = this.undo;
    const restore = () => {
      line.hidden = true;
      this.render(undo.form, undo.focus);
      this.changed();
    };
    return el("button", { type: "button", class: "small", onclick: restore }, "Undo remove");
  }
}
