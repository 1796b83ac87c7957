// node --test: the documents page's pure part: the list's query, the edit form's changes,
// field errors, the ordered selection and the pager's words.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  PAGE_SIZE,
  changesFrom,
  dayOf,
  fieldErrors,
  formValues,
  listPath,
  pageCount,
  pageSummary,
  toggled,
} from "../../frontend/static/frontend/js/document_list_model.js";

const row = {
  id: 7,
  title: "-",
  outlet: null,
  story_name: "Talks",
  published_at: "2024-05-01T00:00:00Z",
  url: "",
  language: "en",
};

test("the list path carries the page, its size and only the filters given", () => {
  assert.equal(listPath(3, { page: 2 }), `projects/3/documents/?page=2&page_size=${PAGE_SIZE}`);
  assert.equal(
    listPath(3, { q: "  ceasefire ", story: "9", page: 1 }),
    `projects/3/documents/?page=1&page_size=${PAGE_SIZE}&q=ceasefire&story=9`,
  );
});

test("the form shows a row's metadata with the date as a day", () => {
  assert.deepEqual(formValues(row), {
    title: "-",
    outlet: "",
    story: "Talks",
    published_at: "2024-05-01",
    url: "",
    language: "en",
  });
  assert.equal(dayOf(null), "");
});

test("only the changed fields are sent, trimmed, a day as midnight UTC", () => {
  const values = { ...formValues(row), title: " Talks stall ", outlet: "NYT", published_at: "2024-05-02" };
  assert.deepEqual(changesFrom(row, values), {
    title: "Talks stall",
    outlet: "NYT",
    published_at: "2024-05-02T00:00:00Z",
  });
  assert.deepEqual(changesFrom(row, formValues(row)), {});
});

test("an emptied date is sent as null and an emptied story as the empty string", () => {
  assert.deepEqual(changesFrom(row, { ...formValues(row), published_at: "", story: "" }), {
    published_at: null,
    story: "",
  });
});

test("field errors join the server's lists", () => {
  assert.deepEqual(fieldErrors({ title: ["This field may not be blank."], story: "2 links" }), {
    title: "This field may not be blank.",
    story: "2 links",
  });
  assert.deepEqual(fieldErrors(undefined), {});
});

test("the selection keeps the order documents were ticked in", () => {
  let selection = toggled([], 5, true);
  selection = toggled(selection, 2, true);
  selection = toggled(selection, 9, true);
  selection = toggled(selection, 2, false);
  assert.deepEqual(toggled(selection, 2, true), [5, 9, 2]);
});

test("the pager names the documents shown and the number of pages", () => {
  assert.equal(pageSummary(0, 1), "No documents.");
  assert.equal(pageSummary(120, 3), `Documents ${2 * PAGE_SIZE + 1}–120 of 120`);
  assert.equal(pageCount(0), 1);
  assert.equal(pageCount(PAGE_SIZE + 1), 2);
});
