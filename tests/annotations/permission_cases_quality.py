"""Permission cases of the model layers' quality against gold (``permission_matrix.py`` runs
every area's): managers and reviewers see it, as the agreement figures; annotators never do."""

from __future__ import annotations

from tests.annotations.permission_case import Case, p, reviewers_only

CASES: list[Case] = [
    Case(
        "model layers' quality against gold",
        "project-suggestion-quality",
        "get",
        lambda b: p(b) + "suggestions/quality/",
        reviewers_only(200),
    ),
]
