// The agreement page's "Model suggestions" card: for each model with suggestions in the
// project, how many it made and how people decided on them in the workspace (accepted,
// rejected, the rates as shares of the decisions), from
// GET /api/v1/projects/{id}/suggestions/rates/. States: loading, a table, no model
// (a sentence) and failed (the server's message). Text goes in as text.

import { api } from "./api.js";
import { el } from "./dom.js";

const NUMERIC = new Set([1, 2, 3, 4]);

/** "50 %" of a rate (a share of 1), "—" before any decision. */
export function rateText(rate) {
  return rate == null ? "—" : `${Math.round(rate * 100)} %`;
}

/** A model's row: name, suggestions, decided, accepted (rate), rejected (rate). */
export function rateRow(model) {
  return [
    model.model_name,
    String(model.suggestions),
    String(model.decided),
    `${model.accepted} (${rateText(model.acceptance_rate)})`,
    `${model.rejected} (${rateText(model.rejection_rate)})`,
  ];
}

function rateTable(models) {
  const columns = ["Model", "Suggestions", "Decided", "Accepted", "Rejected"];
  return el(
    "div",
    { class: "table-wrap" },
    el(
      "table",
      { class: "figures", id: "suggestion-rates-table" },
      el("caption", { text: "Each model's suggestions and what annotators decided on them (rates are shares of the decisions)" }),
      el("thead", {}, el("tr", {}, ...columns.map((c, i) => el("th", { scope: "col", class: NUMERIC.has(i) ? "num" : undefined, text: c })))),
      el("tbody", {}, ...models.map((m) => el("tr", {}, ...rateRow(m).map((cell, i) => el("td", { class: NUMERIC.has(i) ? "num" : undefined, text: cell }))))),
    ),
  );
}

async function show(box, projectId) {
  try {
    const models = await api("GET", `projects/${projectId}/suggestions/rates/`);
    box.replaceChildren(
      models.length
        ? rateTable(models)
        : el("p", { class: "hint", text: "No model has made suggestions in this project: a model's set (imported through the API) shows here with what annotators accepted and rejected of it." }),
    );
  } catch (error) {
    box.replaceChildren(el("p", { class: "feedback", dataset: { kind: "error" }, role: "alert", text: `The models' rates could not be loaded: ${error.message}` }));
  }
}

const box = document.getElementById("suggestion-rates");
if (box) show(box, document.getElementById("project-agreement").dataset.projectId);
