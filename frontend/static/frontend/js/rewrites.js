// The rewrites page: reads the story's near-duplicate pairs (GET /api/v1/stories/{id}/
// rewrites/?project=), lets the person pick one, and draws its alignment
// (.../rewrites/{original}/{rewrite}/) as two columns row by row: copied rows quiet, changed
// rows with removed words struck through (<del>) and added ones underlined (<ins>), moved
// rows in both places linked to each other (with their reworded words marked), added and
// dropped rows labelled. The chosen pair and "changes only" live in the address (?pair=,
// &changes=1) so a view can be linked. Pure logic in rewrites_model.js.

import { api, showMessage } from "./api.js";
import { el, element } from "./dom.js";
import {
  documentName,
  documentOption,
  kindLabel,
  movedNote,
  pairFor,
  pairKey,
  pairLabel,
  publishedDay,
  rowsShown,
  sentencePieces,
  similarityLabel,
  summaryItems,
} from "./rewrites_model.js";

const root = document.getElementById("story-rewrites-page");
const projectId = root.dataset.projectId;
const storyId = root.dataset.storyId;
const message = document.getElementById("rewrites-message");
const form = document.getElementById("pair-form");
const picker = document.getElementById("pair-picker");
const changesOnly = document.getElementById("changes-only");
const card = document.getElementById("alignment-card");
const anyTwo = document.getElementById("any-two");
const anyTwoForm = document.getElementById("any-two-form");
const numberFormat = new Intl.NumberFormat();

let alignment = null;
let listing = null;

function rewritesPath(suffix = "") {
  return `stories/${storyId}/rewrites/${suffix}?project=${projectId}`;
}

function remember() {
  const params = new URLSearchParams(window.location.search);
  params.set("pair", picker.value);
  if (changesOnly.checked) params.set("changes", "1");
  else params.delete("changes");
  window.history.replaceState(null, "", `?${params}`);
}

function columnHead(cell, role, doc) {
  const day = publishedDay(doc);
  const link = el("a", { href: `/projects/${projectId}/documents/${doc.id}/work/`, text: documentName(doc) });
  cell.replaceChildren(`${role}: `, link, day ? element("span", "muted", `, ${day}`) : "");
  cell.title = doc.title || "";
}

function sentenceCell(sentence, missing) {
  if (!sentence) return el("td", { class: "sentence missing" }, missing);
  const cell = el("td", { class: "sentence" });
  for (const piece of sentencePieces(sentence)) {
    if (piece.op === "removed") cell.append(el("del", { text: piece.text }));
    else if (piece.op === "added") cell.append(el("ins", { text: piece.text }));
    else cell.append(piece.text);
  }
  return cell;
}

/** What a column without the row's sentence says: where a moved sentence went or came
 *  from (a link to that row, which scrolls to it and focuses it), else that the text has
 *  no such sentence. */
function missingNote(row, index, side, words) {
  const note = movedNote(row, index);
  if (!note || note.side !== side) return element("span", "muted", words);
  const link = el("a", { href: `#${note.target}`, class: "moved", text: note.text });
  link.addEventListener("click", (event) => {
    const target = document.getElementById(note.target);
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: "center" });
    target.focus();
  });
  return link;
}

function rowOf(row, index) {
  const similarity = similarityLabel(row);
  return el(
    "tr",
    { id: `row-${index}`, class: `kind-${row.kind}`, tabindex: row.moved === null ? null : -1, dataset: { kind: row.kind } },
    el(
      "th",
      { scope: "row", class: "kind-col" },
      element("span", `kind-tag kind-${row.kind}`, kindLabel(row)),
      similarity ? element("span", "similarity", similarity) : null,
    ),
    sentenceCell(row.original, missingNote(row, index, "original", "not in the original")),
    sentenceCell(row.rewrite, missingNote(row, index, "rewrite", "not in the rewrite")),
  );
}

