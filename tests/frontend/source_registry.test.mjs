import assert from "node:assert/strict";
import { test } from "node:test";

import {
  createBody,
  kindFromSourceType,
  linkWords,
  linkerOptions,
  movedActive,
  optionWords,
  registryAttribute,
} from "../../frontend/static/frontend/js/source_linker_model.js";
import {
  claimsByOutlet,
  claimsSummary,
  dateWords,
  layerWords,
  namingRows,
  workspaceLink,
} from "../../frontend/static/frontend/js/source_page_model.js";
import {
  aliasAdded,
  aliasRemoved,
  deleteRefusalWords,
  entriesFrom,
  entryBody,
  entrySummary,
  kindName,
  listPath,
  spansWords,
} from "../../frontend/static/frontend/js/source_registry_model.js";

const NETANYAHU = { id: 1, key: "netanyahu", name: "Benjamin Netanyahu", kind: "named_person", affiliation: "Israeli government", aliases: ["Netanyahu"], spans: 3 };
const WHITE_HOUSE = { id: 2, key: "white-house", name: "The White House", kind: "named_organisation", affiliation: "", aliases: [], spans: 0 };
const OFFICIAL = { id: 3, key: "us-official", name: "U.S. official", kind: "anonymous_official", affiliation: "United States", aliases: ["a senior U.S. official"], spans: 1 };

test("kinds read as words, and an unknown kind as it is", () => {
  assert.equal(kindName("named_organisation"), "named organisation");
  assert.equal(kindName("anonymous_official"), "anonymous official");
  assert.equal(kindName("mystery"), "mystery");
});

test("an alias is added once, whatever its case, spacing or quote marks", () => {
  let { aliases, error } = aliasAdded([], "  the  Prime Minister ");
  assert.deepEqual(aliases, ["the Prime Minister"]);
  assert.equal(error, undefined);
  ({ aliases, error } = aliasAdded(aliases, "THE PRIME “MINISTER”"));
  assert.deepEqual(aliases, ["the Prime Minister"]);
  assert.match(error, /already an alias/);
  assert.match(aliasAdded([], "   ").error, /Write the alias/);
  assert.match(aliasAdded([], "Netanyahu", "netanyahu").error, /the name itself/);
  assert.match(aliasAdded([], "x".repeat(201)).error, /at most 200/);
  assert.deepEqual(aliasRemoved(["a", "b", "c"], 1), ["a", "c"]);
});

test("a create body is trimmed, and a missing name or kind is named", () => {
  const made = entryBody({ name: "  Benjamin Netanyahu ", kind: "named_person", affiliation: " Israel ", aliases: ["Netanyahu"] });
  assert.deepEqual(made.body, { name: "Benjamin Netanyahu", kind: "named_person", affiliation: "Israel", aliases: ["Netanyahu"] });
  assert.deepEqual(entryBody({ name: " ", kind: "nothing" }).errors, { name: "Give the source a name.", kind: "Choose a kind." });
  assert.equal(entryBody({ name: "x", kind: "other", affiliation: "y".repeat(201) }).errors.affiliation, "An affiliation has at most 200 characters.");
});

test("the list is read from a plain list or a page, and searched by its words", () => {
  assert.deepEqual(entriesFrom([NETANYAHU]), [NETANYAHU]);
  assert.deepEqual(entriesFrom({ count: 1, results: [NETANYAHU] }), [NETANYAHU]);
  assert.deepEqual(entriesFrom(null), []);
  assert.equal(listPath(4), "projects/4/sources/");
  assert.equal(listPath(4, " U.S. & co "), "projects/4/sources/?q=U.S.%20%26%20co");
});

test("an entry reads in one line with its kind, affiliation and linked spans", () => {
  assert.equal(entrySummary(NETANYAHU), "named person · Israeli government · 3 linked spans");
  assert.equal(entrySummary(WHITE_HOUSE), "named organisation · not linked yet");
  assert.equal(spansWords(1), "1 linked span");
  assert.equal(spansWords(1200), "1,200 linked spans");
  assert.equal(spansWords(2, true), "2 of your spans linked");
  assert.equal(spansWords(0, true), "none of your spans linked");
  assert.equal(entrySummary(WHITE_HOUSE, true), "named organisation · none of your spans linked");
});

