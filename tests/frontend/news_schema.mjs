// A label schema shaped like the news-attribution preset (annotations/presets.py), cut to
// what the workspace's pure modules read: label and relation keys, stance, one question.
export const NEWS_SCHEMA = {
  span_labels: [
    { key: "CLAIM", name: "Claim", hotkey: "c", attributes: [] },
    { key: "SOURCE", name: "Source", hotkey: "s", attributes: [] },
    { key: "CUE", name: "Cue", hotkey: "v", attributes: [] },
  ],
  relation_types: [
    { key: "ATTRIBUTED_TO", name: "attributed to", from_labels: ["CLAIM"], to_labels: ["SOURCE"], hotkey: "a" },
    { key: "CUE_OF", name: "cue of", from_labels: ["CUE"], to_labels: ["CLAIM"], hotkey: "u" },
    { key: "SAME_CLAIM", name: "same claim", from_labels: ["CLAIM"], to_labels: ["CLAIM"], cross_document: true, hotkey: "m" },
    { key: "SAME_SOURCE", name: "same source", from_labels: ["SOURCE"], to_labels: ["SOURCE"], cross_document: true, hotkey: "o" },
  ],
  stance: { holder_labels: ["SOURCE"], object_labels: ["CLAIM"], targets: [], values: ["favor", "against", "neutral", "unclear"] },
  document_questions: [{ key: "framing", text: "Overall framing", type: "single", choices: ["critical", "neutral"], per_target: true }],
};
