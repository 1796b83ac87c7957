"""Permission cases of suggester runs: managers start them; managers and reviewers follow
them; annotators 403; outsiders 404."""

from __future__ import annotations

from annotations.models import SuggesterRun
from tests.annotations.conftest import Bench
from tests.annotations.permission_case import Case, managers_only, p, reviewers_only


def runs(b: Bench) -> str:
    return f"{p(b)}suggester-runs/"


def a_run(b: Bench) -> str:
    run = SuggesterRun.objects.get_or_create(
        project=b.project, suggester="attribution", model_name="attribution"
    )[0]
    return f"{runs(b)}{run.pk}/"


CASES = [
    Case("suggester runs", "project-suggester-runs", "get", runs, reviewers_only(200)),
    Case(
        "suggester run start",
        "project-suggester-runs",
        "post",
        runs,
        managers_only(202),
        lambda b: {"suggester": "attribution", "model_name": "matrix-run"},
    ),
    Case("suggester run", "project-suggester-run", "get", a_run, reviewers_only(200)),
]