test("a refused delete says which entry and why", () => {
  const refusal = { status: 409, message: "3 spans are linked to this source." };
  assert.equal(deleteRefusalWords(NETANYAHU, refusal), "“Benjamin Netanyahu” is not deleted: 3 spans are linked to this source.");
  assert.equal(deleteRefusalWords(NETANYAHU, { status: 403, message: "Managers and reviewers only." }), "Managers and reviewers only.");
});

test("the registry attribute of a label is the one of type registry", () => {
  const source = { key: "SOURCE", attributes: [{ key: "source_type", type: "choice" }, { key: "entry", type: "registry" }] };
  assert.equal(registryAttribute(source).key, "entry");
  assert.equal(registryAttribute({ key: "CLAIM", attributes: [{ key: "quote_type", type: "choice" }] }), null);
  assert.equal(registryAttribute(undefined), null);
});

test("suggestions come first, typed matches follow without repeats, and create comes last", () => {
  const options = linkerOptions({
    suggestions: [{ entry: NETANYAHU, score: 1, matched: "Netanyahu" }],
    matches: [NETANYAHU, WHITE_HOUSE],
    query: "",
    spanText: "Netanyahu",
  });
  assert.deepEqual(options.map((o) => [o.kind, o.name]), [
    ["suggested", "Benjamin Netanyahu"],
    ["match", "The White House"],
    ["create", "Netanyahu"],
  ]);
  assert.equal(options[0].detail, "suggested as “Netanyahu”, 100% match");
  assert.equal(optionWords(options[2]), "Create “Netanyahu” as a new source");
  assert.equal(optionWords(options[0]), "Benjamin Netanyahu");
});

test("what is typed names the new source, and no create is offered for a name already listed", () => {
  const typed = linkerOptions({ matches: [OFFICIAL], query: " senior  official ", spanText: "a senior U.S. official" });
  assert.deepEqual(typed.at(-1), { id: "create", kind: "create", name: "senior official", detail: "a new registry entry" });
  const same = linkerOptions({ matches: [WHITE_HOUSE], query: "the white house" });
  assert.deepEqual(same.map((o) => o.kind), ["match"]);
  assert.deepEqual(linkerOptions({}), []);
});

test("typed matches are capped so the list stays short", () => {
  const many = Array.from({ length: 20 }, (_, i) => ({ ...WHITE_HOUSE, key: `e${i}`, name: `Entry ${i}` }));
  const options = linkerOptions({ matches: many, query: "entry" });
  assert.equal(options.filter((o) => o.kind === "match").length, 8);
});

test("the arrow keys move the active option and wrap at both ends", () => {
  assert.equal(movedActive(-1, 3, "ArrowDown"), 0);
  assert.equal(movedActive(2, 3, "ArrowDown"), 0);
  assert.equal(movedActive(0, 3, "ArrowUp"), 2);
  assert.equal(movedActive(-1, 3, "ArrowUp"), 2);
  assert.equal(movedActive(1, 3, "Home"), 0);
  assert.equal(movedActive(1, 3, "End"), 2);
  assert.equal(movedActive(1, 3, "a"), null);
  assert.equal(movedActive(0, 0, "ArrowDown"), -1);
});

test("a source made from a span keeps the span's wording as an alias and guesses its kind", () => {
  assert.deepEqual(createBody("Benjamin Netanyahu", "Netanyahu", "named_person"), {
    name: "Benjamin Netanyahu",
    kind: "named_person",
    affiliation: "",
    aliases: ["Netanyahu"],
  });
  assert.deepEqual(createBody("Netanyahu", " netanyahu ", undefined).aliases, []);
  assert.equal(kindFromSourceType("named_organization"), "named_organisation");
  assert.equal(kindFromSourceType("anonymous_official"), "anonymous_official");
  assert.equal(kindFromSourceType("outlet"), "other");
});

test("the panel names the linked entry, or the key while the registry loads", () => {
  assert.equal(linkWords("netanyahu", NETANYAHU), "Linked to Benjamin Netanyahu (named person).");
  assert.equal(linkWords("netanyahu", null), "Linked to “netanyahu”.");
  assert.equal(linkWords(null, null), "Not linked to the registry.");
});

test("layers read as words in the picker", () => {
  assert.equal(layerWords("gold"), "Gold");
  assert.equal(layerWords("annotator:ana"), "ana (annotator)");
  assert.equal(layerWords("model:attribution"), "attribution (model)");
});

test("a claim links to the workspace at its span", () => {
  assert.equal(workspaceLink(4, 17, 120, 168), "/projects/4/documents/17/work/?at=120-168");
});

