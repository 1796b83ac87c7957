// Pure logic of the Recommenders card (recommenders.js): the request body from the form's
// values, the problems the browser can see before sending it, and the words for a
// recommender's settings, a check's result and a run's start. No DOM here; node tests in
// tests/frontend/recommenders_model.test.mjs.

export const NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
export const MIN_TIMEOUT = 1;
export const MAX_TIMEOUT = 120;

/** The API body for a new recommender (or the changes to one) from the form's values:
 * `{name, url, timeout, labels: [...], relationTypes: [...], stances: bool}`. */
export function recommenderBody(values) {
  return {
    name: values.name.trim(),
    url: values.url.trim(),
    timeout_seconds: Number.parseInt(values.timeout, 10),
    labels: [...values.labels].sort(),
    relation_types: [...values.relationTypes].sort(),
    stances: Boolean(values.stances),
  };
}

/** Field -> message for what is wrong in a body before it is sent (the server checks it
 * all again; these are the mistakes worth catching without a round trip). */
export function bodyProblems(body) {
  const problems = {};
  if (!NAME_PATTERN.test(body.name)) {
    problems.name = "Lower-case letters, digits, - and _, starting with a letter or digit.";
  }
  let url = null;
  try {
    url = new URL(body.url);
  } catch {
    url = null;
  }
  if (!url || !["http:", "https:"].includes(url.protocol) || !url.hostname) {
    problems.url = "An http:// or https:// address.";
  }
  const timeout = body.timeout_seconds;
  if (!Number.isInteger(timeout) || timeout < MIN_TIMEOUT || timeout > MAX_TIMEOUT) {
    problems.timeout_seconds = `A whole number of seconds from ${MIN_TIMEOUT} to ${MAX_TIMEOUT}.`;
  }
  if (body.labels.length === 0 && body.relation_types.length === 0 && !body.stances) {
    problems.labels = "Choose at least one label, relation type or stances to propose.";
  }
  return problems;
}

function listWords(keys) {
  return keys.length ? keys.join(", ") : "none";
}

/** One line saying what a recommender may propose. */
export function proposesWords(recommender) {
  const parts = [`labels: ${listWords(recommender.labels)}`];
  parts.push(`relations: ${listWords(recommender.relation_types)}`);
  parts.push(`stances: ${recommender.stances ? "yes" : "no"}`);
  return parts.join(" · ");
}

function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** What a check found, in words: `{ok, text}`. Up to `shown` spans are quoted. */
export function checkWords(result, shown = 4) {
  if (!result.ok) return { ok: false, text: `Bad answer: ${result.reason}` };
  const spans = result.spans
    .slice(0, shown)
    .map((span) => `${span.label} “${span.text}”`)
    .join(", ");
  const more = result.spans.length > shown ? `, and ${result.spans.length - shown} more` : "";
  const counts = [
    plural(result.spans.length, "span"),
    plural(result.relations, "relation"),
    plural(result.stances, "stance"),
  ].join(", ");
  const seconds = `${result.seconds.toFixed(2)} s`;
  const quoted = spans ? `: ${spans}${more}` : "";
  return { ok: true, text: `Good answer in ${seconds}: ${counts}${quoted}.` };
}

/** The body of a run of this recommender (the suggester-runs API): over one story's
 * documents when `story` (an id as a string) is given, else every document of the project. */
export function runBody(recommender, replace = false, story = "") {
  const body = { suggester: "recommender", model_name: recommender.name };
  if (story) body.story = Number.parseInt(story, 10);
  if (replace) body.replace = true;
  return body;
}

/** What a started run says about the documents it covers. */
export function runScopeWords(run) {
  return run.story ? `the documents of ${run.story.name}` : "every document of the project";
}

/** Whether a refused run is the clash with the layer's earlier sets (offer to replace
 * them): a 409 whose details say `status: "layer_exists"`. */
export function isLayerClash(error) {
  return error.status === 409 && (error.details || {}).status === "layer_exists";
}
