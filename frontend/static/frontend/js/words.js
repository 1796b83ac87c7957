// Snapping a selection to whole words. Offsets here are code points over the text (an
// array of characters, as Array.from(text) gives). Pure.

const WORD = /[\p{L}\p{M}\p{N}\p{Pc}'’-]/u;
const SPACE = /\s/u;

/** True when the character is part of a word (letters, marks, digits, ' and -). */
export function isWordChar(char) {
  return char !== undefined && WORD.test(char);
}

/**
 * Trim spaces off both ends of [start, end), then widen it so no word is cut in two.
 * Punctuation and quote marks the person selected stay selected.
 * @param {string[]} chars the text as code points
 * @returns {{start: number, end: number}} unchanged when only spaces are selected
 */
export function snapToWords(chars, start, end) {
  let a = start;
  let b = end;
  while (a < b && SPACE.test(chars[a])) a += 1;
  while (b > a && SPACE.test(chars[b - 1])) b -= 1;
  if (a >= b) return { start, end };
  while (a > 0 && isWordChar(chars[a - 1]) && isWordChar(chars[a])) a -= 1;
  while (b < chars.length && isWordChar(chars[b]) && isWordChar(chars[b - 1])) b += 1;
  return { start: a, end: b };
}

/** The next word boundary from `position` in `direction` (code points). */
export function wordStep(chars, position, direction) {
  let p = position;
  if (direction > 0) {
    while (p < chars.length && !isWordChar(chars[p])) p += 1;
    while (p < chars.length && isWordChar(chars[p])) p += 1;
  } else {
    while (p > 0 && !isWordChar(chars[p - 1])) p -= 1;
    while (p > 0 && isWordChar(chars[p - 1])) p -= 1;
  }
  return p;
}
