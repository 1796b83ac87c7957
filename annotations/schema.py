"""Pure: the shape of a label schema, its validation, and attribute checks.

A schema definition is JSON::

    {
      "span_labels": [{"key", "name", "color", "hotkey", "discontinuous": bool,
                       "attributes": [{"key", "name",
                                       "type": choice|multi_choice|bool|text|registry,
                                       "choices": [...], "required": bool,
                                       "ordered": bool}]}],
      "relation_types": [{"key", "name", "from_labels", "to_labels", "directed": bool,
                          "cross_document": bool, "hotkey"}],
      "stance": {"holder_labels": [...], "object_labels": [...],
                 "targets": [{"key", "name"}], "values": [...], "ordered": bool},
      "document_questions": [{"key", "text", "type": single|multi, "choices": [...],
                              "per_target": bool, "ordered": bool}],
      "events": [{"key", "roles": [{"key", "labels": [...], "min": int, "max": int|null}]}]
    }

``events`` (optional: event types and their roles, as brat has them) is
``annotations.schema_events``'; ``submit_checks`` (optional: what the workspace checks before
a set is submitted, shown as warnings) is ``annotations.schema_checks``'.

A ``registry`` attribute holds the key of an entry of the project's source registry (or
null): ``Schema(definition, registry_keys=...)`` refuses a key not among ``registry_keys``
(``annotations/services/source_links.py`` builds the schema every set write checks with).

``ordered`` (choice attributes, stance values, single-choice questions; false when left out)
says the values are listed in order, so agreement on them is ordinal Krippendorff's alpha.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from annotations.schema_attributes import MAX_TEXT_ATTRIBUTE as MAX_TEXT_ATTRIBUTE  # re-export
from annotations.schema_attributes import attribute_problem
from annotations.schema_shapes import SchemaDefinition as SchemaDefinition  # re-export
from annotations.schema_text import color_problem, display_text_problems, stance_values_problem

ATTRIBUTE_TYPES = ("choice", "multi_choice", "bool", "text", "registry")
QUESTION_TYPES = ("single", "multi")
SECTIONS = (
    "span_labels",
    "relation_types",
    "stance",
    "document_questions",
    "events",
    "submit_checks",
    "name",
    "description",
)
KEY_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_\-]{0,63}$")


class SchemaError(ValueError):
    """Problems found in a schema definition: ``errors`` maps a JSON path to a message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


@dataclass(frozen=True)
class _Keyed:
    """A kind of item that a list holds and a key names (a span label, an attribute, ...)."""

    duplicate: str  # the message for a key an earlier item has; ``{key!r}`` is filled in
    any_key_repeats: bool = False  # an invalid key (missing, a number) can be a repeat too


_LABEL = _Keyed("duplicate label {key!r}", any_key_repeats=True)
_ATTRIBUTE = _Keyed("duplicate attribute")
_RELATION_TYPE = _Keyed("duplicate relation type")
_STANCE_TARGET = _Keyed("duplicate stance target")
_QUESTION = _Keyed("duplicate question")


def _check_key(errors: dict[str, str], path: str, value: Any) -> None:
    if not isinstance(value, str) or not KEY_RE.match(value):
        errors[path] = "must be a key: a letter, then letters, digits, _ or - (max 64)"


def _check_list_of_str(errors: dict[str, str], path: str, value: Any) -> None:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        errors[path] = "must be a list of non-empty strings"


def _check_known_labels(
    errors: dict[str, str], path: str, names: Any, label_keys: list[Any]
) -> None:
    for name in names if isinstance(names, list) else []:
        if name not in label_keys:
            errors[path] = f"unknown span label {name!r}"


def _listed(errors: dict[str, str], path: str, value: Any) -> list[Any]:
    """``value`` if it is a list; else an error and no items."""
    if isinstance(value, list):
        return value
    errors[path] = "must be a list"
    return []


