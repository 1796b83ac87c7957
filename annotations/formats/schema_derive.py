"""A schema made from what imported records hold, for files that carry none (doccano, a
mapped JSONL, Label Studio, brat without ``annotation.conf``): a label per span label seen,
a relation type per relation type seen (from and to the labels it joined), the stance values
and targets seen, and a document question per answer seen (its choices: those answered).
Names that are not schema keys are rewritten (``B-PER`` stays, ``my label`` becomes
``my_label``) and the records are changed to match."""

from __future__ import annotations

import re
from typing import Any

from annotations.formats.records import Header, ReadDocument, header_with_schema
from annotations.schema import KEY_RE

PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442"]


def as_key(name: str) -> str:
    if KEY_RE.match(name):
        return name
    key = re.sub(r"[^A-Za-z0-9_\-]+", "_", name).strip("_") or "label"
    if not key[0].isalpha():
        key = "L_" + key
    return key[:64]


def schema_header(documents: list[ReadDocument]) -> Header:
    labels: dict[str, dict[str, str]] = {}  # label -> {attribute key: type}
    relations: dict[str, tuple[set[str], set[str]]] = {}
    values: dict[str, None] = {}
    holders: set[str] = set()
    objects: set[str] = set()
    targets: dict[str, None] = {}
    questions: dict[str, dict[str, Any]] = {}  # key -> {"per_target", "multi", "choices"}
    for record in documents:
        for aset in record.get("sets", []):
            spans = {}
            for span in aset.get("spans", []):
                span["label"] = as_key(str(span.get("label")))
                attributes = labels.setdefault(span["label"], {})
                for key, value in (span.get("attributes") or {}).items():
                    kind = "bool" if isinstance(value, bool) else "text"
                    attributes[key] = "text" if attributes.get(key, kind) != kind else kind
                spans[span.get("id")] = span
            for relation in aset.get("relations", []):
                relation["type"] = as_key(str(relation.get("type")))
                ends = relations.setdefault(relation["type"], (set(), set()))
                for side, ref in ((0, relation.get("source")), (1, relation.get("target"))):
                    if ref in spans:
                        ends[side].add(spans[ref]["label"])
            for stance in aset.get("stances", []):
                values[str(stance.get("value"))] = None
                if stance.get("holder") in spans:
                    holders.add(spans[stance["holder"]]["label"])
                if stance.get("object") in spans:
                    objects.add(spans[stance["object"]]["label"])
                if isinstance(stance.get("target"), str) and stance["target"]:
                    stance["target"] = as_key(stance["target"])
                    targets[stance["target"]] = None
            aset["answers"] = {
                as_key(str(key)): {as_key(str(t)): v for t, v in answer.items()}
                if isinstance(answer, dict)
                else answer
                for key, answer in (aset.get("answers") or {}).items()
            }
            for key, answer in aset["answers"].items():
                question = questions.setdefault(
                    key, {"per_target": isinstance(answer, dict), "multi": False, "choices": {}}
                )
                if isinstance(answer, dict):
                    targets.update(dict.fromkeys(map(str, answer)))
                for given in answer.values() if isinstance(answer, dict) else [answer]:
                    question["multi"] |= isinstance(given, list)
                    for choice in given if isinstance(given, list) else [given]:
                        question["choices"][str(choice)] = None
    definition: dict[str, Any] = {
        "span_labels": [
            {
                "key": key,
                "name": key,
                "color": PALETTE[i % len(PALETTE)],
                "discontinuous": True,
                "attributes": [
                    {"key": a, "name": a, "type": kind} for a, kind in attributes.items()
                ],
            }
            for i, (key, attributes) in enumerate(labels.items())
        ],
        "relation_types": [
            {
                "key": key,
                "name": key,
                "from_labels": sorted(ends[0]) or list(labels),
                "to_labels": sorted(ends[1]) or list(labels),
            }
            for key, ends in relations.items()
        ],
        "stance": {
            "holder_labels": sorted(holders),
            "object_labels": sorted(objects),
            "targets": [{"key": t, "name": t} for t in targets],
            "values": list(values) or ["favor", "against", "neutral"],
        },
        "document_questions": [
            {
                "key": key,
                "text": key,
                "type": "multi" if spec["multi"] else "single",
                "choices": list(spec["choices"]),
                "per_target": spec["per_target"],
            }
            for key, spec in questions.items()
        ],
    }
    return header_with_schema(definition)
