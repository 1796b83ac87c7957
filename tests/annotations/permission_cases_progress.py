"""Permission cases of monitoring (``permission_matrix.py`` runs every area's): the progress
matrix for managers and reviewers; time on task reported by who may write the set."""

from __future__ import annotations

from tests.annotations.permission_case import SET_WRITE, Case, p, reviewers_only

CASES: list[Case] = [
    Case(
        "progress matrix",
        "project-progress",
        "get",
        lambda b: p(b) + "progress/",
        reviewers_only(200),
    ),
    Case(
        "progress matrix as CSV",
        "project-progress",
        "get",
        lambda b: p(b) + "progress/?format=csv",
        reviewers_only(200),
    ),
    Case(
        "time on task",
        "set-time",
        "post",
        lambda b: f"/api/v1/sets/{b.aset.pk}/time/",
        SET_WRITE,
        lambda b: {"seconds": 5},
    ),
]
