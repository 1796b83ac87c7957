// Relations drawn in the text, as brat and Label Studio draw them: an arc from a span to
// the span it is linked to, above the line, labelled with the relation's name, with an
// arrowhead at the target of a directed type. An SVG overlay over the document column
// (pointer-events: none, so the text stays selectable and clickable under it).
//
// Cheap on long documents: only relations with an end near the viewport are drawn, redrawn
// on the next animation frame after an edit, a scroll or a resize (at most once a frame).
// Arcs over the same stretch of a line stack (arc_layout.js). Links into another document
// stay in the side panel. Shown or hidden with `r` or the panel's checkbox; the choice is
// remembered in this browser.

import { layoutArcs } from "./arc_layout.js";
import { relationName, relationType } from "./span_options.js";

const SVG = "http://www.w3.org/2000/svg";
const SETTING = "claimlens.relationArcs";
const MARGIN = 300; // px beyond the viewport where ends still count as near
const LETTER = 6; // px: a label letter's width at most (10 px bold system font), never measured

export class RelationArcs {
  /**
   * @param {object} ws the workspace (its mode, view, state, schema and selection)
   * @param {HTMLInputElement|null} checkbox the panel's "Relation arcs" toggle
   */
  constructor(ws, checkbox) {
    this.ws = ws;
    this.checkbox = checkbox;
    this.on = readSetting();
    this.frame = null;
    this.highest = 1; // the highest arc level the lines have room for
    this.svg = svgElement("svg", { class: "relation-arcs", "aria-hidden": "true" });
    this.column = ws.textBox.closest(".document");
    this.column.classList.add("with-arcs");
    this.column.classList.toggle("arcs-on", this.on); // taller lines leave the arcs room
    this.column.append(this.svg);
    if (checkbox) {
      checkbox.checked = this.on;
      checkbox.addEventListener("change", () => this.set(checkbox.checked));
    }
    window.addEventListener("scroll", () => this.schedule(), { passive: true });
    window.addEventListener("resize", () => this.schedule());
  }

  /** `r`: show or hide, and say which. */
  toggle() {
    this.set(!this.on);
    this.ws.note(this.on ? "Relation arcs shown in the text." : "Relation arcs hidden (the side panel lists the relations).");
  }

  set(on) {
    this.on = on;
    this.column.classList.toggle("arcs-on", on);
    if (this.checkbox) this.checkbox.checked = on;
    try {
      globalThis.localStorage?.setItem(SETTING, on ? "on" : "off");
    } catch {
      // a browser that refuses storage forgets the choice: nothing else changes
    }
    this.schedule();
  }

  /** Draw on the next frame (once, however many times it is asked meanwhile). */
  schedule() {
    if (this.frame !== null) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.draw();
    });
  }

  draw() {
    const ws = this.ws;
    this.svg.replaceChildren();
    if (!this.on || ws.mode !== "edit" || !ws.view || !ws.state) return;
    const box = this.svg.getBoundingClientRect();
    const arcs = [];
    const relations = [];
    for (const relation of ws.state.relations) {
      if (typeof relation.source !== "string" || typeof relation.target !== "string") continue; // across documents
      const from = this.anchor(ws.state.span(relation.source), box);
      const to = this.anchor(ws.state.span(relation.target), box);
      if (!from || !to || (!from.near && !to.near)) continue;
      const labelWidth = relationName(ws.schema, relation.type).length * LETTER + 6;
      arcs.push({ key: relation.key, x1: from.x, y1: from.y, x2: to.x, y2: to.y, labelWidth });
      relations.push(relation);
    }
    if (!arcs.length) return;
    this.svg.append(arrowHead());
    const laid = layoutArcs(arcs);
    laid.forEach((arc, index) => this.svg.append(this.arcElement(arc, relations[index])));
    this.makeRoom(Math.max(...laid.map((arc) => arc.level)));
  }

  /** Lines have room for two levels of arcs; a higher stack makes every line taller by a
   * level each (workspace.css, --arc-levels), so no arc runs into the line above. The room
   * only grows while the page is open, so scrolling to fewer arcs never makes the text jump;
   * the arcs are drawn again at the lines' new height. */
  makeRoom(highest) {
    if (highest <= this.highest) return;
    this.highest = highest;
    this.column.style.setProperty("--arc-levels", String(highest));
    this.schedule();
  }

  /** The middle of the top of a span's first line, in the overlay's pixels, and whether
   * it is near the viewport; null when the span is not drawn. */
  anchor(span, box) {
    const view = this.ws.view;
    if (!span) return null;
    const [start, end] = span.fragments ? span.fragments[0] : [span.start, span.end];
    const a = view.domPoint(view.map.toUtf16(start));
    const b = view.domPoint(view.map.toUtf16(end));
    if (!a || !b) return null;
    const chunk = a.node.parentElement.closest(".chunk")?.getBoundingClientRect();
    const near = Boolean(chunk) && chunk.bottom > -MARGIN && chunk.top < window.innerHeight + MARGIN;
    const range = document.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    const rect = range.getClientRects()[0] || range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2 - box.left, y: rect.top - box.top + 2, near };
  }

  arcElement(arc, relation) {
    const ws = this.ws;
    const type = relationType(ws.schema, relation.type);
    const current = ws.selected !== null && (relation.source === ws.selected || relation.target === ws.selected);
    const group = svgElement("g", { class: `arc${current ? " current" : ""}`, "data-relation": relation.key, "data-source": relation.source, "data-target": relation.target });
    const path = svgElement("path", { d: arc.path, class: "arc-line" });
    if (type?.directed !== false) path.setAttribute("marker-end", "url(#arc-head)");
    const label = svgElement("text", { x: arc.labelX, y: arc.labelY, class: "arc-label", "text-anchor": "middle", "dominant-baseline": "middle" });
    label.textContent = relationName(ws.schema, relation.type);
    group.append(path, label);
    return group;
  }
}

function readSetting() {
  try {
    return globalThis.localStorage?.getItem(SETTING) !== "off";
  } catch {
    return true;
  }
}

function svgElement(tag, attributes = {}) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

function arrowHead() {
  const marker = svgElement("marker", { id: "arc-head", viewBox: "0 0 6 6", refX: "5", refY: "3", markerWidth: "6", markerHeight: "6", orient: "auto-start-reverse" });
  marker.append(svgElement("path", { d: "M 0 0 L 6 3 L 0 6 z", class: "arc-head" }));
  const defs = svgElement("defs");
  defs.append(marker);
  return defs;
}
