// The project home's "This project" card (managers): duplicate (POST .../duplicate/, then open
// the copy), archive after a confirmation, unarchive (POST .../archive/ and .../unarchive/,
// then reload so every part of the page shows the new state).

import { api, showMessage } from "./api.js";

const card = document.getElementById("project-lifecycle");
const projectId = card.dataset.projectId;
const feedback = document.getElementById("lifecycle-feedback");
const $ = (id) => document.getElementById(id);

async function run(button, working, call) {
  button.disabled = true;
  showMessage(feedback, working);
  try {
    await call();
  } catch (error) {
    button.disabled = false;
    showMessage(feedback, error.message, "error");
  }
}

$("duplicate-project").addEventListener("click", (event) =>
  run(event.currentTarget, "Duplicating…", async () => {
    const copy = await api("POST", `projects/${projectId}/duplicate/`);
    showMessage(feedback, `Created “${copy.name}”. Opening it…`);
    window.location.assign(`/projects/${copy.id}/`);
  }),
);

const archive = $("archive-project");
if (archive) {
  archive.addEventListener("click", () => {
    archive.hidden = true;
    $("archive-confirm").hidden = false;
    $("archive-no").focus();
  });
  $("archive-no").addEventListener("click", () => {
    $("archive-confirm").hidden = true;
    archive.hidden = false;
    archive.focus();
  });
  $("archive-yes").addEventListener("click", (event) =>
    run(event.currentTarget, "Archiving…", async () => {
      await api("POST", `projects/${projectId}/archive/`);
      window.location.reload();
    }),
  );
}

const unarchive = $("unarchive-project");
if (unarchive) {
  unarchive.addEventListener("click", (event) =>
    run(event.currentTarget, "Unarchiving…", async () => {
      await api("POST", `projects/${projectId}/unarchive/`);
      window.location.reload();
    }),
  );
}

card.dataset.ready = "true";
