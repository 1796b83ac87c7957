"""Pure: what changed between two contents of a set (two revisions, ``SetRevision.contents``).

Contents are ``{"spans", "relations", "stances", "answers"}`` as set responses show them.
Rows are matched by what identifies them across writes:

- a span by its ``id`` (whole-set writes keep the ids of the spans they keep);
- a relation by its ``type``, ``source`` and ``target``, a stance by its ``holder``,
  ``target`` and ``object`` (a whole-set write stores them again with new ids; the same
  link is the same row);
- an answer by its question.

A row in both whose other fields differ is *changed* (``{"before", "after"}``); one only
in the later contents is *added*, one only in the earlier *removed*. Answers are listed
as ``{"question", "value"}`` rows, like the other parts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypedDict

PARTS = ("spans", "relations", "stances", "answers")

Row = dict[str, Any]


class RowChange(TypedDict):
    before: Row
    after: Row


class PartChanges(TypedDict):
    added: list[Row]
    removed: list[Row]
    changed: list[RowChange]


class PartCounts(TypedDict):
    added: int
    removed: int
    changed: int


class Changes(TypedDict):
    spans: PartChanges
    relations: PartChanges
    stances: PartChanges
    answers: PartChanges


class ChangeCounts(TypedDict):
    spans: PartCounts
    relations: PartCounts
    stances: PartCounts
    answers: PartCounts


def _answer_rows(answers: dict[str, Any]) -> list[Row]:
    return [{"question": question, "value": value} for question, value in answers.items()]


_IDENTITY: dict[str, Callable[[Row], Any]] = {
    "spans": lambda row: row["id"],
    "relations": lambda row: (row["type"], row["source"], row["target"]),
    "stances": lambda row: (row["holder"], row["target"], row["object"]),
    "answers": lambda row: row["question"],
}


def _rows(contents: dict[str, Any] | None, part: str) -> list[Row]:
    if not contents:
        return []
    if part == "answers":
        return _answer_rows(contents.get("answers") or {})
    return list(contents.get(part) or [])


def _content(part: str, row: Row) -> Row:
    """What is compared: every field but a relation's or stance's id, which a whole-set
    write renews."""
    if part in ("relations", "stances"):
        return {key: value for key, value in row.items() if key != "id"}
    return row


def part_changes(part: str, before: list[Row], after: list[Row]) -> PartChanges:
    identity = _IDENTITY[part]
    old = {identity(row): row for row in before}
    new = {identity(row): row for row in after}
    return {
        "added": [row for key, row in new.items() if key not in old],
        "removed": [row for key, row in old.items() if key not in new],
        "changed": [
            {"before": old[key], "after": row}
            for key, row in new.items()
            if key in old and _content(part, old[key]) != _content(part, row)
        ],
    }


def contents_changes(before: dict[str, Any] | None, after: dict[str, Any]) -> Changes:
    """What turned ``before`` (None: an empty set) into ``after``."""
    return {part: part_changes(part, _rows(before, part), _rows(after, part)) for part in PARTS}  # type: ignore[return-value]


def change_counts(changes: Changes) -> ChangeCounts:
    return {
        part: {kind: len(changes[part][kind]) for kind in ("added", "removed", "changed")}
        for part in PARTS
    }  # type: ignore[return-value]


def contents_counts(contents: dict[str, Any]) -> dict[str, int]:
    """How many rows of each part the contents hold."""
    return {part: len(_rows(contents, part)) for part in PARTS}
