// The source forms of the registry page (sources.js): the aliases a form adds to and removes
// from (an input, "Add alias" or Enter, a list with a remove button per alias), reading a
// form's values, and the server's errors shown under their fields.

import { el } from "./dom.js";
import { aliasAdded, aliasRemoved } from "./source_registry_model.js";

const FIELDS = ["name", "affiliation", "kind"];

export class AliasList {
  /** @param {string} prefix the ids' prefix ("add", "edit"): see source_aliases_field.html */
  constructor(prefix, nameField) {
    this.input = document.getElementById(`${prefix}-alias`);
    this.error = document.getElementById(`${prefix}-alias-error`);
    this.list = document.getElementById(`${prefix}-alias-list`);
    this.nameField = nameField;
    this.prefix = prefix;
    this.aliases = [];
    document.getElementById(`${prefix}-alias-add`).addEventListener("click", () => this.addTyped());
    this.input.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      event.preventDefault(); // Enter adds the alias; it does not send the form
      this.addTyped();
    });
    this.input.addEventListener("input", () => this.showError(""));
  }

  set(aliases) {
    this.aliases = [...aliases];
    this.input.value = "";
    this.showError("");
    this.render();
  }

  /** The aliases, with what is typed but not added yet added too (nobody loses it). */
  values() {
    if (!this.input.value.trim()) return this.aliases;
    const { aliases, error } = aliasAdded(this.aliases, this.input.value, this.nameField.value);
    return error ? this.aliases : aliases;
  }

  addTyped() {
    const { aliases, error } = aliasAdded(this.aliases, this.input.value, this.nameField.value);
    if (error) {
      this.showError(error);
      this.input.focus();
      return;
    }
    this.aliases = aliases;
    this.input.value = "";
    this.render();
    this.input.focus();
  }

  showError(text) {
    this.error.textContent = text;
    if (text) this.input.setAttribute("aria-invalid", "true");
    else this.input.removeAttribute("aria-invalid");
  }

  render() {
    this.list.replaceChildren(
      ...this.aliases.map((alias, index) => {
        const remove = el("button", {
          type: "button",
          class: "small",
          "aria-label": `Remove alias ${alias}`,
          text: "×",
          onclick: () => {
            this.aliases = aliasRemoved(this.aliases, index);
            this.render();
            const next = this.list.querySelectorAll("button")[Math.min(index, this.aliases.length - 1)];
            (next || this.input).focus();
          },
        });
        return el("li", { class: "alias" }, el("span", { text: alias }), remove);
      }),
    );
  }
}

/** The values of a source form with the prefix's fields. */
export function formValues(prefix, aliases) {
  const value = (name) => document.getElementById(`${prefix}-${name}`).value;
  return { name: value("name"), kind: value("kind"), affiliation: value("affiliation"), aliases: aliases.values() };
}

/** Fill a form's fields from an entry. */
export function fillForm(prefix, entry, aliases) {
  for (const name of FIELDS) document.getElementById(`${prefix}-${name}`).value = entry[name] ?? "";
  aliases.set(entry.aliases || []);
}

export function clearErrors(prefix) {
  for (const name of ["name", "affiliation"]) {
    document.getElementById(`${prefix}-${name}`).removeAttribute("aria-invalid");
    document.getElementById(`${prefix}-${name}-error`).textContent = "";
  }
}

/** Show errors by field name under their fields; true when one was shown (its field has the
 * focus). Errors about aliases go under the aliases. */
export function showFieldErrors(prefix, errors) {
  let first = null;
  for (const [name, messages] of Object.entries(errors || {})) {
    const text = [messages].flat().join(" ");
    const field = name.startsWith("aliases") ? "alias" : name;
    const box = document.getElementById(`${prefix}-${field}-error`);
    if (!box) continue;
    box.textContent = text;
    const input = document.getElementById(`${prefix}-${field}`);
    input?.setAttribute("aria-invalid", "true");
    first = first || input;
  }
  first?.focus();
  return Boolean(first);
}
