// Pure logic of the workspace's source linker (source_linker.js): which attribute of a label
// holds the registry link, the combobox's options (entries suggested by alias for the span's
// text first, then the entries matching what is typed, then "Create “…” as a new source"),
// moving the active option with the keys, and the body of a source made from a span.
// No DOM here (tests/frontend/source_linker_model.test.mjs).

import { aliasFolded, kindName } from "./source_registry_model.js";

export const MATCHES_SHOWN = 8; // typed matches listed after the suggestions

/** The attribute spec of type "registry" of a label spec (the first one), or null. */
export function registryAttribute(labelSpec) {
  return (labelSpec?.attributes || []).find((attribute) => attribute.type === "registry") || null;
}

/**
 * The combobox's options, in order, each {id, kind, entry?, name, detail}:
 * kind "suggested" (from the suggest call: {entry, score, matched}), "match" (an entry whose
 * name or alias holds the typed words; one already suggested is not listed again), and last
 * "create" (a new source named by the typed words, or by the span's text when nothing is
 * typed), left out when an entry listed already has exactly that name.
 */
export function linkerOptions({ suggestions = [], matches = [], query = "", spanText = "" }) {
  const options = [];
  const seen = new Set();
  for (const { entry, score, matched } of suggestions) {
    if (seen.has(entry.key)) continue;
    seen.add(entry.key);
    const why = matched && aliasFolded(matched) !== aliasFolded(entry.name) ? `as “${matched}”, ` : "";
    options.push({ id: `entry-${entry.key}`, kind: "suggested", entry, name: entry.name, detail: `suggested ${why}${Math.round(score * 100)}% match` });
  }
  for (const entry of matches) {
    if (options.length - suggestions.length >= MATCHES_SHOWN) break;
    if (seen.has(entry.key)) continue;
    seen.add(entry.key);
    options.push({ id: `entry-${entry.key}`, kind: "match", entry, name: entry.name, detail: [kindName(entry.kind), entry.affiliation].filter(Boolean).join(" · ") });
  }
  const name = String(query).replace(/\s+/g, " ").trim() || String(spanText).replace(/\s+/g, " ").trim();
  const taken = options.some((option) => aliasFolded(option.name) === aliasFolded(name));
  if (name && !taken) options.push({ id: "create", kind: "create", name, detail: "a new registry entry" });
  return options;
}

/** What an option reads as in the list (and to a screen reader). */
export function optionWords(option) {
  if (option.kind === "create") return `Create “${option.name}” as a new source`;
  return option.name;
}

/** The active option's index after a key (-1: none active), wrapping at both ends; null for
 * a key that does not move it. */
export function movedActive(index, count, key) {
  if (!count) return -1;
  if (key === "ArrowDown") return index < 0 || index >= count - 1 ? 0 : index + 1;
  if (key === "ArrowUp") return index <= 0 ? count - 1 : index - 1;
  if (key === "Home") return 0;
  if (key === "End") return count - 1;
  return null;
}

/** The registry kind a new source starts with, from the SOURCE span's source_type. */
export function kindFromSourceType(sourceType) {
  if (sourceType === "named_person") return "named_person";
  if (sourceType === "named_organization" || sourceType === "named_organisation") return "named_organisation";
  if (sourceType === "anonymous_official") return "anonymous_official";
  return "other";
}

/** The body that creates a source named `name` from a span: the span's own wording is kept
 * as an alias when it differs from the name. */
export function createBody(name, spanText, sourceType) {
  const text = String(spanText || "").replace(/\s+/g, " ").trim();
  const aliases = text && aliasFolded(text) !== aliasFolded(name) ? [text] : [];
  return { name, kind: kindFromSourceType(sourceType), affiliation: "", aliases };
}

/** What the panel says about a span's link: the entry's name and kind, the bare key while
 * the registry loads (or when the key is not in it), or that there is no link. */
export function linkWords(key, entry) {
  if (!key) return "Not linked to the registry.";
  if (!entry) return `Linked to “${key}”.`;
  return `Linked to ${entry.name} (${kindName(entry.kind)}).`;
}
