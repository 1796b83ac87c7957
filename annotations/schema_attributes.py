"""One attribute value of a span checked against its label's declared attributes: what
``Schema.check_attributes`` checks for each value, and what an import asks of a single value
to report it at the line that gave it (a brat ``A`` or ``#`` line)."""

from __future__ import annotations

import re
from typing import Any

MAX_TEXT_ATTRIBUTE = 2000
REGISTRY_KEY = re.compile(r"^[-a-zA-Z0-9_]{1,64}$")  # a SlugField's value: SourceEntry.key


def attribute_problem(
    label: str, declared: dict[str, dict[str, Any]], key: str, value: Any
) -> str | None:
    """What is wrong with the value ``value`` of attribute ``key`` on a span of ``label``,
    whose attributes are ``declared`` (by key); None when nothing is."""
    spec = declared.get(key)
    if spec is None:
        return f"label {label} has no attribute {key!r}"
    kind = spec["type"]
    if value is None:
        return None
    if isinstance(value, list) and kind != "multi_choice":
        return f"{key}: holds one value, given several: {value!r}"
    if kind == "choice" and value not in spec["choices"]:
        return f"{key}: {value!r} is not one of {spec['choices']}"
    if kind == "multi_choice" and (
        not isinstance(value, list) or any(v not in spec["choices"] for v in value)
    ):
        return f"{key}: must be a list drawn from {spec['choices']}"
    if kind == "bool" and not isinstance(value, bool):
        return f"{key}: must be true or false"
    if kind == "text" and (not isinstance(value, str) or len(value) > MAX_TEXT_ATTRIBUTE):
        return f"{key}: must be text of at most {MAX_TEXT_ATTRIBUTE} characters"
    if kind == "text" and "\x00" in value:
        return f"{key}: must not contain NUL characters"
    if kind == "registry" and (not isinstance(value, str) or not REGISTRY_KEY.match(value)):
        return f"{key}: must be the key of a source registry entry (a slug) or null"
    return None
