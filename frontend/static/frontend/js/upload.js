// A POST with upload progress, for the pages that send files (Add documents, Import
// annotations): fetch reports no upload progress, XMLHttpRequest does.

import { csrfToken } from "./api.js";

/** POST `data` (a FormData) to `url`; `onProgress(percent)` while the body goes up,
 * `onSent()` once it is all sent (the server is then at work). Resolves {status, json}:
 * status 0 when the server could not be reached, json null when the answer is not JSON. */
export function postWithProgress(url, data, { onProgress = () => {}, onSent = () => {} } = {}) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("X-CSRFToken", csrfToken());
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) onProgress(Math.round((100 * event.loaded) / event.total));
    });
    xhr.upload.addEventListener("load", () => onSent());
    xhr.addEventListener("load", () => {
      let json = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        json = null;
      }
      resolve({ status: xhr.status, json });
    });
    xhr.addEventListener("error", () => resolve({ status: 0, json: null }));
    xhr.send(data);
  });
}
