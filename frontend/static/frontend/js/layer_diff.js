// Two layers side by side: which of the curation view's units only layer A made, only
// layer B made, and both made (by the same matching the view grouped them with; a unit
// both made but not alike, e.g. other attributes, is in both and marked `differs`).
// "gold" can be either layer: its units are those in gold. Pure.

import { canonical } from "./curate_model.js";

/** The layers a unit is in: the layers that made it, and "gold" when it is in gold. */
export function layersOf(unit) {
  return unit.state === "gold" ? [...unit.layers, "gold"] : [...unit.layers];
}

function rowOf(unit, layer) {
  if (layer === "gold") return unit.gold;
  const member = unit.members.find((m) => m.layer === layer);
  return member ? member.row : null;
}

/** Whether A's and B's rows of a unit they both have differ in what a reviewer keeps
 * (label, boundaries, attributes, type, value); ids and provenance do not count. */
export function rowsDiffer(a, b) {
  const kept = (row) => {
    const { id, provenance, text, source, target, holder, object, ...rest } = row || {};
    return canonical(rest);
  };
  return kept(a) !== kept(b);
}

/**
 * @param {object[]} items the view's units, or the page's listed items (each with its
 *   unit as `unit`)
 * @returns {{onlyA: object[], onlyB: object[], both: object[]}} the items, in their order;
 *   items in `both` carry `differs`
 */
export function diffLayers(items, a, b) {
  const onlyA = [];
  const onlyB = [];
  const both = [];
  for (const item of items) {
    const unit = "members" in item ? item : item.unit;
    const layers = layersOf(unit);
    const inA = layers.includes(a);
    const inB = layers.includes(b);
    if (inA && inB) both.push({ ...item, differs: rowsDiffer(rowOf(unit, a), rowOf(unit, b)) });
    else if (inA) onlyA.push(item);
    else if (inB) onlyB.push(item);
  }
  return { onlyA, onlyB, both };
}

/** The layers a diff can compare: the view's layers, and gold when there is a gold set. */
export function diffChoices(view) {
  return [...view.layers.map((layer) => layer.name), ...(view.gold ? ["gold"] : [])];
}
