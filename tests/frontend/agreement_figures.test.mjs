// node --test: the agreement page's pure helpers: numbers as text, why a figure is n/a, pairs
// as a matrix, scales and the colour ramp, the order of documents and the query string.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  agreementQuery,
  byDisagreement,
  emptyState,
  formatFigure,
  formatSd,
  inkOn,
  linearScale,
  pairMatrix,
  rampColour,
  reportLabels,
  undefinedReason,
  valueDomain,
} from "../../frontend/static/frontend/js/agreement_figures.js";

test("figures have three decimals and undefined ones read n/a", () => {
  assert.equal(formatFigure(0.85714), "0.857");
  assert.equal(formatFigure(1), "1.000");
  assert.equal(formatFigure(-0.125), "-0.125");
  assert.equal(formatFigure(-0.0001), "0.000");
  assert.equal(formatFigure(null), "n/a");
  assert.equal(formatFigure(undefined), "n/a");
  assert.equal(formatFigure(Number.NaN), "n/a");
});

test("a standard deviation is written with a plus-minus, and nothing when there is none", () => {
  assert.equal(formatSd(0.0412), "± 0.041");
  assert.equal(formatSd(null), "");
});

test("undefined figures say why, in the statistic's own terms", () => {
  assert.match(undefinedReason("f1", "pair"), /^n\/a: neither layer has a unit/);
  assert.match(undefinedReason("f1", "overall"), /at least one pair/);
  assert.match(undefinedReason("cohen_kappa", "pair"), /rated by both/);
  assert.match(undefinedReason("fleiss_kappa"), /two or more ratings/);
  assert.match(undefinedReason("krippendorff_alpha"), /same value/);
});

test("pairs become a symmetric matrix of the layers, with the diagonal as self", () => {
  const ab = { a: "annotator:ana", b: "annotator:bob", value: 0.5 };
  const ag = { a: "annotator:ana", b: "gold", value: 0.75 };
  const layers = ["annotator:ana", "annotator:bob", "gold"];
  const matrix = pairMatrix([ab, ag], layers);
  assert.deepEqual(matrix.rows, layers);
  assert.deepEqual(matrix.columns, layers);
  assert.deepEqual(matrix.cells, [
    ["self", ab, ag],
    [ab, "self", null],
    [ag, null, "self"],
  ]);
});

test("against a reference layer, the matrix is one row: the reference against the others", () => {
  const pair = { a: "gold", b: "annotator:ana", value: 0.9 };
  const matrix = pairMatrix([pair], ["annotator:ana", "annotator:bob", "gold"], "gold");
  assert.deepEqual(matrix.rows, ["gold"]);
  assert.deepEqual(matrix.columns, ["annotator:ana", "annotator:bob"]);
  assert.deepEqual(matrix.cells, [[pair, null]]);
});

test("F1 is drawn on 0..1; kappa and alpha reach down to their lowest tenth, at most -1", () => {
  assert.deepEqual(valueDomain("f1", [0.2, null]), [0, 1]);
  assert.deepEqual(valueDomain("cohen_kappa", [0.4, -0.23, null]), [-0.3, 1]);
  assert.deepEqual(valueDomain("krippendorff_alpha", [-1.5]), [-1, 1]);
  assert.deepEqual(valueDomain("fleiss_kappa", [null]), [0, 1]);
});

test("a linear scale maps a domain onto a range, reversed ranges included", () => {
  const y = linearScale([0, 1], [200, 0]);
  assert.equal(y(0), 200);
  assert.equal(y(1), 0);
  assert.equal(y(0.25), 150);
  assert.equal(linearScale([-1, 1], [0, 100])(0), 50);
});

test("the ramp runs light to dark, clamps outside its domain and has no colour for n/a", () => {
  assert.equal(rampColour(0), "#f0f6fc");
  assert.equal(rampColour(1), "#084081");
  assert.equal(rampColour(-0.4), rampColour(0));
  assert.equal(rampColour(1.2), rampColour(1));
  assert.equal(rampColour(null), null);
  const darkness = (hex) => -parseInt(hex.slice(1, 3), 16);
  assert.ok(darkness(rampColour(0.3)) < darkness(rampColour(0.6)));
  assert.equal(rampColour(0, [-1, 1]), rampColour(0.5, [0, 1]));
});

test("text on a cell is dark on light cells and white on dark ones", () => {
  assert.equal(inkOn(0.2), "#1f2328");
  assert.equal(inkOn(0.9), "#ffffff");
  assert.equal(inkOn(null), "#1f2328");
});

test("documents most disagreed on come first, undefined ones last, ties by id", () => {
  const documents = [
    { document: 4, value: null },
    { document: 3, value: 0.9 },
    { document: 2, value: 0.1 },
    { document: 1, value: 0.9 },
    { document: 0, value: null },
  ];
  assert.deepEqual(byDisagreement(documents).map((d) => d.document), [2, 1, 3, 0, 4]);
  assert.equal(documents[0].document, 4, "the input is left as it was");
});

test("the query leaves out empty filters and joins lists with commas", () => {
  const query = agreementQuery({ layers: ["annotator:ana", "gold"], labels: [], story: "", against: "gold", min_iou: "0.5", match: "overlap", format: "csv" });
  assert.equal(query.toString(), "layers=annotator%3Aana%2Cgold&against=gold&min_iou=0.5&match=overlap&format=csv");
});

test("a report's labels are gathered from every measure, once each, sorted", () => {
  const report = { measures: [{ labels: [{ label: "SOURCE" }, { label: "CLAIM" }] }, { labels: [{ label: "CLAIM" }, { label: "triple" }] }] };
  assert.deepEqual(reportLabels(report), ["CLAIM", "SOURCE", "triple"]);
});

test("an empty state names what is missing: any layer, a second layer, a shared document", () => {
  assert.match(emptyState({ layers: [], documents: 0 }), /^No submitted sets yet/);
  assert.match(emptyState({ layers: ["annotator:ana"], documents: 0 }), /Only one layer .*annotator:ana/);
  assert.match(emptyState({ layers: ["annotator:ana", "gold"], documents: 0 }), /No document has sets of two/);
  assert.equal(emptyState({ layers: ["annotator:ana", "gold"], documents: 2 }), null);
});