function renderSummary() {
  const summary = document.getElementById("rewrite-summary");
  summary.replaceChildren(
    ...summaryItems(alignment.counts).map((item) =>
      el("div", { class: `figure kind-${item.kind}` }, element("dt", "", item.label), el("dd", { id: `count-${item.kind}`, text: numberFormat.format(item.count) })),
    ),
  );
  summary.hidden = false;
  document.getElementById("rewrite-legend").hidden = false;
}

function renderRows() {
  const numbered = alignment.rows.map((row, index) => ({ row, index }));
  const shown = new Set(rowsShown(alignment.rows, changesOnly.checked));
  const rows = numbered.filter(({ row }) => shown.has(row));
  const body = document.querySelector("#alignment tbody");
  body.replaceChildren(...rows.map(({ row, index }) => rowOf(row, index)));
  if (!rows.length) {
    body.append(el("tr", {}, el("td", { colspan: 3, class: "muted", text: "Every sentence was copied." })));
  }
}

async function showPair() {
  remember();
  const [originalId, rewriteId] = picker.value.split("-");
  root.dataset.state = "loading";
  showMessage(message, "Aligning the pair…");
  try {
    alignment = await api("GET", rewritesPath(`${originalId}/${rewriteId}/`));
  } catch (error) {
    showMessage(message, error.message, "error");
    root.dataset.state = "error";
    return;
  }
  columnHead(document.getElementById("original-head"), "Original", alignment.original);
  columnHead(document.getElementById("rewrite-head"), "Rewrite", alignment.rewrite);
  renderSummary();
  renderRows();
  card.hidden = false;
  showMessage(message, "");
  root.dataset.state = "shown";
}

/** The picker's options: the flagged pairs, plus `chosen` when it is two documents the
 *  import did not flag; `chosen` selected. */
function fillPicker(chosen) {
  const pairs = [...listing.pairs];
  if (chosen && !pairs.includes(chosen)) pairs.push(chosen);
  picker.replaceChildren(...pairs.map((pair) => el("option", { value: pairKey(pair), text: pairLabel(pair) })));
  if (chosen) picker.value = pairKey(chosen);
}

function fillAnyTwo(chosen) {
  const options = () => listing.documents.map((doc) => el("option", { value: doc.id, text: documentOption(doc) }));
  const original = document.getElementById("any-original");
  const rewrite = document.getElementById("any-rewrite");
  original.replaceChildren(...options());
  rewrite.replaceChildren(...options());
  const [first, second] = listing.documents;
  original.value = String(chosen ? chosen.original.id : first.id);
  rewrite.value = String(chosen ? chosen.rewrite.id : second.id);
  anyTwo.hidden = false;
}

async function compareAnyTwo(event) {
  event.preventDefault();
  const data = new FormData(anyTwoForm);
  if (data.get("original") === data.get("rewrite")) {
    showMessage(message, "Choose two different documents to compare.", "error");
    return;
  }
  fillPicker(pairFor(listing.pairs, `${data.get("original")}-${data.get("rewrite")}`, listing.documents));
  form.hidden = false;
  await showPair();
}

async function start() {
  try {
    listing = await api("GET", rewritesPath());
  } catch (error) {
    showMessage(message, error.message, "error");
    return;
  }
  const params = new URLSearchParams(window.location.search);
  const chosen = pairFor(listing.pairs, params.get("pair"), listing.documents);
  changesOnly.checked = params.get("changes") === "1";
  picker.addEventListener("change", showPair);
  changesOnly.addEventListener("change", () => {
    remember();
    if (alignment) renderRows();
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  anyTwoForm.addEventListener("submit", compareAnyTwo);
  if (listing.documents.length >= 2) fillAnyTwo(chosen);
  if (!chosen) {
    const n = listing.documents.length;
    showMessage(message, `None of the story's ${n} document${n === 1 ? "" : "s"} in this project re-reports another: no near-duplicate pair.`);
    root.dataset.state = "empty";
    return;
  }
  fillPicker(chosen);
  form.hidden = false;
  await showPair();
}

await start();
root.dataset.ready = "true";
