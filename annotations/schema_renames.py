"""Pure: one key of a schema definition renamed, everywhere the definition names it.

A rename is ``{"kind", "old", "new"}`` (and ``"label"`` for an attribute: the span label
whose attribute it is). Kinds and where each key is named in a definition:

- ``label``: ``span_labels[].key``, relation types' ``from_labels``/``to_labels``, stance
  ``holder_labels``/``object_labels``, ``events[].key`` and their roles' ``labels``,
  ``submit_checks[].label``;
- ``attribute``: ``span_labels[label].attributes[].key``;
- ``relation_type``: ``relation_types[].key``, event roles' ``key``,
  ``submit_checks[].relation``;
- ``stance_target``: ``stance.targets[].key``;
- ``stance_value``: an item of ``stance.values`` (its place in the order is kept);
- ``question``: ``document_questions[].key``, ``submit_checks[].question``.

``annotations.services.schema_changes`` moves the stored rows along with it; this module
only rewrites the definition and says what is wrong with a rename (``RenameError``).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from annotations.schema import KEY_RE
from annotations.schema_text import stance_values_problem

RENAME_KINDS = (
    "label",
    "attribute",
    "relation_type",
    "stance_target",
    "stance_value",
    "question",
)


class RenameError(ValueError):
    """A rename that cannot be made: ``errors`` maps its field to a message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


@dataclass(frozen=True)
class KeyRename:
    kind: str
    old: str
    new: str
    label: str = ""  # an attribute's span label

    def describe(self) -> str:
        owner = f"{self.label}." if self.kind == "attribute" else ""
        return f"{self.kind.replace('_', ' ')} {owner}{self.old} -> {owner}{self.new}"


def _items(definition: dict[str, Any], rename: KeyRename) -> list[dict[str, Any]]:
    """The list whose items the rename's key names."""
    stance = definition.get("stance") or {}
    if rename.kind == "label":
        return definition.get("span_labels") or []
    if rename.kind == "attribute":
        for label in definition.get("span_labels") or []:
            if label.get("key") == rename.label:
                return label.get("attributes") or []
        raise RenameError({"label": f"no span label {rename.label!r}"})
    if rename.kind == "relation_type":
        return definition.get("relation_types") or []
    if rename.kind == "stance_target":
        return stance.get("targets") or []
    return definition.get("document_questions") or []


def _keys(definition: dict[str, Any], rename: KeyRename) -> list[Any]:
    if rename.kind == "stance_value":
        return list((definition.get("stance") or {}).get("values") or [])
    return [item.get("key") for item in _items(definition, rename) if isinstance(item, dict)]


def rename_problems(definition: dict[str, Any], rename: KeyRename) -> dict[str, str]:
    """What is wrong with making ``rename`` in ``definition`` (empty when nothing is)."""
    if rename.kind not in RENAME_KINDS:
        return {"kind": f"must be one of {', '.join(RENAME_KINDS)}"}
    if rename.kind == "stance_value":
        if problem := stance_values_problem([rename.new]):
            return {"new": problem}
    elif not isinstance(rename.new, str) or not KEY_RE.match(rename.new):
        return {"new": "must be a key: a letter, then letters, digits, _ or - (max 64)"}
    try:
        keys = _keys(definition, rename)
    except RenameError as exc:
        return exc.errors
    if rename.old not in keys:
        return {"old": f"the schema has no {rename.kind.replace('_', ' ')} {rename.old!r}"}
    if rename.new != rename.old and rename.new in keys:
        return {"new": f"{rename.new!r} is already a {rename.kind.replace('_', ' ')}"}
    return {}


def _swap(names: Any, old: str, new: str) -> Any:
    return [new if name == old else name for name in names] if isinstance(names, list) else names


def definition_renamed(definition: dict[str, Any], rename: KeyRename) -> dict[str, Any]:
    """A copy of ``definition`` with the key renamed everywhere it is named; raises
    ``RenameError`` when the rename cannot be made."""
    if problems := rename_problems(definition, rename):
        raise RenameError(problems)
    out = copy.deepcopy(definition)
    old, new = rename.old, rename.new
    stance = out.get("stance") or {}
    if rename.kind == "stance_value":
        stance["values"] = _swap(stance.get("values"), old, new)
        return out
    for item in _items(out, rename):
        if isinstance(item, dict) and item.get("key") == old:
            item["key"] = new
    if rename.kind == "label":
        for relation in out.get("relation_types") or []:
            for end in ("from_labels", "to_labels"):
                relation[end] = _swap(relation.get(end), old, new)
        for field in ("holder_labels", "object_labels"):
            if field in stance:
                stance[field] = _swap(stance[field], old, new)
        for event in out.get("events") or []:
            if event.get("key") == old:
                event["key"] = new
            for role in event.get("roles") or []:
                role["labels"] = _swap(role.get("labels"), old, new)
    if rename.kind == "relation_type":
        for event in out.get("events") or []:
            for role in event.get("roles") or []:
                if role.get("key") == old:
                    role["key"] = new
    field = {"label": "label", "relation_type": "relation", "question": "question"}.get(rename.kind)
    checks = out.get("submit_checks") if field else None
    for check in checks if isinstance(checks, list) else []:
        if isinstance(check, dict) and check.get(field) == old:
            check[field] = new
    return out
