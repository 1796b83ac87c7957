"""Pure: the shape of a label schema, its validation, and attribute checks.

A schema definition is JSON::

    {
      "span_labels": [{"key", "name", "color", "hotkey", "discontinuous": bool,
                       "attributes": [{"key", "name", "type": choice|multi_choice|bool|text,
                                       "choices": [...], "required": bool}]}],
      "relation_types": [{"key", "name", "from_labels", "to_labels", "directed": bool,
                          "cross_document": bool, "hotkey"}],
      "stance": {"holder_labels": [...], "object_labels": [...],
                 "targets": [{"key", "name"}], "values": [...]},
      "document_questions": [{"key", "text", "type": single|multi, "choices": [...],
                              "per_target": bool}]
    }
"""

from __future__ import annotations

import re
from typing import Any

ATTRIBUTE_TYPES = ("choice", "multi_choice", "bool", "text")
QUESTION_TYPES = ("single", "multi")
KEY_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_\-]{0,63}$")
MAX_TEXT_ATTRIBUTE = 2000


class SchemaError(ValueError):
    """Problems found in a schema definition: ``errors`` maps a JSON path to a message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def _check_key(errors: dict[str, str], path: str, value: Any) -> None:
    if not isinstance(value, str) or not KEY_RE.match(value):
        errors[path] = "must be a key: a letter, then letters, digits, _ or - (max 64)"


def _check_list_of_str(errors: dict[str, str], path: str, value: Any) -> None:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        errors[path] = "must be a list of non-empty strings"


def validate_definition(definition: Any) -> dict[str, Any]:
    """Check a schema definition; return it with defaults filled in. Raise ``SchemaError``."""
    errors: dict[str, str] = {}
    if not isinstance(definition, dict):
        raise SchemaError({"": "the schema must be a JSON object"})
    unknown = set(definition) - {
        "span_labels",
        "relation_types",
        "stance",
        "document_questions",
        "name",
        "description",
    }
    for key in sorted(unknown):
        errors[key] = "unknown section"

    labels = definition.get("span_labels", [])
    label_keys: list[str] = []
    hotkeys: dict[str, str] = {}
    if not isinstance(labels, list) or not labels:
        errors["span_labels"] = "at least one span label is required"
        labels = []
    out_labels = []
    for i, label in enumerate(labels):
        path = f"span_labels[{i}]"
        if not isinstance(label, dict):
            errors[path] = "must be an object"
            continue
        _check_key(errors, f"{path}.key", label.get("key"))
        key = label.get("key")
        if key in label_keys:
            errors[f"{path}.key"] = f"duplicate label {key!r}"
        label_keys.append(key)
        hotkey = label.get("hotkey", "")
        if hotkey:
            if not isinstance(hotkey, str) or len(hotkey) != 1:
                errors[f"{path}.hotkey"] = "a hotkey is one character"
            elif hotkey.lower() in hotkeys:
                errors[f"{path}.hotkey"] = (
                    f"hotkey {hotkey!r} is taken by {hotkeys[hotkey.lower()]}"
                )
            else:
                hotkeys[hotkey.lower()] = str(key)
        attrs = label.get("attributes", [])
        if not isinstance(attrs, list):
            errors[f"{path}.attributes"] = "must be a list"
            attrs = []
        seen_attr: set[str] = set()
        for j, attr in enumerate(attrs):
            apath = f"{path}.attributes[{j}]"
            if not isinstance(attr, dict):
                errors[apath] = "must be an object"
                continue
            _check_key(errors, f"{apath}.key", attr.get("key"))
            if isinstance(attr.get("key"), str) and attr["key"] in seen_attr:
                errors[f"{apath}.key"] = "duplicate attribute"
            if isinstance(attr.get("key"), str):
                seen_attr.add(attr["key"])
            if attr.get("type") not in ATTRIBUTE_TYPES:
                errors[f"{apath}.type"] = f"must be one of {', '.join(ATTRIBUTE_TYPES)}"
            if attr.get("type") in ("choice", "multi_choice"):
                _check_list_of_str(errors, f"{apath}.choices", attr.get("choices"))
        out_labels.append(
            {
                "key": key,
                "name": label.get("name") or key,
                "color": label.get("color", "#777777"),
                "hotkey": hotkey,
                "discontinuous": bool(label.get("discontinuous", False)),
                "attributes": [
                    {
                        "key": a.get("key"),
                        "name": a.get("name") or a.get("key"),
                        "type": a.get("type"),
                        "choices": a.get("choices", []),
                        "required": bool(a.get("required", False)),
                    }
                    for a in attrs
                    if isinstance(a, dict)
                ],
            }
        )

    relation_types = definition.get("relation_types", [])
    if not isinstance(relation_types, list):
        errors["relation_types"] = "must be a list"
        relation_types = []
    out_relations = []
    seen_rel: set[str] = set()
    for i, rel in enumerate(relation_types):
        path = f"relation_types[{i}]"
        if not isinstance(rel, dict):
            errors[path] = "must be an object"
            continue
        _check_key(errors, f"{path}.key", rel.get("key"))
        if isinstance(rel.get("key"), str) and rel["key"] in seen_rel:
            errors[f"{path}.key"] = "duplicate relation type"
        if isinstance(rel.get("key"), str):
            seen_rel.add(rel["key"])
        for end in ("from_labels", "to_labels"):
            _check_list_of_str(errors, f"{path}.{end}", rel.get(end))
            names = rel.get(end) if isinstance(rel.get(end), list) else []
            for name in names:
                if isinstance(name, str) and name not in label_keys:
                    errors[f"{path}.{end}"] = f"unknown span label {name!r}"
        out_relations.append(
            {
                "key": rel.get("key"),
                "name": rel.get("name") or rel.get("key"),
                "from_labels": rel.get("from_labels") or [],
                "to_labels": rel.get("to_labels") or [],
                "directed": bool(rel.get("directed", True)),
                "cross_document": bool(rel.get("cross_document", False)),
                "hotkey": rel.get("hotkey", ""),
            }
        )

    stance = definition.get("stance")
    if stance is None:
        stance = {}
    if not isinstance(stance, dict):
        errors["stance"] = "must be an object"
        stance = {}
    for field in ("holder_labels", "object_labels"):
        value = stance.get(field, [])
        if value:
            _check_list_of_str(errors, f"stance.{field}", value)
            for name in value if isinstance(value, list) else []:
                if name not in label_keys:
                    errors[f"stance.{field}"] = f"unknown span label {name!r}"
    targets = stance.get("targets", [])
    if not isinstance(targets, list):
        errors["stance.targets"] = "must be a list"
        targets = []
    seen_targets: set[str] = set()
    for i, target in enumerate(targets):
        if not isinstance(target, dict):
            errors[f"stance.targets[{i}]"] = "must be an object"
            continue
        _check_key(errors, f"stance.targets[{i}].key", target.get("key"))
        if isinstance(target.get("key"), str) and target["key"] in seen_targets:
            errors[f"stance.targets[{i}].key"] = "duplicate stance target"
        if isinstance(target.get("key"), str):
            seen_targets.add(target["key"])
    values = stance.get("values", ["favor", "against", "neutral", "unclear"])
    _check_list_of_str(errors, "stance.values", values)
    out_stance = {
        "holder_labels": stance.get("holder_labels", []),
        "object_labels": stance.get("object_labels", []),
        "targets": [
            {"key": t.get("key"), "name": t.get("name") or t.get("key")}
            for t in targets
            if isinstance(t, dict)
        ],
        "values": values,
    }

    questions = definition.get("document_questions", [])
    if not isinstance(questions, list):
        errors["document_questions"] = "must be a list"
        questions = []
    out_questions = []
    seen_questions: set[str] = set()
    for i, question in enumerate(questions):
        path = f"document_questions[{i}]"
        if not isinstance(question, dict):
            errors[path] = "must be an object"
            continue
        _check_key(errors, f"{path}.key", question.get("key"))
        if isinstance(question.get("key"), str) and question["key"] in seen_questions:
            errors[f"{path}.key"] = "duplicate question"
        if isinstance(question.get("key"), str):
            seen_questions.add(question["key"])
        if question.get("type", "single") not in QUESTION_TYPES:
            errors[f"{path}.type"] = "must be single or multi"
        _check_list_of_str(errors, f"{path}.choices", question.get("choices"))
        out_questions.append(
            {
                "key": question.get("key"),
                "text": question.get("text") or question.get("key"),
                "type": question.get("type", "single"),
                "choices": question.get("choices") or [],
                "per_target": bool(question.get("per_target", False)),
            }
        )

    if errors:
        raise SchemaError(errors)
    result = {
        "span_labels": out_labels,
        "relation_types": out_relations,
        "stance": out_stance,
        "document_questions": out_questions,
    }
    return result


class Schema:
    """Read-only lookups over a validated definition."""

    def __init__(self, definition: dict[str, Any]):
        self.definition = definition
        self.labels = {label["key"]: label for label in definition["span_labels"]}
        self.relation_types = {r["key"]: r for r in definition["relation_types"]}
        self.stance = definition["stance"]
        self.target_keys = {t["key"] for t in self.stance["targets"]}
        self.questions = {q["key"]: q for q in definition["document_questions"]}

    def check_attributes(self, label: str, attributes: Any) -> dict[str, Any]:
        """Return the attributes if they fit the label's declared attributes, else raise
        ``ValueError`` with a message naming the attribute."""
        if not isinstance(attributes, dict):
            raise ValueError("attributes must be an object")
        declared = {a["key"]: a for a in self.labels[label]["attributes"]}
        for key, value in attributes.items():
            spec = declared.get(key)
            if spec is None:
                raise ValueError(f"label {label} has no attribute {key!r}")
            kind = spec["type"]
            if value is None:
                continue
            if kind == "choice" and value not in spec["choices"]:
                raise ValueError(f"{key}: {value!r} is not one of {spec['choices']}")
            if kind == "multi_choice" and (
                not isinstance(value, list) or any(v not in spec["choices"] for v in value)
            ):
                raise ValueError(f"{key}: must be a list drawn from {spec['choices']}")
            if kind == "bool" and not isinstance(value, bool):
                raise ValueError(f"{key}: must be true or false")
            if kind == "text" and (not isinstance(value, str) or len(value) > MAX_TEXT_ATTRIBUTE):
                raise ValueError(f"{key}: must be text of at most {MAX_TEXT_ATTRIBUTE} characters")
            if kind == "text" and "\x00" in value:
                raise ValueError(f"{key}: must not contain NUL characters")
        for key, spec in declared.items():
            if spec["required"] and attributes.get(key) is None:
                raise ValueError(f"{key}: is required")
        return attributes

    def check_answer(self, question: str, value: Any) -> Any:
        spec = self.questions.get(question)
        if spec is None:
            raise ValueError(f"unknown question {question!r}")

        def check_one(v: Any) -> None:
            if spec["type"] == "single" and v not in spec["choices"]:
                raise ValueError(f"{v!r} is not one of {spec['choices']}")
            if spec["type"] == "multi" and (
                not isinstance(v, list) or any(x not in spec["choices"] for x in v)
            ):
                raise ValueError(f"must be a list drawn from {spec['choices']}")

        if spec["per_target"]:
            if not isinstance(value, dict):
                raise ValueError("this question is answered per stance target: an object")
            for target, v in value.items():
                if target not in self.target_keys:
                    raise ValueError(f"unknown stance target {target!r}")
                check_one(v)
        else:
            check_one(value)
        return value
