"""Permission cases of the schema's safe changes (renames that move stored rows)."""

from __future__ import annotations

from tests.annotations.permission_case import Case, managers_only, p

CASES = [
    Case(
        "schema rename",
        "project-schema-rename",
        "post",
        lambda b: p(b) + "schema/rename/",
        managers_only(200),
        lambda b: {"renames": [{"kind": "label", "old": "CUE", "new": "VERB"}]},
    ),
]
