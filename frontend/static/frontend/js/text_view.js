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
    this.chunks = null; // built on the first render
    this.drawn = false;
    container.classList.add("doc-text");
  }

  /**
   * Draw the text. The text is cut into chunks (one per line, each a block the browser
   * lays out only when it is near the viewport); a chunk is rebuilt only when what is
   * drawn over it changed, so an edit repaints the lines it touches, not the document.
   * Selection and dimming are classes and a CSS variable, never a rebuild.
   * @param {object} view
   * @param {{key: string, label: string, start: number, end: number, fragments: number[][]|null}[]} view.spans
   * @param {{key: string, label: string, start: number, end: number, fragments: number[][]|null}[]} view.suggestions
   * @param {string|null} view.selected the selected span's or suggestion's key
   * @param {Set<string>} view.related keys of spans linked to the selected one
   * @param {boolean} view.dim whether to dim the spans that are neither
   */
  render({ spans, suggestions = [], selected = null, related = new Set(), dim = true }) {
    const toUnit = (point) => this.map.toUtf16(point);
    if (!this.chunks) this.chunks = this.chunkBounds();
    const items = [
      ...spans.map((span) => ({ span, suggestion: false })),
      ...suggestions.map((span) => ({ span, suggestion: true })),
    ];
    const levels = assignLevels(spans.map((s) => ({ start: toUnit(s.start), end: toUnit(s.end) })));
    const pieces = []; // one per fragment, in UTF-16 units
    items.forEach((item, owner) => {
      const parts = item.span.fragments || [[item.span.start, item.span.end]];
      const spanStart = toUnit(item.span.start);
      for (const [a, b] of parts) {
        pieces.push({ start: toUnit(a), end: toUnit(b), owner, first: toUnit(a) === spanStart });
      }
    });
    pieces.sort((a, b) => a.start - b.start);
    const maxLevel = levels.length ? Math.max(...levels) : -1;
    const context = { items, levels };
    // A sweep over pieces sorted by start: `open` holds the pieces over the current chunk.
    let next = 0;
    let open = [];
    const children = [];
    for (const chunk of this.chunks) {
      open = open.filter((piece) => piece.end > chunk.start);
      while (next < pieces.length && pieces[next].start < chunk.end) {
        if (pieces[next].end > chunk.start) open.push(pieces[next]);
        next += 1;
      }
      const here = open;
      const signature = here
        .map((p) => {
          const item = items[p.owner];
          const level = item.suggestion ? "s" : levels[p.owner];
          return `${item.span.key}|${item.span.label}|${level}|${p.start}|${p.end}|${p.first}`;
        })
        .join(";");
      if (chunk.element === null || chunk.signature !== signature) {
        chunk.element = this.drawChunk(chunk, here, context);
        chunk.signature = signature;
      }
      children.push(chunk.element);
    }
    if (!this.drawn) {
      this.container.replaceChildren(...children);
      this.drawn = true;
    } else {
      this.swapChanged(children);
    }
    const depth = String(Math.max(0, maxLevel + 1));
    if (depth !== this.depth) {
      // only when it changes: a custom property on the container restyles every line
      this.container.classList.toggle("tall", maxLevel >= QUIET_LEVELS);
      this.container.style.setProperty("--levels", depth);
      this.depth = depth;
    }
    this.mark(selected, related, dim);
  }

  /** Chunks: one per line (each ends after its \n), with the segments drawn in it. */
  chunkBounds() {
    const chunks = [];
    let start = 0;
    while (start < this.text.length) {
      const newline = this.text.indexOf("\n", start);
      const end = newline === -1 ? this.text.length : newline + 1;
      chunks.push({ start, end, element: null, signature: null, starts: [], nodes: [] });
      start = end;
    }
    return chunks;
  }

  /** Replace the chunk elements that changed, leaving the others in place. */
  swapChanged(children) {
    const current = this.container.children;
    children.forEach((element, index) => {
      const old = current[index];
      if (old !== element) old.replaceWith(element);
    });
  }

  drawChunk(chunk, here, { items, levels }) {
    const local = here.map((p) => ({ start: p.start - chunk.start, end: p.end - chunk.start }));
    const cuts = [];
    for (const zone of this.zones) {
      if (zone.start > chunk.start && zone.start < chunk.end) cuts.push(zone.start - chunk.start);
      if (zone.end > chunk.start && zone.end < chunk.end) cuts.push(zone.end - chunk.start);
    }
    const segments = buildSegments(chunk.end - chunk.start, local, cuts);
    const block = document.createElement("div");
    block.className = "chunk";
    chunk.starts = [];
    chunk.nodes = [];
    let zoneIndex = 0;
    for (const segment of segments) {
      const start = chunk.start + segment.start;
      const end = chunk.start + segment.end;
      while (zoneIndex < this.zones.length && this.zones[zoneIndex].end <= start) zoneIndex += 1;
      const zone = this.zones[zoneIndex];
      const element = document.createElement("span");
      element.className = "seg";
      element.dataset.s = String(start);
      if (zone && zone.start <= start) element.classList.add(`z-${zone.kind}`);
      element.append(this.text.slice(start, end));
      if (segment.covering.length) {
        const covering = segment.covering.map((index) => here[index]);
        this.decorate(element, start, covering, items, levels);
      }
      block.append(element);
      chunk.starts.push(start);
      chunk.nodes.push(element);
    }
    return block;
  }

  decorate(element, start, covering, items, levels) {
    const names = [];
    const letters = [];
    const keys = [];
    let suggestion = null;
    let top = null; // the innermost own span: what a click selects
    const byLevel = new Map();
    for (const piece of covering) {
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
      byLevel.set(level, label.color);
      if (top === null || level > top.level) top = { level, key: item.span.key };
      if (piece.first && piece.start === start) letters.push(label.letter);
    }
    if (byLevel.size) {
      const shadows = [];
      const deepest = Math.max(...byLevel.keys());
      for (let level = 0; level <= deepest; level++) {
        const color = byLevel.get(level);
        const ink = color ? `color-mix(in srgb, ${color} var(--span-ink, 100%), transparent)` : "var(--paper-text)";
        shadows.push(`0 ${BAND * level + 3}px 0 0 ${ink}`, `0 ${BAND * level + 4}px 0 0 var(--paper-text)`);
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
  }

  /** Emphasise the selected span and the spans linked to it; dim the rest (CSS). */
  mark(selected, related, dim) {
    for (const element of this.marked || []) element.classList.remove("selected", "related");
    this.marked = [];
    this.container.classList.toggle("dimming", dim && selected !== null);
    const markKey = (key, name) => {
      for (const element of this.container.querySelectorAll(`[data-keys~="${CSS.escape(key)}"]`)) {
        if (!element.classList.contains("selected")) element.classList.add(name);
        this.marked.push(element);
      }
    };
    if (selected !== null) markKey(selected, "selected");
    for (const key of related) markKey(key, "related");
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

  /** Where a click left the caret (a collapsed selection in the text), in code points, or
   * null when the caret is elsewhere or text is selected. */
  caretPoint() {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || !selection.isCollapsed) return null;
    const unit = this.unitAt(selection.anchorNode, selection.anchorOffset);
    return unit === null ? null : this.pointAtOrAfter(Math.min(unit, this.text.length));
  }

  /** A DOM position (node, offset) as a UTF-16 index into the text. */
  unitAt(node, offset) {
    if (node.nodeType === Node.TEXT_NODE) {
      const segment = node.parentElement?.closest(".seg");
      if (!segment || !this.container.contains(segment)) return null;
      return Number(segment.dataset.s) + offset;
    }
    if (node === this.container) {
      const chunk = this.chunks?.[offset];
      return chunk ? chunk.start : this.text.length;
    }
    if (node.classList?.contains("chunk")) {
      const chunk = this.chunks.find((c) => c.element === node);
      if (!chunk) return null;
      return offset < chunk.starts.length ? chunk.starts[offset] : chunk.end;
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

  /** The text node and offset of a UTF-16 index (binary searches over chunks, segments). */
  domPoint(unit) {
    const chunks = this.chunks || [];
    if (!chunks.length) return null;
    const chunk = chunks[lastAtOrBefore(chunks.length, (i) => chunks[i].start <= unit)];
    const index = lastAtOrBefore(chunk.starts.length, (i) => chunk.starts[i] <= unit);
    const element = chunk.nodes[index];
    return { node: element.firstChild, offset: unit - chunk.starts[index] };
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

/** The last index in [0, length) for which `atOrBefore` holds (it holds for a prefix). */
function lastAtOrBefore(length, atOrBefore) {
  let low = 0;
  let high = length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (atOrBefore(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}
