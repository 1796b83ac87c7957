"""Permission cases of comments, suggestion decisions and set history."""

from __future__ import annotations

from annotations.models import SetRevision
from tests.annotations.conftest import Bench
from tests.annotations.permission_case import SET_READ, SET_WRITE, Case, version_body


def history(b: Bench) -> str:
    return f"/api/v1/sets/{b.aset.pk}/history/"


def first_revision(b: Bench) -> str:
    version = SetRevision.objects.filter(annotation_set=b.aset).order_by("version").first()
    return f"{history(b)}{version.version}/"


HISTORY_CASES = [
    Case("set history", "set-history", "get", history, SET_READ),
    Case("set revision", "set-revision", "get", first_revision, SET_READ),
    Case(
        "set revision restore",
        "set-revision-restore",
        "post",
        lambda b: first_revision(b) + "restore/",
        {**SET_WRITE, "owner": 200},
        version_body(lambda b: b.aset),
    ),
]

CASES: list[Case] = [*HISTORY_CASES]
