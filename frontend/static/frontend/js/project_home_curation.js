// The project home's Curation card, for reviewers and managers: how many documents are
// ready to curate, in review, curated and returned (GET projects/{id}/curation/summary/).

import { api, showMessage } from "./api.js";
import { element } from "./dom.js";

const COUNTS = [
  ["ready", "Ready to curate"],
  ["in_review", "In review"],
  ["curated", "Curated"],
  ["returned", "Returned"],
];

const projectId = document.getElementById("project-home").dataset.projectId;
const list = document.getElementById("curation-counts");

api("GET", `projects/${projectId}/curation/summary/`)
  .then((summary) => {
    list.replaceChildren(
      ...COUNTS.flatMap(([key, name]) => [element("dt", "", name), element("dd", "", String(summary[key]))]),
    );
  })
  .catch((error) => showMessage(document.getElementById("curation-message"), error.message, "error"));
