"""Pure: the optional ``events`` section of a label schema (brat's event types), checked.

``events`` declares span labels whose spans are event triggers. Each role is a relation type
from the trigger to an argument (its ``from_labels`` must allow the trigger); ``labels`` are
the labels an argument may have (empty: what the relation type allows), ``min`` and ``max``
how many arguments the role takes (0 and null, any number, when left out). An import keeps
the declaration; the brat export writes a trigger and its role relations as an event."""

from __future__ import annotations

from typing import Any, TypedDict

from annotations.schema import (
    _check_known_labels,
    _check_list_of_str,
    _Keyed,
    _listed,
    _objects,
)


class RoleSpec(TypedDict):
    key: str  # a relation type from the trigger to the argument
    labels: list[str]  # the labels an argument may have (empty: any the relation type allows)
    min: int
    max: int | None


class EventSpec(TypedDict):
    key: str  # the span label of the event's triggers
    roles: list[RoleSpec]


EVENT = _Keyed("duplicate event type")
ROLE = _Keyed("duplicate role")


def events_checked(
    errors: dict[str, str],
    events: Any,
    label_keys: list[Any],
    relation_types: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """The ``events`` section checked (problems into ``errors`` under their JSON path)."""
    relations = {r["key"]: r for r in relation_types if isinstance(r["key"], str)}
    out = []
    for path, event in _objects(errors, "events", _listed(errors, "events", events), EVENT):
        key = event.get("key")
        if isinstance(key, str) and key not in label_keys:
            errors[f"{path}.key"] = f"unknown span label {key!r}"
        roles = _listed(errors, f"{path}.roles", event.get("roles", []))
        checked = []
        for rpath, role in _objects(errors, f"{path}.roles", roles, ROLE):
            role_key = role.get("key")
            relation = relations.get(role_key) if isinstance(role_key, str) else None
            if isinstance(role_key, str) and relation is None:
                errors[f"{rpath}.key"] = f"unknown relation type {role['key']!r}"
            elif relation is not None and key not in _as_list(relation["from_labels"]):
                errors[f"{rpath}.key"] = f"{role['key']} does not start at {key}"
            labels = role.get("labels", [])
            if labels:
                _check_list_of_str(errors, f"{rpath}.labels", labels)
                _check_known_labels(errors, f"{rpath}.labels", labels, label_keys)
            least, most = role.get("min", 0), role.get("max")
            if not isinstance(least, int) or isinstance(least, bool) or least < 0:
                errors[f"{rpath}.min"] = "must be a whole number, 0 or more"
            elif most is not None and (
                not isinstance(most, int) or isinstance(most, bool) or most < max(least, 1)
            ):
                errors[f"{rpath}.max"] = "must be null (any) or a whole number, at least min and 1"
            checked.append({"key": role.get("key"), "labels": labels, "min": least, "max": most})
        out.append({"key": key, "roles": checked})
    return out


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
