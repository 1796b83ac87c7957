// The run control (suggester_run_control.html): starts one suggester over one story, shows
// its progress, and when it is done says what it wrote with a link to this page showing the
// layer (`?layer=model:<name>`) and one to the suggesters page.

import { api, ApiError, showMessage } from "./api.js";
import { el } from "./dom.js";
import { POLL_MS, isActive, outcomeText, percent, progressText, suggesterName } from "./suggester_runs_model.js";

function layerHref(layer) {
  const url = new URL(window.location.href);
  url.searchParams.set("layer", layer);
  return `${url.pathname}${url.search}`;
}

function mount(control) {
  const { projectId, storyId, suggester } = control.dataset;
  const button = control.querySelector(".run-button");
  const replace = control.querySelector(".run-replace");
  const bar = control.querySelector("progress");
  const status = control.querySelector(".run-status");

  function show(run) {
    bar.hidden = !isActive(run);
    bar.value = percent(run);
    if (isActive(run)) {
      status.textContent = `${suggesterName(run.suggester)} ${run.status}: ${progressText(run)}`;
      return;
    }
    showMessage(status, outcomeText(run), run.status === "failed" ? "error" : "info");
    if (run.status === "done") {
      status.append(
        " ",
        el("a", { href: layerHref(run.layer), class: "run-layer", text: `Show ${run.layer}` }),
        " · ",
        el("a", { href: `/projects/${projectId}/suggesters/`, text: "all runs" }),
      );
    }
  }

  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const body = { suggester, story: Number(storyId), replace: replace.checked };
      let run = await api("POST", `projects/${projectId}/suggester-runs/`, body);
      show(run);
      while (isActive(run)) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        run = await api("GET", `projects/${projectId}/suggester-runs/${run.id}/`);
        show(run);
      }
    } catch (error) {
      bar.hidden = true;
      showMessage(status, error instanceof ApiError ? error.message : String(error), "error");
      if (error instanceof ApiError && error.details.status === "layer_exists") replace.focus();
    } finally {
      button.disabled = false;
    }
  });
  control.dataset.ready = "true";
}

for (const control of document.querySelectorAll(".suggester-run-control")) mount(control);
