// The curation view's side panel: the list of every unit, by section, and the selected
// unit with who made it and how, and its buttons. Drawn from the model (curate_model.js);
// user text goes in as textContent only (dom.js).

import { el } from "./dom.js";
import { SECTIONS, describeRow, layerShort } from "./curate_model.js";

/** A unit's standing as a badge pair: words, with the marks before them. */
function standingBadges(standing) {
  return el(
    "span",
    { class: "standing" },
    el("span", { class: `badge who ${standing.agreement.replace(" ", "-")}`, text: `${markOf(standing.agreement)} ${standing.agreement}` }),
    el("span", { class: `badge state ${standing.state.replace(" ", "-")}`, text: `${markOf(standing.state)} ${standing.state}`.trim() }),
  );
}

function markOf(word) {
  return { agreed: "=", disputed: "≠", "gold only": "+", "in gold": "✓", rejected: "✗" }[word] || "";
}

/**
 * The list of units, a heading per section that has any.
 * @param {HTMLElement} root
 * @param {object[]} listed from listedUnits
 * @param {string|null} selected the selected unit's key
 * @param {(key: string) => void} onSelect
 * @param {string} empty what to say when there is no unit
 */
export function drawUnitList(root, listed, selected, onSelect, empty = "No layer has units on this document.") {
  const parts = [];
  for (const section of SECTIONS) {
    const items = listed.filter((item) => item.section === section.key);
    if (!items.length) continue;
    const list = el("ul", { class: "unit-list" });
    for (const item of items) {
      const unit = item.unit;
      const who = unit.layers.length ? `by ${unit.layers.map(layerShort).join(", ")}` : "made in gold";
      const button = el(
        "button",
        {
          type: "button",
          class: `unit-item ${item.standing.agreement.replace(" ", "-")} state-${unit.state}`,
          dataset: { key: item.key },
          "aria-current": item.key === selected ? "true" : null,
          onclick: () => onSelect(item.key),
        },
        el("span", { class: "unit-text", text: item.text }),
        el("span", { class: "unit-meta" }, el("span", { class: "who-made", text: who }), standingBadges(item.standing)),
      );
      list.append(el("li", {}, button));
    }
    parts.push(el("h2", { text: `${section.title} (${items.length})` }), list);
  }
  if (!parts.length) parts.push(el("p", { class: "muted", id: "no-units", text: empty }));
  root.replaceChildren(...parts);
  const current = root.querySelector('[aria-current="true"]');
  if (current) scrollWithin(root.closest(".panel") || root, current);
}

/** Scroll `box` (only it, not the page) so that `item` is in view. */
function scrollWithin(box, item) {
  const outer = box.getBoundingClientRect();
  const inner = item.getBoundingClientRect();
  if (inner.top < outer.top) box.scrollTop -= outer.top - inner.top;
  else if (inner.bottom > outer.bottom) box.scrollTop += inner.bottom - outer.bottom;
}

function provenanceLine(row) {
  const provenance = row && row.provenance;
  if (!provenance) return "no provenance";
  const layers = (provenance.layers || []).map(layerShort).join(", ") || "no layer";
  return `${provenance.method} · ${layers}`;
}

/**
 * The selected unit: what it is, its standing, each layer's version with a button to accept
 * it as that layer made it, the gold row when it is in gold, and the unit's actions.
 * @param {object} actions {accept(), acceptAs(index), reject(), edit()}
 */
export function drawUnitDetail(root, item, context, actions) {
  if (!item) {
    root.replaceChildren(
      el("h2", { text: "Unit" }),
      el("p", { class: "muted", text: "Select a unit: click it in the text or the list, or press j." }),
    );
    return;
  }
  const unit = item.unit;
  const made = el("ol", { class: "members" });
  unit.members.forEach((member, index) => {
    made.append(
      el(
        "li",
        {},
        el("span", { class: "layer-name", text: layerShort(member.layer) }),
        el("span", { class: "member-row", text: describeRow(unit.kind, member.row, context) }),
        el(
          "button",
          { type: "button", class: "small", onclick: () => actions.acceptAs(index), "aria-label": `Accept as ${layerShort(member.layer)} made it` },
          "Accept this",
          index < 9 ? el("kbd", { text: String(index + 1) }) : null,
        ),
      ),
    );
  });
  const parts = [
    el("h2", { text: "Unit" }),
    el("p", { class: "unit-title", text: item.text }),
    standingBadges(item.standing),
  ];
  if (unit.members.length) parts.push(el("h3", { text: "Made by" }), made);
  if (unit.gold) {
    parts.push(
      el("h3", { text: "In gold" }),
      el("p", { class: "gold-row", text: describeRow(unit.kind, unit.gold, context) }),
      el("p", { class: "muted provenance", text: `Provenance: ${provenanceLine(unit.gold)}` }),
    );
  }
  parts.push(
    el(
      "div",
      { class: "row actions" },
      el("button", { type: "button", id: "accept", class: "primary", onclick: () => actions.accept() }, "Accept", el("kbd", { text: "a" })),
      el("button", { type: "button", id: "reject", onclick: () => actions.reject() }, "Reject", el("kbd", { text: "r" })),
      el("button", { type: "button", id: "edit", onclick: () => actions.edit() }, "Edit", el("kbd", { text: "e" })),
    ),
  );
  root.replaceChildren(...parts);
}

/** A checkbox per model layer there is (none: the box stays hidden); `onToggle(name, on)`. */
export function drawModelChoices(box, names, chosen, onToggle) {
  box.hidden = !names.length;
  if (!names.length) return;
  const choice = (name) =>
    el(
      "label",
      { class: "toggle" },
      el("input", { type: "checkbox", checked: chosen.includes(name), onchange: (event) => onToggle(name, event.target.checked) }),
      ` ${name}`,
    );
  box.replaceChildren("Models:", ...names.map(choice));
}

/** The key help, from the key table's entries (keys.js helpEntries). */
export function drawKeyHelp(box, entries) {
  const list = el("dl");
  for (const entry of entries) {
    const keys = el("dt");
    entry.keys.forEach((chord, i) => {
      if (i) keys.append(" / ");
      keys.append(el("kbd", { text: chord === "Escape" ? "Esc" : chord }));
    });
    list.append(keys, el("dd", { text: entry.does }));
  }
  const mouse = "With the mouse: click a span in the text or a unit in the list to select it; the buttons do what the keys do. While editing a span, select text in the document and use it as the span's new boundaries.";
  box.replaceChildren(el("h2", { text: "Keys" }), el("p", { class: "muted", text: mouse }), list);
}
