"""Permission cases of external recommenders (``permission_matrix.py`` runs every area's):
managers configure and check them, reviewers read them, nobody else sees them."""

from __future__ import annotations

from annotations.models import Recommender
from tests.annotations.conftest import Bench
from tests.annotations.permission_case import Case, managers_only, p, reviewers_only

# Nothing listens on the discard port: a check answers 200 with ok false, quickly.
NOWHERE = "http://127.0.0.1:9/"


def recommender_url(b: Bench) -> str:
    recommender, _ = Recommender.objects.get_or_create(
        project=b.project, name="tagger", defaults={"url": NOWHERE, "timeout_seconds": 1}
    )
    return p(b) + f"recommenders/{recommender.pk}/"


CASES: list[Case] = [
    Case(
        "recommenders read",
        "project-recommenders",
        "get",
        lambda b: p(b) + "recommenders/",
        reviewers_only(200),
    ),
    Case(
        "recommender add",
        "project-recommenders",
        "post",
        lambda b: p(b) + "recommenders/",
        managers_only(201),
        lambda b: {"name": "added", "url": NOWHERE},
    ),
    Case(
        "recommender read",
        "project-recommender-detail",
        "get",
        recommender_url,
        reviewers_only(200),
    ),
    Case(
        "recommender change",
        "project-recommender-detail",
        "patch",
        recommender_url,
        managers_only(200),
        lambda b: {"enabled": False},
    ),
    Case(
        "recommender remove",
        "project-recommender-detail",
        "delete",
        recommender_url,
        managers_only(204),
    ),
    Case(
        "recommender check",
        "project-recommender-check",
        "post",
        lambda b: recommender_url(b) + "check/",
        managers_only(200),
    ),
]
