// The curation view's keys as one table, in the workspace's form (keys.js: `keys` as
// chords, `when` the situation, `run` what it does, `help` what the help says), so the help
// lists exactly the keys that work. Pure: `run` calls the page it is given.
//
// The situation `s` a `when` reads (built by the page for each key press):
//   typing    the key went to a form field (input, select, textarea)
//   help      the help is open
//   tool      the open tool: "merge", "diff", "return", "edit" or null
//   unit      a unit is selected
//   layers    how many layers made the selected unit

const free = (s) => !s.typing;
const onUnit = (s) => free(s) && s.unit;

export function curateKeyTable() {
  return [
    { keys: ["j", "ArrowDown"], show: "j ↓", help: "select the next unit", when: free, run: (p) => p.step(1) },
    { keys: ["k", "ArrowUp"], show: "k ↑", help: "select the previous unit", when: free, run: (p) => p.step(-1) },
    { keys: ["n"], help: "select the next open unit (neither in gold nor rejected)", when: free, run: (p) => p.nextOpen() },
    { keys: ["a"], help: "accept the selected unit into gold (as most layers made it)", when: onUnit, run: (p) => p.accept() },
    {
      keys: "123456789".split(""),
      show: "1–9",
      help: "accept the selected unit as the first … ninth layer that made it made it",
      when: (s, key) => onUnit(s) && Number(key) <= s.layers,
      run: (p, event, key) => p.acceptAs(Number(key) - 1),
    },
    { keys: ["r"], help: "reject the selected unit (it leaves gold and auto-merge passes it by)", when: onUnit, run: (p) => p.reject() },
    { keys: ["e"], help: "edit the selected unit, then accept it edited (a span's label or boundaries)", when: onUnit, run: (p) => p.openTool("edit") },
    { keys: ["m"], help: "auto-merge: put into gold every open unit at least k layers made", when: free, run: (p) => p.openTool("merge") },
    { keys: ["d"], help: "diff two layers side by side: units only in A, only in B, in both", when: free, run: (p) => p.openTool("diff") },
    { keys: ["c"], help: "return the document to an annotator with a comment", when: free, run: (p) => p.openTool("return") },
    { keys: ["t"], help: "write a comment on the selected unit (or the document)", when: free, run: (p) => p.focusComment() },
    { keys: ["Ctrl+Enter"], help: "mark the document curated (its gold set is submitted)", when: (s) => !s.tool, run: (p) => p.markCurated() },
    { keys: ["?"], help: "show or hide this help", when: free, run: (p) => p.toggleHelp() },
    { keys: ["Escape"], help: "close the help", when: (s) => s.help, run: (p) => p.toggleHelp(false) },
    { keys: ["Escape"], help: "close the open tool (edit, auto-merge, diff, return)", when: (s) => s.tool, run: (p) => p.closeTool() },
    { keys: ["Escape"], help: "leave a form field", when: (s) => s.typing, run: (p, event) => event.target.blur() },
  ];
}
