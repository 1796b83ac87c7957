// The document text with its zones and spans, drawn once as segments (segments.js) with
// stacked underlines (levels.js), and the DOM selection read back as code points through
// offsets.js, the one module that converts. Each segment element knows its UTF-16 start
// (data-s), so nothing is ever counted from the DOM's text.

import { assignLevels } from "./levels.js";
import { OffsetMap } from "./offsets.js";
import { buildSegments } from "./segments.js";

const BAND = 4; // px per underline level: 3 px of colour, 1 px of gap
const QUIET_LEVELS = 4; // up to this many levels fit the normal line height

export class TextView {
  /**
   * @param {HTMLElement} container
   * @param {string} text the stored document text
   * @param {{kind: string, start: number, end: number}[]} zones code points
   * @param {Map<string, {name: string, color: string, letter: string}>} labels
   */
  constructor(container, text, zones, labels) {
    this.container = container;
    this.text = text;
    this.map = new OffsetMap(text);
    this.labels = labels;
    this.zones = zones.map((zone) => ({
      kind: zone.kind,
      start: this.map.toUtf16(zone.start),
      end: this.map.toUtf16(zone.end),
    }));
    this.segmentStarts = []; // UTF-16 start of each drawn segment, ascending
    this.segmentNodes = [];
    container.classList.add("doc-text");
  }

  /**
   * Draw the text.
   * @param {object} view
   * @param {{key: string, label: string, start: number, end: number, fragments: number[][]|null}[]} view.spans
   * @param {{key: string, label: string, start: number, end: number, fragments: number[][]|null}[]} view.suggestions
   * @param {string|null} view.selected the selected span's or suggestion's key
   * @param {Set<string>} view.related keys of spans linked to the selected one
   */
  render({ spans, suggestions = [], selected = null, related = new Set() }) {
    const toUnit = (point) => this.map.toUtf16(point);
    const pieces = []; // one per fragment: {start, end, owner (index into items)}
    const items = [...spans.map((s) => ({ span: s, suggestion: false })), ...suggestions.map((s) => ({ span: s, suggestion: true }))];
    items.forEach((item, owner) => {
      const parts = item.span.fragments || [[item.span.start, item.span.end]];
      for (const [a, b] of parts) pieces.push({ start: toUnit(a), end: toUnit(b), owner });
    });
    const levels = assignLevels(spans.map((s) => ({ start: toUnit(s.start), end: toUnit(s.end) })));
    const maxLevel = levels.length ? Math.max(...levels) : -1;
    const cuts = this.zones.flatMap((zone) => [zone.start, zone.end]);
    const segments = buildSegments(this.text.length, pieces, cuts);
    const dimming = selected !== null;
    const fragment = document.createDocumentFragment();
    const starts = [];
    const nodes = [];
    let zoneIndex = 0;
    for (const segment of segments) {
      while (zoneIndex < this.zones.length && this.zones[zoneIndex].end <= segment.start) zoneIndex += 1;
      const zone = this.zones[zoneIndex];
      const element = document.createElement("span");
      element.className = "seg";
      element.dataset.s = String(segment.start);
      if (zone && zone.start <= segment.start) element.classList.add(`z-${zone.kind}`);
      element.append(this.text.slice(segment.start, segment.end));
      if (segment.covering.length) {
        this.decorate(element, segment, pieces, items, levels, { selected, related, dimming });
      }
      fragment.append(element);
      starts.push(segment.start);
      nodes.push(element);
    }
    this.container.replaceChildren(fragment);
    this.container.classList.toggle("tall", maxLevel >= QUIET_LEVELS);
    this.container.style.setProperty("--levels", String(Math.max(0, maxLevel + 1)));
    this.segmentStarts = starts;
    this.segmentNodes = nodes;
  }

