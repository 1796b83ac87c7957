// The curation view in an archived project: it reads as usual (layers, units, matching, the
// diff, the keys that move) but writes nothing. The toolbar's steps that write are disabled
// with the reason as their title, and a step asked for by a key or a panel button is refused
// here, with the same reason, before anything is sent (the API would refuse it with 409).

import { showMessage } from "./api.js";

export const ARCHIVED = "This project is archived: you can read its work but not change it.";

const WRITING_STEPS = ["open-merge", "open-return", "mark-curated", "reopen"];

/** Whether the page's project is archived (the root's data-archived); if it is, disable the
 * steps that write and say why on the message line. */
export function markArchived(root, messageLine) {
  if (root.dataset.archived !== "true") return false;
  for (const id of WRITING_STEPS) Object.assign(root.querySelector(`#${id}`), { disabled: true, title: ARCHIVED });
  showMessage(messageLine, ARCHIVED, "info");
  return true;
}

/** What a step does in an archived project: nothing is sent, the reason is shown. */
export function refused() {
  return Promise.reject(new Error(ARCHIVED));
}
