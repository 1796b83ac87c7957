// The agreement page's "Models against gold" card: for each model layer of the project, its
// precision, recall and F1 against gold per label (exact and overlap), the documents compared,
// the labels it never proposes and the decisions on its suggestions, from
// GET /api/v1/projects/{id}/suggestions/quality/, for the story the agreement form shows
// (again on every Show). States: loading, a table per model, no model or no gold (a
// sentence) and failed (the server's message). Marks the card's box data-ready once drawn,
// and data-story with the story drawn. Text goes in as text.

import { api } from "./api.js";
import { el } from "./dom.js";
import {
  QUALITY_COLUMNS,
  coverageSentence,
  modelName,
  qualityQuery,
  qualityRows,
  ratesSentence,
} from "./suggestion_quality_model.js";

const TEXT_COLUMNS = new Set([0, 1]);

function cell(tag, text, index, attributes = {}) {
  return el(tag, { ...attributes, class: TEXT_COLUMNS.has(index) ? undefined : "num", text });
}

function layerTable(layer) {
  const name = modelName(layer.layer);
  const id = `suggestion-quality-${name.replace(/[^a-z0-9_-]/gi, "-")}`;
  return el(
    "section",
    { class: "model-quality", "aria-labelledby": `${id}-heading`, dataset: { layer: layer.layer } },
    el("h3", { id: `${id}-heading`, text: name }),
    el("p", { class: "meta", text: ratesSentence(layer.rates) }),
    el("p", { class: "meta", text: coverageSentence(layer) }),
    el(
      "div",
      { class: "table-wrap" },
      el(
        "table",
        { class: "figures", id },
        el("caption", { text: `${name} against ${layer.against}, per label` }),
        el("thead", {}, el("tr", {}, ...QUALITY_COLUMNS.map((c, i) => cell("th", c, i, { scope: "col" })))),
        el("tbody", {}, ...qualityRows(layer).map((row) => el("tr", {}, ...row.map((text, i) => cell("td", text, i))))),
      ),
    ),
  );
}

async function show(box, story) {
  try {
    const query = qualityQuery(story);
    const layers = await api("GET", `projects/${box.dataset.projectId}/suggestions/quality/${query}`);
    box.replaceChildren(
      ...(layers.length
        ? layers.map(layerTable)
        : [el("p", { class: "hint", text: "Nothing to show: the project needs a gold layer and at least one model layer (a suggester's run, or a model's sets imported through the API)." })]),
    );
  } catch (error) {
    box.replaceChildren(el("p", { class: "feedback", dataset: { kind: "error" }, role: "alert", text: `The models' figures could not be loaded: ${error.message}` }));
  }
  box.dataset.story = story;
  box.dataset.ready = "true";
}

const box = document.getElementById("suggestion-quality");
const storyPicker = document.getElementById("agreement-story");
const storyChosen = () => (storyPicker ? storyPicker.value : "");
if (box) {
  document.getElementById("agreement-form")?.addEventListener("submit", () => show(box, storyChosen()));
  show(box, storyChosen());
}
