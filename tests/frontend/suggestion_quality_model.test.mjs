// node --test: the agreement page's "Models against gold" card: rows, rates and coverage as text.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  QUALITY_COLUMNS,
  coverageSentence,
  modelName,
  qualityQuery,
  qualityRow,
  qualityRows,
  ratesSentence,
} from "../../frontend/static/frontend/js/suggestion_quality_model.js";

const ALIGNER = {
  layer: "model:quote-aligner",
  against: "gold",
  documents: 4,
  overall: [
    {
      kind: "relation",
      label: "(all)",
      exact: { precision: 0.857, recall: 0.048, f1: 0.091 },
      overlap: { precision: 0.929, recall: 0.052, f1: 0.098 },
    },
  ],
  labels: [
    {
      kind: "relation",
      label: "SAME_CLAIM",
      exact: { precision: 0.8571, recall: 0.5714, f1: 0.6857 },
      overlap: { precision: 0.9286, recall: 0.619, f1: 0.7429 },
    },
  ],
  unproposed: ["SOURCE", "CUE"],
  rates: null,
};

test("a label's row has its kind, its name and six figures, exact then overlap", () => {
  assert.deepEqual(qualityRow(ALIGNER.labels[0]), [
    "relation",
    "SAME_CLAIM",
    "0.857",
    "0.571",
    "0.686",
    "0.929",
    "0.619",
    "0.743",
  ]);
  assert.equal(qualityRow(ALIGNER.labels[0]).length, QUALITY_COLUMNS.length);
});

test("the totals come first and say which kind they sum", () => {
  const rows = qualityRows(ALIGNER);
  assert.equal(rows.length, 2);
  assert.equal(rows[0][1], "every relation label");
  assert.equal(rows[1][1], "SAME_CLAIM");
});

test("a figure that cannot be computed reads n/a", () => {
  const row = { kind: "span", label: "CLAIM", exact: { precision: null, recall: 0, f1: 0 }, overlap: { precision: null, recall: 0, f1: 0 } };
  assert.deepEqual(qualityRow(row).slice(2, 5), ["n/a", "0.000", "0.000"]);
});

test("the rates read as shares of the decisions, or say none were made", () => {
  const rates = { model_name: "quote-aligner", suggestions: 28, decided: 3, accepted: 2, rejected: 1, acceptance_rate: 2 / 3, rejection_rate: 1 / 3 };
  assert.equal(ratesSentence(rates), "28 suggestions; 3 decided in the workspace: 2 accepted (67 %), 1 rejected (33 %).");
  assert.equal(ratesSentence({ ...rates, decided: 0, accepted: 0, rejected: 0, acceptance_rate: null, rejection_rate: null }), "28 suggestions; none accepted or rejected in the workspace yet.");
  assert.equal(ratesSentence(null), "No suggestions of this model in the project.");
});

test("the coverage names the documents compared and what the model never proposes", () => {
  assert.equal(coverageSentence(ALIGNER), "4 documents compared with gold; never proposed (recall 0): SOURCE, CUE.");
  assert.equal(coverageSentence({ ...ALIGNER, documents: 1, unproposed: [] }), "1 document compared with gold.");
});

test("a model layer is named by its model", () => {
  assert.equal(modelName("model:attribution"), "attribution");
  assert.equal(modelName("gold"), "gold");
});

test("the figures follow the agreement form's story, or cover every story", () => {
  assert.equal(qualityQuery("12"), "?story=12");
  assert.equal(qualityQuery(""), "");
});
