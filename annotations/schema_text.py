"""What a schema's words may be: display names, colours and stance values, checked against
where they end up (a stance value is a ``Stance.value`` column of 64 characters; a colour is
drawn by the browser as ``#rrggbb``), so a schema PostgreSQL or the page cannot hold is
refused with its JSON path instead of failing later with a generic error. Pure: no ORM
(``tests/annotations/test_schema_text.py`` checks the sizes against the models)."""

from __future__ import annotations

import re
from typing import Any

STANCE_VALUE_MAX = 64  # Stance.value
TEXT_MAX = {"name": 200, "text": 1000}  # an item's display name; a question's text
COLOR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")


def _text_problem(value: Any, limit: int) -> str | None:
    if not isinstance(value, str):
        return "must be a string"
    if len(value) > limit:
        return f"must be at most {limit} characters (this one has {len(value)})"
    if "\x00" in value:
        return "must not hold a NUL character"
    return None


def display_text_problems(path: str, item: dict[str, Any]) -> dict[str, str]:
    """Problems of an item's ``name`` and ``text`` (each optional), under their paths."""
    return {
        f"{path}.{field}": problem
        for field, limit in TEXT_MAX.items()
        if item.get(field) is not None
        and (problem := _text_problem(item[field], limit)) is not None
    }


def color_problem(value: Any) -> str | None:
    if isinstance(value, str) and COLOR_RE.match(value):
        return None
    return "must be a colour written #rrggbb"


def stance_values_problem(values: Any) -> str | None:
    """The stance values: a list of distinct non-empty strings that fit ``Stance.value``."""
    if not isinstance(values, list):
        return "must be a list of non-empty strings"
    for value in values:
        if not isinstance(value, str) or not value:
            return "must be a list of non-empty strings"
        if problem := _text_problem(value, STANCE_VALUE_MAX):
            return f"{value[:20]!r}...: {problem}" if len(value) > 20 else f"{value!r}: {problem}"
    if len(set(values)) != len(values):
        return "must not repeat a value"
    return None
