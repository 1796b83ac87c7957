// A span's text shortened for one line of the panel or a message. Pure.

const EXCERPT = 60;

/** The text on one line (runs of white space become one space), cut to 60 characters. */
export function excerpt(text) {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat;
}
