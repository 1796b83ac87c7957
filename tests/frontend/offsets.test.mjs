// node --test: the UTF-16 <-> code-point module.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  OffsetMap,
  codePointToUtf16,
  utf16ToCodePoint,
} from "../../frontend/static/frontend/js/offsets.js";

test("plain ASCII maps one to one", () => {
  const map = new OffsetMap("said the minister");
  assert.equal(map.toCodePoint(5), 5);
  assert.equal(map.toUtf16(17), 17);
});

test("an emoji before a word shifts UTF-16 by one per emoji", () => {
  const text = "😀 hello";
  assert.equal(text.indexOf("hello"), 3);
  assert.equal(utf16ToCodePoint(text, 3), 2);
  assert.equal(codePointToUtf16(text, 2), 3);
});

test("a ZWJ family emoji counts each code point", () => {
  const text = "👨‍👩‍👧 x";
  // 3 emoji (2 units each) + 2 ZWJ (1 unit each) = 8 units, 5 code points
  assert.equal(utf16ToCodePoint(text, text.indexOf("x")), [..."👨‍👩‍👧 "].length);
});

test("combining marks are code points of their own", () => {
  const text = "e\u0301cole";
  assert.equal(utf16ToCodePoint(text, 2), 2);
});

test("an index inside a surrogate pair is refused", () => {
  assert.throws(() => utf16ToCodePoint("😀", 1), RangeError);
});

test("RTL text converts like any other", () => {
  const text = "שלום 😀 world";
  assert.equal(utf16ToCodePoint(text, text.indexOf("world")), 7);
});

test("round trip over every boundary of a mixed text", () => {
  const text = "a😀b\u0301 ש 👍🏽!";
  const map = new OffsetMap(text);
  for (let p = 0; p <= map.length; p++) {
    assert.equal(map.toCodePoint(map.toUtf16(p)), p);
  }
  assert.equal(map.length, [...text].length);
});
