// The progress page, the pure part: what each state is called and shown as (a letter and
// a colour, never the colour alone), how filters narrow the report (the same way the API's
// CSV filters do), durations in words, and the overall figures.

/** Each cell state: its letter, name and colour (Okabe-Ito, colour-blind safe). */
export const STATES = [
  { key: "none", letter: "·", name: "no set yet", colour: "#ffffff" },
  { key: "assigned", letter: "A", name: "assigned", colour: "#F0E442" },
  { key: "in_progress", letter: "P", name: "in progress", colour: "#56B4E9" },
  { key: "returned", letter: "R", name: "returned by a reviewer", colour: "#D55E00" },
  { key: "submitted", letter: "S", name: "submitted", colour: "#009E73" },
  { key: "skipped", letter: "K", name: "skipped", colour: "#BBBBBB" },
];

const BY_KEY = new Map(STATES.map((state) => [state.key, state]));

/** The state's entry (an unknown state shows as itself, with a question mark). */
export function stateOf(key) {
  return BY_KEY.get(key) || { key, letter: "?", name: key, colour: "#ffffff" };
}

/**
 * The report narrowed by `filters` ({story, state, annotator}: "" for any): the annotators'
 * columns kept (indices into report.annotators) and the documents with a cell in the state
 * among those columns, each with only those cells.
 */
export function filtered(report, { story = "", state = "", annotator = "" } = {}) {
  const columns = [];
  report.annotators.forEach((person, i) => {
    if (!annotator || person.username === annotator) columns.push(i);
  });
  const documents = [];
  for (const doc of report.documents) {
    if (story !== "" && String(doc.story) !== String(story)) continue;
    const cells = columns.map((i) => doc.cells[i]);
    if (state && !cells.some((cell) => cell.status === state)) continue;
    documents.push({ ...doc, cells });
  }
  return { columns, documents };
}

/** Seconds in words: "45 s", "12 min", "3 h 05 min". */
export function duration(seconds) {
  const s = Math.max(0, Math.round(seconds || 0));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

/** Time on task per submitted set ("—" before the first submission). */
export function perSubmitted(person) {
  return person.submitted ? duration(person.seconds_spent / person.submitted) : "—";
}

/** The overall figures: documents, those done (enough submitted sets), ready to curate,
 * sets open and the total time on task. */
export function summary(report) {
  const needed = report.annotators_per_document;
  let done = 0;
  let open = 0;
  for (const doc of report.documents) {
    const submitted = doc.cells.filter((cell) => cell.status === "submitted").length;
    if (submitted >= needed) done += 1;
    open += doc.cells.filter((cell) => ["assigned", "in_progress", "returned"].includes(cell.status)).length;
  }
  const seconds = report.annotators.reduce((sum, person) => sum + person.seconds_spent, 0);
  return { documents: report.documents.length, done, ready: report.ready_to_curate, open, seconds };
}

/** The CSV address for the filters shown. */
export function csvPath(projectId, filters) {
  const params = new URLSearchParams({ format: "csv" });
  for (const name of ["story", "state", "annotator"]) {
    if (filters[name]) params.set(name, filters[name]);
  }
  return `/api/v1/projects/${projectId}/progress/?${params}`;
}
