// The schema editor's preview: the workspace's own side panel (panel.js, drawn from
// panel_model.js) for the schema being edited, with one sample span of a chosen label
// selected, so labels, attributes, relation buttons, stance and document questions look as
// annotators will see them. The panel is inert: its buttons do nothing here.

import { buildPanelModel } from "./panel_model.js";
import { Panel } from "./panel.js";

const SAMPLE = "the talks had stalled";
const NOTHING = new Proxy({}, { get: () => () => {} }); // every panel action is a no-op

/** Label key -> what the panel draws (as the workspace's labelsOf makes it). */
function panelLabels(schema) {
  const labels = new Map();
  for (const spec of schema.span_labels || []) {
    if (!spec.key) continue;
    labels.set(spec.key, {
      name: spec.name || spec.key,
      color: spec.color || "#777777",
      hotkey: spec.hotkey || null,
      letter: (spec.hotkey || spec.key[0] || "?").toUpperCase(),
      spec,
    });
  }
  return labels;
}

/** Draw the panel into `root` for `schema`, with a span of `labelKey` selected. */
export function renderPreview(root, schema, labelKey) {
  const panel = new Panel(root, panelLabels(schema), NOTHING);
  const span = { key: "sample", label: labelKey, start: 0, end: SAMPLE.length, text: SAMPLE, attributes: {}, fragments: null };
  const content = { spans: labelKey ? [span] : [], relations: [], stances: [], answers: {} };
  const model = buildPanelModel({
    schema,
    content,
    selected: labelKey ? "sample" : null,
    linking: null,
    external: new Map(),
    suggestions: [],
    hasSuggestions: false,
  });
  panel.render(model);
}