const claim = (outlet, namedAs, published = "2026-12-07T10:00:00Z") => ({
  claim: { span: 1, text: "t", start: 0, end: 1 },
  document: { id: 1, title: "T", outlet, published_at: published },
  named_as: namedAs,
  cue: "said",
});

test("claims are grouped by outlet in the order they come", () => {
  const groups = claimsByOutlet([claim("Axios", "Netanyahu"), claim("Axios", "he"), claim("CNN", "the prime minister"), claim(null, "x")]);
  assert.deepEqual(groups.map((g) => [g.outlet, g.claims.length]), [["Axios", 2], ["CNN", 1], ["No outlet", 1]]);
  assert.equal(claimsSummary([claim("Axios", "a"), claim("CNN", "b"), claim("CNN", "c")]), "3 claims from 2 outlets");
  assert.equal(claimsSummary([claim("Axios", "a")]), "1 claim from 1 outlet");
  assert.match(claimsSummary([]), /No claims/);
});

test("how each outlet named the source, from a list, a table or the claims themselves", () => {
  const expected = [
    { outlet: "Axios", names: [{ text: "Netanyahu", count: 2 }, { text: "he", count: 1 }], total: 3 },
    { outlet: "CNN", names: [{ text: "the prime minister", count: 1 }], total: 1 },
  ];
  const list = [
    { outlet: "CNN", named_as: "the prime minister", count: 1 },
    { outlet: "Axios", named_as: "he", count: 1 },
    { outlet: "Axios", named_as: "Netanyahu", count: 2 },
  ];
  assert.deepEqual(namingRows(list), expected);
  assert.deepEqual(namingRows({ Axios: { he: 1, Netanyahu: 2 }, CNN: { "the prime minister": 1 } }), expected);
  const claims = [claim("Axios", "Netanyahu"), claim("CNN", "the prime minister"), claim("Axios", "he"), claim("Axios", "Netanyahu")];
  assert.deepEqual(namingRows(undefined, claims), expected);
});

test("a date reads as day, month and year, and nothing without one", () => {
  assert.equal(dateWords("2026-12-07T23:30:00Z"), "7 Dec 2026");
  assert.equal(dateWords(null), "");
  assert.equal(dateWords("not a date"), "");
});

test("the workspace's key g opens the source linker when editing, and still starts the gold set when read-only", async () => {
  const { keyTable, rowFor, helpEntries } = await import("../../frontend/static/frontend/js/keys.js");
  const situation = { mode: "edit", typing: false, span: true, relationKeys: [], range: false };
  const table = keyTable({ span_labels: [{ key: "SOURCE", hotkey: "s" }], relation_types: [] });
  const row = rowFor(table, "g", situation);
  assert.match(row.help, /registry entry/);
  assert.ok(helpEntries(table).some((entry) => entry.keys.includes("g") && /registry/.test(entry.does)));
  assert.equal(rowFor(table, "g", { ...situation, span: false }), null);
  assert.equal(rowFor(table, "g", { ...situation, typing: true }), null);
  let opened = false;
  let noted = "";
  row.run({ mode: "edit", panel: { openSourceLinker: () => (opened = true) }, note: (text) => (noted = text) });
  assert.ok(opened);
  row.run({ mode: "edit", panel: { openSourceLinker: () => false }, note: (text) => (noted = text) });
  assert.match(noted, /registry entry field/);
  let gold = false;
  rowFor(table, "g", { ...situation, mode: "read-only", span: false }).run({ mode: "read-only", startGold: () => (gold = true) });
  assert.ok(gold);
});

test("the schema editor offers a registry attribute, and it comes back out as it went in", async () => {
  const { ATTRIBUTE_TYPES, formFromSchema, schemaFromForm } = await import("../../frontend/static/frontend/js/schema_editor_model.js");
  assert.ok(ATTRIBUTE_TYPES.includes("registry"));
  const schema = {
    span_labels: [{ key: "SOURCE", name: "Source", color: "#D55E00", hotkey: "s", discontinuous: false, attributes: [{ key: "entry", name: "Registry entry", type: "registry", choices: [], required: false }] }],
    relation_types: [],
    stance: { holder_labels: [], object_labels: [], targets: [], values: [] },
    document_questions: [],
  };
  assert.deepEqual(schemaFromForm(formFromSchema(schema)).span_labels, schema.span_labels);
});
