// Time on task in the workspace: counts the active seconds on the set being edited (the tab
// visible, the person not idle: time_on_task_model.js) and reports them to
// POST /api/v1/sets/{id}/time/, which adds them to the set's seconds_spent.
//
// The workspace calls trackTimeOnTask(ws) once; this module reads `ws.mode` and `ws.set`
// every second, so it follows every document the workspace opens without hooks in its
// flow. A set counts while it is shown for editing ("edit" mode), a model's set never.
// The curation view calls trackTime with the document's gold set while it is not curated.
// Reports go out every 30 s, when the set shown changes, when the tab is hidden and when the
// page goes away (fetch with keepalive, so the request outlives the page).

import { ApiError } from "./api.js";
import { TimeReporter } from "./time_on_task_model.js";

const ACTIVITY = ["keydown", "pointerdown", "pointermove", "wheel", "scroll", "touchstart"];
const TICK_MS = 1000;

function csrfToken() {
  return document.querySelector('meta[name="csrf-token"]')?.content || "";
}

/** One report; resolves to the server's answer, throws an ApiError (status 0: unreachable). */
async function sendTime(setId, seconds, keepalive) {
  let response;
  try {
    response = await fetch(`/api/v1/sets/${setId}/time/`, {
      method: "POST",
      credentials: "same-origin",
      keepalive,
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify({ seconds }),
    });
  } catch (error) {
    throw new ApiError(0, "unreachable", String(error.message || error));
  }
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, data?.error?.code || "error", data?.error?.message || "");
  return data;
}

/** The set whose time counts now in the workspace, or null. */
function countedSet(ws) {
  return ws.mode === "edit" && ws.set && ws.set.kind !== "model" ? ws.set.id : null;
}

/** Count the active time on the set `currentSet()` names (null: none) and report it. */
export function trackTime(currentSet) {
  const now = () => Date.now();
  const reporter = new TimeReporter({ send: sendTime, now: now(), hidden: document.hidden });
  const active = () => reporter.activity(now());
  for (const type of ACTIVITY) window.addEventListener(type, active, { capture: true, passive: true });
  document.addEventListener("visibilitychange", () => {
    if (document.hidden) reporter.hide(now());
    else reporter.show(now());
  });
  window.addEventListener("pagehide", () => reporter.flush(now(), true));
  setInterval(() => {
    reporter.watch(currentSet(), now());
    if (reporter.due(now())) reporter.flush(now());
  }, TICK_MS);
  return reporter;
}

/** Start counting for the workspace `ws`; returns the reporter (also `ws.timeOnTask`). */
export function trackTimeOnTask(ws) {
  ws.timeOnTask = trackTime(() => countedSet(ws));
  return ws.timeOnTask;
}
