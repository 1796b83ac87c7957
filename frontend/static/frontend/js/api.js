// Talking to /api/v1/ from the browser: session cookie + CSRF token, JSON in and out, and
// the server's error envelope turned into an ApiError that pages show to the person.

/** An API answer that is not 2xx. `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} code
   * @param {string} message
   * @param {object} details
   */
  constructor(status, code, message, details = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.content : "";
}

/**
 * One call. `body` (an object) is sent as JSON; FormData is sent as multipart.
 * @returns {Promise<any>} the parsed JSON answer, or null for 204
 */
export async function api(method, path, body = undefined) {
  const headers = { Accept: "application/json" };
  const init = { method, headers, credentials: "same-origin" };
  if (method !== "GET" && method !== "HEAD") headers["X-CSRFToken"] = csrfToken();
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(`/api/v1/${path}`, init);
  } catch (error) {
    throw new ApiError(0, "unreachable", `The server could not be reached (${error.message}).`);
  }
  if (response.status === 204) return null;
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    const envelope = data && data.error ? data.error : {};
    const message = envelope.message || `The server answered ${response.status}.`;
    throw new ApiError(response.status, envelope.code || "error", message, envelope.details || {});
  }
  return data;
}

/** A status line that shows the newest message, and errors with role=alert. */
export function showMessage(element, message, kind = "info") {
  element.textContent = message;
  element.dataset.kind = kind;
  element.setAttribute("role", kind === "error" ? "alert" : "status");
}