  decorate(element, segment, pieces, items, levels, { selected, related, dimming }) {
    const shadows = [];
    const names = [];
    const letters = [];
    const keys = [];
    let suggestion = null;
    let top = null; // the innermost own span: what a click selects
    const byLevel = new Map();
    for (const pieceIndex of segment.covering) {
      const piece = pieces[pieceIndex];
      const item = items[piece.owner];
      const label = this.labels.get(item.span.label) || { name: item.span.label, color: "#555", letter: "?" };
      keys.push(item.span.key);
      if (item.suggestion) {
        suggestion = suggestion || { item, label };
        names.push(`${label.name} (suggested)`);
        continue;
      }
      names.push(label.name);
      const level = levels[piece.owner];
      byLevel.set(level, { item, label });
      if (top === null || level > top.level) top = { level, key: item.span.key };
      if (piece.start === segment.start && piece.start === this.map.toUtf16(item.span.start)) {
        letters.push(label.letter);
      }
    }
    if (byLevel.size) {
      const deepest = Math.max(...byLevel.keys());
      for (let level = 0; level <= deepest; level++) {
        const entry = byLevel.get(level);
        let color = "var(--paper-text)";
        if (entry) {
          const key = entry.item.span.key;
          const quiet = dimming && key !== selected && !related.has(key);
          color = quiet ? `${entry.label.color}40` : entry.label.color;
        }
        shadows.push(`0 ${BAND * level + 3}px 0 0 ${color}`, `0 ${BAND * level + 4}px 0 0 var(--paper-text)`);
      }
      element.style.boxShadow = shadows.join(", ");
      element.classList.add("has-span");
    }
    if (suggestion) {
      element.classList.add("suggested");
      element.style.textDecorationColor = suggestion.label.color;
    }
    if (letters.length) element.dataset.letters = letters.join("");
    element.title = names.join(" · ");
    element.dataset.keys = keys.join(" ");
    element.dataset.top = top ? top.key : suggestion.item.span.key;
    if (keys.includes(selected)) element.classList.add("selected");
    else if (keys.some((key) => related.has(key))) element.classList.add("related");
  }

  /** The DOM selection inside the text as code points, or null (none, or collapsed). */
  selectionRange() {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    if (!this.container.contains(range.commonAncestorContainer)) return null;
    const a = this.unitAt(range.startContainer, range.startOffset);
    const b = this.unitAt(range.endContainer, range.endOffset);
    if (a === null || b === null || b <= a) return null;
    return { start: this.pointAtOrAfter(a), end: this.pointAtOrAfter(b) };
  }

  /** A DOM position (node, offset) as a UTF-16 index into the text. */
  unitAt(node, offset) {
    if (node.nodeType === Node.TEXT_NODE) {
      const segment = node.parentElement?.closest(".seg");
      if (!segment || !this.container.contains(segment)) return null;
      return Number(segment.dataset.s) + offset;
    }
    if (node === this.container) {
      return offset < this.segmentNodes.length ? this.segmentStarts[offset] : this.text.length;
    }
    const segment = node.closest?.(".seg");
    if (segment && this.container.contains(segment)) {
      const start = Number(segment.dataset.s);
      return offset === 0 ? start : start + segment.textContent.length;
    }
    return null;
  }

  /** A UTF-16 index inside a surrogate pair moves to the character's end. */
  pointAtOrAfter(unit) {
    try {
      return this.map.toCodePoint(unit);
    } catch {
      return this.map.toCodePoint(unit + 1);
    }
  }

  /** Show [start, end) (code points) as the page's selection, e.g. after shift+arrows. */
  showSelection(start, end) {
    const a = this.domPoint(this.map.toUtf16(start));
    const b = this.domPoint(this.map.toUtf16(end));
    if (!a || !b) return;
    window.getSelection().setBaseAndExtent(a.node, a.offset, b.node, b.offset);
    a.node.parentElement?.scrollIntoView({ block: "nearest" });
  }

  /** The text node and offset of a UTF-16 index (binary search over segment starts). */
  domPoint(unit) {
    const starts = this.segmentStarts;
    if (!starts.length) return null;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= unit) low = middle;
      else high = middle - 1;
    }
    const element = this.segmentNodes[low];
    return { node: element.firstChild, offset: unit - starts[low] };
  }

  /** Scroll the first segment of a span into view. */
  reveal(span) {
    const point = this.domPoint(this.map.toUtf16(span.start));
    point?.node.parentElement?.scrollIntoView({ block: "nearest" });
  }

  /** The key of the innermost span under a clicked element, or null. */
  keyAt(element) {
    const segment = element.closest?.(".seg");
    return segment && segment.dataset.top ? segment.dataset.top : null;
  }
}
