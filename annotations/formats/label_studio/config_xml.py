"""The labeling configuration (XML) that lets a Label Studio project open our export: one
control for each name the results use (``names.py``)."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import quoteattr

from annotations.formats.label_studio.names import ANSWER, LABELS, STANCE, STANCE_OF_DOCUMENT, TEXT

PER_REGION = ' perRegion="true" visibleWhen="region-selected"'


def labeling_config(schema: dict[str, Any]) -> str:
    """A Label Studio labeling configuration (XML) that opens this schema's export: the span
    labels (with their colours), the relation types and stance values as relation labels,
    per-region choices or text areas for the attributes and the stances toward targets, and
    document-level choices for the stances of the document and the questions."""
    lines = ["<View>", f'  <Labels name="{LABELS}" toName="{TEXT}">']
    for label in schema["span_labels"]:
        colour = f" background={quoteattr(label['color'])}" if label.get("color") else ""
        lines.append(f"    <Label value={quoteattr(label['key'])}{colour}/>")
    lines += ["  </Labels>", f'  <Text name="{TEXT}" value="$text"/>']
    stance = schema.get("stance") or {}
    values = list(stance.get("values", []))
    relation_values = [r["key"] for r in schema.get("relation_types", [])]
    relation_values += [STANCE + v for v in values]
    if relation_values:
        lines.append("  <Relations>")
        lines += [f"    <Relation value={quoteattr(v)}/>" for v in relation_values]
        lines.append("  </Relations>")
    per_region: dict[str, dict[str, Any]] = {}
    for label in schema["span_labels"]:
        for attribute in label.get("attributes", []):
            spec = per_region.setdefault(
                attribute["key"], {"type": attribute["type"], "choices": []}
            )
            offered = attribute.get("choices") or []
            if attribute["type"] == "bool":
                offered = ["true", "false"]
            spec["choices"] += [c for c in offered if c not in spec["choices"]]
    for target in stance.get("targets", []):
        per_region[STANCE + target["key"]] = {"type": "choice", "choices": values}
    per_region[STANCE_OF_DOCUMENT] = {"type": "choice", "choices": values}
    for name, spec in per_region.items():
        if spec["type"] in ("text", "registry"):  # a registry key: written as text
            lines.append(f'  <TextArea name={quoteattr(name)} toName="{TEXT}"{PER_REGION}/>')
        elif spec["choices"]:
            multiple = "multiple" if spec["type"] == "multi_choice" else "single"
            lines += _choices_tag(name, spec["choices"], multiple, PER_REGION)
    targets = [t["key"] for t in stance.get("targets", [])]
    for target in targets:
        lines += _choices_tag(f"{STANCE_OF_DOCUMENT}:{target}", values, "single")
    for question in schema.get("document_questions", []):
        multiple = "multiple" if question["type"] == "multi" else "single"
        names = (
            [f"{ANSWER}{question['key']}:{target}" for target in targets]
            if question.get("per_target")
            else [ANSWER + question["key"]]
        )
        for name in names:
            lines += _choices_tag(name, question["choices"], multiple)
    lines.append("</View>")
    return "\n".join(lines) + "\n"


def _choices_tag(name: str, choices: list[str], multiple: str, extra: str = "") -> list[str]:
    if not choices:
        return []
    return [
        f'  <Choices name={quoteattr(name)} toName="{TEXT}" choice="{multiple}"{extra}>',
        *(f"    <Choice value={quoteattr(c)}/>" for c in choices),
        "  </Choices>",
    ]
