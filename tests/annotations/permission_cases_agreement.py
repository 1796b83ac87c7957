"""Permission cases of agreement figures (``permission_matrix.py`` runs every area's):
managers and reviewers see them; annotators never do, whether the project is blind or not
(``test_agreement_api.py`` checks the open project too)."""

from __future__ import annotations

from tests.annotations.permission_case import Case, p, reviewers_only

CASES: list[Case] = [
    Case(
        "agreement figures",
        "project-agreement",
        "get",
        lambda b: p(b) + "agreement/?measure=spans",
        reviewers_only(200),
    ),
    Case(
        "agreement figures as CSV",
        "project-agreement",
        "get",
        lambda b: p(b) + "agreement/?measure=spans&format=csv",
        reviewers_only(200),
    ),
]
