// The workspace's keys as one table: each row says which keys it answers (`keys`, as
// chords like "Ctrl+Shift+z"), in which situation (`when`), what it does (`run`) and how the
// help describes it (`help`, and `show` when the keys read better written another way:
// "1–9", "← →").
// The first row whose keys hold the pressed chord and whose `when` holds answers; no row,
// and the browser does what it does. The help overlay is built from the same rows, so a key
// cannot work without being listed or be listed without working. Pure: no DOM, no state;
// `run` calls the workspace it is given.
//
// The situation `s` a `when` reads (built by the workspace for each key press):
//   mode         "none" (no document shown), "read-only" or "edit"
//   typing       the key went to a form field (input, select, textarea)
//   inText       the key went to the document text (or to the page itself)
//   meta         the Cmd / Windows key is held (arrows then stay the browser's)
//   help         the help is open; `guidelines`: the guidelines are
//   confirming   the page asks whether to submit (an empty set, or one the checks warn of)
//   linking      a relation waits for its other span
//   span         a span of the set is selected; `suggestion`: a suggestion is
//   range        text is selected in the document
//   relationKeys the keys of the relation types the selected span can start
//   stanceValues how many stance values 1-9 can set (0: the selected span has no stance)

const ARROWS = ["ArrowLeft", "ArrowRight"];
const DIGITS = "123456789".split("");

/** The chord of a key press: "Ctrl", "Alt" and "Shift" (in that order) and the key. A typed
 * character carries its own Shift ("?", "{"), so Shift is named with it only beside Ctrl or
 * Alt; letters are lower case. Cmd counts as Ctrl (Cmd+z undoes on a Mac). */
export function chordOf(event) {
  const printable = event.key.length === 1;
  const parts = [];
  if (event.ctrlKey || event.metaKey) parts.push("Ctrl");
  if (event.altKey) parts.push("Alt");
  if (event.shiftKey && (!printable || parts.length)) parts.push("Shift");
  parts.push(printable ? event.key.toLowerCase() : event.key);
  return parts.join("+");
}

const editing = (s) => s.mode === "edit" && !s.typing;

