"""Permission cases of a project's life: duplicate (its managers, who also need the site
permission to create projects: none of these people hold it), archive and unarchive (its
managers)."""

from __future__ import annotations

from tests.annotations.permission_case import Case, everyone, managers_only, p

CASES = [
    Case(
        "project duplicate",
        "project-duplicate",
        "post",
        lambda b: p(b) + "duplicate/",
        # A manager without "can create projects" is refused too (tests/projects/).
        everyone(403),
    ),
    Case(
        "project archive",
        "project-archive",
        "post",
        lambda b: p(b) + "archive/",
        managers_only(200),
    ),
    Case(
        "guidelines preview",
        "guidelines-preview",
        "post",
        lambda b: "/api/v1/guidelines/preview/",
        everyone(200, outsider=200),
        lambda b: {"guidelines": "**Mark** claims"},
    ),
    Case(
        "project unarchive",
        "project-unarchive",
        "post",
        lambda b: p(b) + "unarchive/",
        managers_only(200),
    ),
]
