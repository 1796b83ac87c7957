"""A schema made from what imported records hold, for files that carry none (doccano, a
mapped JSONL, Label Studio, brat without ``annotation.conf``): a label per span label seen,
a relation type per relation type seen (from and to the labels it joined), the stance values
and targets seen, and a document question per answer seen (its choices: those answered).

Names are kept as written (a label's ``name``, a question's ``text``); keys are made from
them (``as_key``): a name that is a schema key is its own key, any other is spelled in ASCII
(``anyascii``: ``Источник`` -> ``Istochnik``, ``Äußerung`` -> ``Ausserung``, ``Source😀`` ->
``Source_grinning``) with what a key cannot hold made ``_`` (``my label`` -> ``my_label``),
and the records are changed to match. Two names that would share a key (``my.type`` and
``my_type``) are an error naming both, never merged (``Keys``). Why: docs/decisions.md."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from anyascii import anyascii

from annotations.formats.records import Header, Issue, ReadDocument, header_with_schema, where
from annotations.schema import KEY_RE

PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442"]


def as_key(name: str) -> str:
    if KEY_RE.match(name):
        return name
    key = re.sub(r"[^A-Za-z0-9_\-]+", "_", anyascii(name)).strip("_") or "label"
    if not key[0].isalpha():
        key = "L_" + key
    return key[:64]


@dataclass
class Clash:
    """Two names that would share a key: ``first`` was seen first, ``name`` at ``place``."""

    kind: str
    first: str
    name: str
    key: str
    place: tuple[str, int | None]

    def issue(self) -> Issue:
        message = (
            f"the {self.kind}s {self.first!r} and {self.name!r} would share the key "
            f"{self.key!r}: rename one of them (names are never merged)"
        )
        return Issue(self.place[0], self.place[1], message)


@dataclass
class Keys:
    """Names of one kind (labels, relation types, ...) -> schema keys: the same name always
    gives the same key; a second name giving a key already taken is a ``Clash`` (the name
    still gets that key, so reading goes on, but the import stops with the clash)."""

    kind: str = "label"
    by_name: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # key -> the name as written
    clashes: list[Clash] = field(default_factory=list)
    place: tuple[str, int | None] = ("", None)  # where the names being read come from

    def key(self, name: str) -> str:
        known = self.by_name.get(name)
        if known is not None:
            return known
        key = as_key(name)
        first = self.names.setdefault(key, name)
        if first != name:
            self.clashes.append(Clash(self.kind, first, name, key, self.place))
        self.by_name[name] = key
        return key

    def name(self, key: str) -> str:
        return self.names.get(key, key)


def schema_header(
    documents: list[ReadDocument],
    events: list[dict[str, Any]] | None = None,
    *,
    errors: list[Issue],
) -> Header:
    """The schema of what ``documents`` hold; their names made keys in place. Names that
    would share a key are added to ``errors``, at the record where the second appears."""
    label_keys, relation_keys = Keys("label"), Keys("relation type")
    target_keys, question_keys = Keys("stance target"), Keys("question")
    every = (label_keys, relation_keys, target_keys, question_keys)
    labels: dict[str, dict[str, str]] = {}  # label -> {attribute key: type}
    relations: dict[str, tuple[set[str], set[str]]] = {}
    values: dict[str, None] = {}
    holders: set[str] = set()
    objects: set[str] = set()
    targets: dict[str, None] = {}
    questions: dict[str, dict[str, Any]] = {}  # key -> {"per_target", "multi", "choices"}
    for record in documents:
        for keys in every:
            keys.place = where(record)
        for aset in record.get("sets", []):
            spans = {}
            for span in aset.get("spans", []):
                span["label"] = label_keys.key(str(span.get("label")))
                attributes = labels.setdefault(span["label"], {})
                for key, value in (span.get("attributes") or {}).items():
                    kind = "bool" if isinstance(value, bool) else "text"
                    attributes[key] = "text" if attributes.get(key, kind) != kind else kind
                spans[span.get("id")] = span
            for relation in aset.get("relations", []):
                relation["type"] = relation_keys.key(str(relation.get("type")))
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
                    stance["target"] = target_keys.key(stance["target"])
                    targets[stance["target"]] = None
            aset["answers"] = {
                question_keys.key(str(key)): {target_keys.key(str(t)): v for t, v in answer.items()}
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
                "name": label_keys.name(key),
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
                "name": relation_keys.name(key),
                "from_labels": sorted(ends[0]) or list(labels),
                "to_labels": sorted(ends[1]) or list(labels),
            }
            for key, ends in relations.items()
        ],
        "stance": {
            "holder_labels": sorted(holders),
            "object_labels": sorted(objects),
            "targets": [{"key": t, "name": target_keys.name(t)} for t in targets],
            "values": list(values) or ["favor", "against", "neutral"],
        },
        "document_questions": [
            {
                "key": key,
                "text": question_keys.name(key),
                "type": "multi" if spec["multi"] else "single",
                "choices": list(spec["choices"]),
                "per_target": spec["per_target"],
            }
            for key, spec in questions.items()
        ],
    }
    if events:
        definition["events"] = events
    errors.extend(clash.issue() for keys in every for clash in keys.clashes)
    return header_with_schema(definition)