/** The rows for a project's schema (its label and relation keys). */
export function keyTable(schema) {
  const labels = (schema.span_labels || []).filter((label) => label.hotkey);
  const relations = (schema.relation_types || []).filter((type) => type.hotkey);
  const relationKeys = [...new Set(relations.map((type) => type.hotkey))];
  return [
    { keys: ["Ctrl+z"], help: "undo", when: editing, run: (ws) => ws.undo() },
    { keys: ["Ctrl+Shift+z", "Ctrl+y"], help: "redo", when: editing, run: (ws) => ws.redo() },
    {
      keys: ["Ctrl+Enter"],
      help: "submit and open the next document (a set with no annotations, or one the project's checks warn of, asks first: Ctrl+Enter again submits it)",
      when: (s) => s.mode === "edit",
      run: (ws, event) => {
        if (ws.isField(event.target)) event.target.blur(); // a field's change counts first
        ws.submit();
      },
    },
    {
      // one row for g: a letter on two rows would hide one of them in the help
      keys: ["g"],
      help: "start the gold set of a document shown read-only, and edit it; when editing, link the selected source to a registry entry (type to search, ↑ ↓ and Enter choose)",
      when: (s) => (s.mode === "read-only" && !s.typing) || (editing(s) && s.span),
      run: (ws) => (ws.mode === "edit" ? ws.panel.openSourceLinker() || ws.note("Only a span with a registry entry field (a SOURCE) links to the registry.") : ws.startGold()),
    },
    {
      keys: ARROWS.flatMap((arrow) => [arrow, `Shift+${arrow}`, `Ctrl+${arrow}`, `Ctrl+Shift+${arrow}`]),
      show: "← →",
      help: "move in the text; with Shift select text, with Ctrl by whole words",
      when: (s) => editing(s) && s.inText && !s.meta,
      run: (ws, event) => ws.moveCaret(event),
    },
    { keys: ["?"], help: "show or hide this help", when: (s) => !s.typing, run: (ws) => ws.toggleHelp() },
    { keys: ["Escape"], help: "leave a form field", when: (s) => s.typing, run: (ws, event) => event.target.blur() },
    { keys: ["Escape"], help: "close this help", when: (s) => s.help, run: (ws) => ws.toggleHelp(false) },
    { keys: ["Escape"], help: "close the guidelines", when: (s) => s.guidelines, run: (ws) => ws.toggleGuidelines(false) },
    { keys: ["Escape"], help: "keep annotating (do not submit after the question)", when: (s) => s.confirming, run: (ws) => ws.cancelSubmit() },
    { keys: ["Escape"], help: "cancel linking", when: (s) => editing(s) && s.linking, run: (ws) => ws.cancelLinking() },
    { keys: ["Escape"], help: "clear the selection", when: editing, run: (ws) => ws.clearSelection() },
    {
      keys: ["Tab", "Shift+Tab"],
      help: "select the next / previous span or suggestion; past the last (first) one, move on out of the text",
      when: (s) => editing(s) && s.inText,
      run: (ws, event) => ws.cycle(event.shiftKey ? -1 : 1),
    },
    { keys: ["Enter"], help: "link to the span reached with Tab", when: (s) => editing(s) && s.inText && s.linking, run: (ws) => ws.linkReached() },
    { keys: ["Enter"], help: "accept the selected suggestion", when: (s) => editing(s) && s.inText && s.suggestion, run: (ws) => ws.acceptSelected() },
    { keys: ["Delete", "Backspace"], help: "reject the selected suggestion", when: (s) => editing(s) && s.suggestion, run: (ws) => ws.rejectSelected() },
    { keys: ["Delete", "Backspace"], help: "delete the selected span", when: (s) => editing(s) && s.span, run: (ws) => ws.deleteSelected() },
    {
      keys: DIGITS,
      show: "1–9",
      help: "set the selected span's first stance to the first … ninth value",
      when: (s, key) => editing(s) && Number(key) <= s.stanceValues,
      run: (ws, event, key) => ws.setFirstStance(Number(key)),
    },
    { keys: ["[", "]"], help: "widen the selected span by a word at its start / end", when: (s) => editing(s) && s.span, run: (ws, event, key) => ws.moveSelectedEdge(key === "[" ? "start" : "end", key === "[" ? -1 : 1) },
    { keys: ["{", "}"], help: "narrow the selected span by a word at its start / end", when: (s) => editing(s) && s.span, run: (ws, event, key) => ws.moveSelectedEdge(key === "{" ? "start" : "end", key === "{" ? 1 : -1) },
    { keys: ["w"], help: "snap selections to whole words, on or off", when: editing, run: (ws) => ws.toggleSnap() },
    { keys: ["f"], help: "add the selected text to the selected span as a fragment (or Alt+select with the mouse)", when: editing, run: (ws) => ws.addFragment() },
    { keys: ["x"], help: "move to the selected span's stance fields", when: editing, run: (ws) => ws.focusStance() },
    {
      keys: labels.map((label) => label.hotkey),
      help: `label the selection, or relabel the selected span: ${labels.map((l) => `${l.hotkey} ${l.name || l.key}`).join(", ")}`,
      when: (s, key) => editing(s) && (s.range || !s.relationKeys.includes(key)),
      run: (ws, event, key) => ws.labelSelection(labels.find((label) => label.hotkey === key).key),
    },
    {
      keys: relationKeys,
      help: `link the selected span, then click the other span (or Tab to it and press Enter): ${relations.map((t) => `${t.hotkey} ${t.name || t.key}`).join(", ")}`,
      when: (s, key) => editing(s) && s.relationKeys.includes(key),
      run: (ws, event, key) => ws.startLinkingByKey(key),
    },
    {
      // a project whose label or relation keys take "r" shows or hides arcs by the checkbox
      keys: [...labels, ...relations].some((row) => row.hotkey === "r") ? [] : ["r"],
      help: "show or hide the relation arcs in the text",
      when: editing,
      run: (ws) => ws.toggleArcs(),
    },
    {
      // a project whose label or relation keys take "i" reaches the guidelines by their button
      keys: [...labels, ...relations].some((row) => row.hotkey === "i") ? [] : ["i"],
      help: "show or hide the project's guidelines",
      when: (s) => !s.typing,
      run: (ws) => ws.toggleGuidelines(),
    },
    { keys: ["n"], help: "write a comment: on the selected span, or on the set as a whole", when: editing, run: (ws) => ws.focusComment() },
    { keys: ["h"], help: "show or hide the set's history (every version, with Restore)", when: editing, run: (ws) => ws.toggleHistory() },
  ];
}

/** The row that answers `chord` in situation `s`, or null. */
export function rowFor(table, chord, s) {
  return table.find((row) => row.keys.includes(chord) && row.when(s, chord)) || null;
}

/** The help's entries, {keys: chords, does}: rows with the same keys one after the other
 * become one entry, their help joined. */
export function helpEntries(table) {
  const entries = [];
  for (const row of table) {
    if (!row.keys.length) continue; // a schema without label (or relation) keys
    const last = entries[entries.length - 1];
    if (last && last.answers === row.keys.join()) {
      last.does.push(row.help);
      continue;
    }
    entries.push({ answers: row.keys.join(), keys: row.show ? row.show.split(" ") : row.keys, does: [row.help] });
  }
  return entries.map(({ keys, does }) => ({ keys, does: does.join("; ") }));
}