def _objects(
    errors: dict[str, str], path: str, items: list[Any], kind: _Keyed
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each item that is an object, with its path, once its key is checked (a key, and not
    one an earlier item has). An item that is not an object is an error and left out. Lazy,
    so that the errors of one item come before those of the next."""
    seen: list[Any] = []
    for i, item in enumerate(items):
        item_path = f"{path}[{i}]"
        if not isinstance(item, dict):
            errors[item_path] = "must be an object"
            continue
        key = item.get("key")
        _check_key(errors, f"{item_path}.key", key)
        errors.update(display_text_problems(item_path, item))
        if kind.any_key_repeats or isinstance(key, str):
            if key in seen:
                errors[f"{item_path}.key"] = kind.duplicate.format(key=key)
            seen.append(key)
        yield item_path, item


def validate_definition(definition: Any) -> SchemaDefinition:
    """Check a schema definition; return it with defaults filled in. Raise ``SchemaError``
    with every problem found, each under its JSON path."""
    if not isinstance(definition, dict):
        raise SchemaError({"": "the schema must be a JSON object"})
    errors: dict[str, str] = {}
    for key in sorted(set(definition) - set(SECTIONS)):
        errors[key] = "unknown section"
    labels = definition.get("span_labels", [])
    if not isinstance(labels, list) or not labels:
        errors["span_labels"] = "at least one span label is required"
        labels = []
    span_labels = _span_labels(errors, labels)
    label_keys = [label["key"] for label in span_labels]
    relation_types = _relation_types(errors, definition.get("relation_types", []), label_keys)
    checked = {
        "span_labels": span_labels,
        "relation_types": relation_types,
        "stance": _stance(errors, definition.get("stance"), label_keys),
        "document_questions": _questions(errors, definition.get("document_questions", [])),
    }
    if "events" in definition:
        from annotations.schema_events import events_checked  # it uses this module's checks

        checked["events"] = events_checked(errors, definition["events"], label_keys, relation_types)
    if "submit_checks" in definition:
        from annotations.schema_checks import submit_checks_checked

        checked["submit_checks"] = submit_checks_checked(
            errors,
            definition["submit_checks"],
            span_labels,
            relation_types,
            checked["document_questions"],
        )
    if errors:
        raise SchemaError(errors)
    return checked


def _span_labels(errors: dict[str, str], labels: list[Any]) -> list[dict[str, Any]]:
    hotkeys: dict[str, str] = {}  # lower-cased hotkey -> the label that has it
    out = []
    for path, label in _objects(errors, "span_labels", labels, _LABEL):
        key = label.get("key")
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
        if "color" in label and (problem := color_problem(label["color"])):
            errors[f"{path}.color"] = problem
        attributes = _listed(errors, f"{path}.attributes", label.get("attributes", []))
        out.append(
            {
                "key": key,
                "name": label.get("name") or key,
                "color": label.get("color", "#777777"),
                "hotkey": hotkey,
                "discontinuous": bool(label.get("discontinuous", False)),
                "attributes": [
                    _attribute(errors, apath, attribute)
                    for apath, attribute in _objects(
                        errors, f"{path}.attributes", attributes, _ATTRIBUTE
                    )
                ],
            }
        )
    return out


def _attribute(errors: dict[str, str], path: str, attribute: dict[str, Any]) -> dict[str, Any]:
    if attribute.get("type") not in ATTRIBUTE_TYPES:
        errors[f"{path}.type"] = f"must be one of {', '.join(ATTRIBUTE_TYPES)}"
    if attribute.get("type") in ("choice", "multi_choice"):
        _check_list_of_str(errors, f"{path}.choices", attribute.get("choices"))
    return {
        "key": attribute.get("key"),
        "name": attribute.get("name") or attribute.get("key"),
        "type": attribute.get("type"),
        "choices": attribute.get("choices", []),
        "required": bool(attribute.get("required", False)),
        **_ordered(errors, path, attribute, attribute.get("type") == "choice", "choice"),
    }


def _ordered(
    errors: dict[str, str], path: str, spec: dict[str, Any], allowed: bool, what: str
) -> dict[str, bool]:
    """``{"ordered": True}`` when the values are said to be in order (Krippendorff's alpha
    is then ordinal), else nothing; only ``what`` may be ordered."""
    ordered = spec.get("ordered", False)
    if not isinstance(ordered, bool):
        errors[f"{path}.ordered"] = "must be true or false"
    elif ordered and not allowed:
        errors[f"{path}.ordered"] = f"only {what} values can be ordered"
    return {"ordered": True} if ordered is True and allowed else {}


def _relation_types(
    errors: dict[str, str], relation_types: Any, label_keys: list[Any]
) -> list[dict[str, Any]]:
    out = []
    items = _listed(errors, "relation_types", relation_types)
    for path, relation in _objects(errors, "relation_types", items, _RELATION_TYPE):
        for end in ("from_labels", "to_labels"):
            names = relation.get(end)
            _check_list_of_str(errors, f"{path}.{end}", names)
            if isinstance(names, list):  # only names: the rest is reported just above
                named = [name for name in names if isinstance(name, str)]
                _check_known_labels(errors, f"{path}.{end}", named, label_keys)
        out.append(
            {
                "key": relation.get("key"),
                "name": relation.get("name") or relation.get("key"),
                "from_labels": relation.get("from_labels") or [],
                "to_labels": relation.get("to_labels") or [],
                "directed": bool(relation.get("directed", True)),
                "cross_document": bool(relation.get("cross_document", False)),
                "hotkey": relation.get("hotkey", ""),
            }
        )
    return out


def _stance(errors: dict[str, str], stance: Any, label_keys: list[Any]) -> dict[str, Any]:
    if stance is None:
        stance = {}
    if not isinstance(stance, dict):
        errors["stance"] = "must be an object"
        stance = {}
    for field in ("holder_labels", "object_labels"):
        names = stance.get(field, [])
        if names:  # optional: no labels means any label
            _check_list_of_str(errors, f"stance.{field}", names)
            _check_known_labels(errors, f"stance.{field}", names, label_keys)
    targets = _listed(errors, "stance.targets", stance.get("targets", []))
    values = stance.get("values", ["favor", "against", "neutral", "unclear"])
    out_targets = [
        {"key": target.get("key"), "name": target.get("name") or target.get("key")}
        for _, target in _objects(errors, "stance.targets", targets, _STANCE_TARGET)
    ]
    if problem := stance_values_problem(values):
        errors["stance.values"] = problem
    return {
        "holder_labels": stance.get("holder_labels", []),
        "object_labels": stance.get("object_labels", []),
        "targets": out_targets,
        "values": values,
        **_ordered(errors, "stance", stance, True, "stance"),
    }


def _questions(errors: dict[str, str], questions: Any) -> list[dict[str, Any]]:
    out = []
    items = _listed(errors, "document_questions", questions)
    for path, question in _objects(errors, "document_questions", items, _QUESTION):
        if question.get("type", "single") not in QUESTION_TYPES:
            errors[f"{path}.type"] = "must be single or multi"
        _check_list_of_str(errors, f"{path}.choices", question.get("choices"))
        out.append(
            {
                "key": question.get("key"),
                "text": question.get("text") or question.get("key"),
                "type": question.get("type", "single"),
                "choices": question.get("choices") or [],
                "per_target": bool(question.get("per_target", False)),
                **_ordered(
                    errors,
                    path,
                    question,
                    question.get("type", "single") == "single",
                    "single-choice",
                ),
            }
        )
    return out


class Schema:
    """Read-only lookups over a validated definition."""

    def __init__(self, definition: dict[str, Any], registry_keys: frozenset[str] | None = None):
        self.definition = definition
        self.registry_keys = registry_keys  # None: registry keys are not checked here
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
        declared = self.attributes_of(label)
        for key, value in attributes.items():
            problem = attribute_problem(label, declared, key, value)
            if problem is None and declared[key]["type"] == "registry":
                problem = self._registry_problem(key, value)
            if problem is not None:
                raise ValueError(problem)
        for key, spec in declared.items():
            if spec["required"] and attributes.get(key) is None:
                raise ValueError(f"{key}: is required")
        return attributes

    def _registry_problem(self, key: str, value: Any) -> str | None:
        if value is None or self.registry_keys is None or value in self.registry_keys:
            return None
        return f"{key}: {value!r} is not an entry of the project's source registry"

    def has_registry_attribute(self) -> bool:
        return any(
            a["type"] == "registry" for label in self.labels.values() for a in label["attributes"]
        )

    def attributes_of(self, label: str) -> dict[str, dict[str, Any]]:
        """The attributes ``label`` declares, by key."""
        return {a["key"]: a for a in self.labels[label]["attributes"]}

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
