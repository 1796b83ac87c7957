import assert from "node:assert/strict";
import { test } from "node:test";

import { parseAt } from "../../frontend/static/frontend/js/workspace_at_model.js";

test("?at= gives a start and an end in code points", () => {
  assert.deepEqual(parseAt("10-42"), [10, 42]);
  assert.deepEqual(parseAt("0-1"), [0, 1]);
});

test("anything else is no place at all", () => {
  for (const value of [null, "", "42-10", "5-5", "a-b", "1-2-3", "-1-4", "1e3-2e3", "1234567890-1234567891"]) {
    assert.equal(parseAt(value), null, String(value));
  }
});
