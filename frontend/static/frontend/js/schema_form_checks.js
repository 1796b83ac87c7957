// The schema form's submit checks (annotations/schema_checks.py): what the workspace warns
// of before a submission. Each row: the kind, the label and relation type (a span of the
// label must start such a relation) or the question (it must be answered), whether the
// check is on, and the message annotators read (blank: a generated one). Drawn by
// SchemaForm (schema_form.js), whose building blocks it uses.

import { el } from "./dom.js";
import { CHECK_KINDS } from "./schema_editor_model.js";

const KIND_NAMES = { require_relation: "a span of a label starts a relation", require_answer: "a question is answered" };

/** A select of `rows` (by row id) for `check[prop]`, with an empty first option. */
function rowSelect(view, check, prop, rows, nameOf) {
  const select = el("select", {
    onchange: (event) => {
      check[prop] = event.target.value || null;
      view.changed();
    },
  });
  select.append(el("option", { value: "", text: "—" }));
  for (const row of rows) select.append(el("option", { value: row.id, selected: row.id === check[prop], text: nameOf(row) }));
  return select;
}

/** The rows of every submit check. */
export function checkRows(view) {
  const form = view.form;
  return form.checks.map((check, index) => {
    const path = `submit_checks[${index}]`;
    const f = (prop) => `f-${check.id}-${prop}`;
    const kind = el("select", {
      onchange: (event) => {
        check.kind = event.target.value;
        view.changed(f("kind"));
      },
    });
    for (const name of CHECK_KINDS) kind.append(el("option", { value: name, selected: name === check.kind, text: KIND_NAMES[name] }));
    const what =
      check.kind === "require_answer"
        ? [view.field(f("question"), "Question", rowSelect(view, check, "question", form.questions, (q) => q.text || q.key || "(new)"), `${path}.question`)]
        : [
            view.field(f("label"), "Label", rowSelect(view, check, "label", form.labels, (l) => l.name || l.key || "(new)"), `${path}.label`),
            view.field(f("relation"), "Relation type", rowSelect(view, check, "relation", form.relations, (r) => r.name || r.key || "(new)"), `${path}.relation`),
          ];
    return el(
      "fieldset",
      { class: "schema-row check-row" },
      el("legend", { text: `Check ${index + 1}` }),
      el(
        "div",
        { class: "row-fields" },
        view.field(f("kind"), "Warn unless", kind, `${path}.kind`),
        ...what,
        view.check(check, "enabled", f("enabled"), "On"),
        view.rowButtons("check", String(index + 1), index, () => view.form.checks, (rows) => (view.form.checks = rows), "add-check"),
      ),
      view.field(f("message"), "Message (blank: a generated one)", view.text(check, "message", { maxlength: 300, size: 60 }), `${path}.message`, "field wide"),
    );
  });
}
