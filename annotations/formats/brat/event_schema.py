"""brat event types in the schema (``annotations.schema_events``): read from the ``[events]``
section of ``annotation.conf``, made from the events the files hold, and written back.

An ``[events]`` line is ``Type<TAB>Role:Types, Role?:Types, ...``. The role's mark says how
many arguments it takes: none exactly one, ``?`` at most one, ``*`` any number, ``+`` at least
one, ``{2}`` two, ``{1-3}`` one to three (``min`` and ``max`` in the schema). Each role is a
relation type from the event's triggers to the labels the role may take.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from annotations.formats.brat.naming import Naming

_ROLE_RE = re.compile(r"^(.+?)(\?|\*|\+|\{(\d+)(?:-(\d+))?\})?$")
_MARKS: dict[tuple[int, int | None], str] = {
    (1, 1): "",
    (0, 1): "?",
    (0, None): "*",
    (1, None): "+",
}


def role_read(written: str) -> tuple[str, int, int | None]:
    """A role of an ``[events]`` line with its mark: (name, min, max)."""
    match = _ROLE_RE.match(written.strip())
    assert match is not None  # the pattern takes any non-empty text
    name, mark, low, high = match.groups()
    if mark is None:
        return name, 1, 1
    if low is not None:
        return name, int(low), int(high) if high is not None else int(low)
    return name, {"?": 0, "*": 0, "+": 1}[mark], 1 if mark == "?" else None


def role_mark(least: int, most: int | None) -> str:
    """The mark of a role that takes ``least`` to ``most`` (None: any number) arguments."""
    mark = _MARKS.get((least, most))
    if mark is not None:
        return mark
    if most is None:
        return "+" if least else "*"
    return f"{{{least}}}" if least == most else f"{{{least}-{most}}}"


def events_read(
    lines: list[tuple[str, str]], expand: Callable[[str], list[str]], naming: Naming
) -> list[dict[str, Any]]:
    """The event types of ``[events]`` lines ((type name, the rest) each) as the schema's
    ``events``: role keys are relation type keys, argument types label keys."""
    events = []
    for name, rest in lines:
        roles: dict[str, dict[str, Any]] = {}
        for argument in (a.strip() for a in rest.split(",") if a.strip()):
            written, _, types = argument.partition(":")
            role, least, most = role_read(written)
            key = naming.relations.key(role)
            labels = [naming.labels.key(n) for n in expand(types)]
            roles[key] = {"key": key, "labels": labels, "min": least, "max": most}
        events.append({"key": naming.labels.key(name), "roles": list(roles.values())})
    return events


def events_from_files(seen: dict[str, dict[str, list[str]]]) -> list[dict[str, Any]]:
    """The event types the files hold (type -> role -> argument labels), any number each."""
    return [
        {
            "key": kind,
            "roles": [
                {"key": role, "labels": labels, "min": 0, "max": None}
                for role, labels in roles.items()
            ],
        }
        for kind, roles in seen.items()
    ]


def events_merged(
    declared: list[dict[str, Any]], seen: dict[str, dict[str, list[str]]]
) -> tuple[list[dict[str, Any]], list[str]]:
    """The declared event types plus what the files use and they lack; and what was added
    (for the notes)."""
    events = {event["key"]: {**event, "roles": list(event["roles"])} for event in declared}
    added = []
    for found in events_from_files(seen):
        event = events.get(found["key"])
        if event is None:
            events[found["key"]] = found
            added.append(f"event type {found['key']}")
            continue
        known = {role["key"] for role in event["roles"]}
        for role in found["roles"]:
            if role["key"] not in known:
                event["roles"].append(role)
                added.append(f"role {role['key']} of event type {found['key']}")
    return list(events.values()), added


def role_relation_types(
    events: list[dict[str, Any]], labels: list[str]
) -> dict[str, dict[str, Any]]:
    """The relation types the roles are: from the triggers of the events that have the role
    to the labels it may take (every label when a role names none)."""
    out: dict[str, dict[str, Any]] = {}
    for event in events:
        for role in event["roles"]:
            spec = out.setdefault(
                role["key"],
                {"key": role["key"], "from_labels": [], "to_labels": [], "directed": True},
            )
            if event["key"] not in spec["from_labels"]:
                spec["from_labels"].append(event["key"])
            wanted = role["labels"] or labels
            spec["to_labels"] += [label for label in wanted if label not in spec["to_labels"]]
    return out


def events_conf_lines(schema: dict[str, Any]) -> list[str]:
    """The ``[events]`` lines of a schema's event types."""
    lines = []
    for event in schema.get("events") or []:
        arguments = [
            f"{role['key']}{role_mark(role.get('min', 0), role.get('max'))}:"
            + ("|".join(role.get("labels") or []) or "<ANY>")
            for role in event.get("roles", [])
        ]
        lines.append(f"{event['key']}\t{', '.join(arguments)}".rstrip())
    return lines


def role_keys(schema: dict[str, Any]) -> set[str]:
    """The relation types that are roles of an event type (not written as ``[relations]``)."""
    return {role["key"] for event in schema.get("events") or [] for role in event["roles"]}
