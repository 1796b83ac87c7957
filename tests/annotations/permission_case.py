"""The words the permission matrix is written in: a ``Case`` per endpoint and method with
the status each role gets, and shorthands for the usual expectations."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.annotations.conftest import Bench

ROLES = ("manager", "reviewer", "owner", "other", "outsider", "anonymous")
IMPORTS_READY = importlib.util.find_spec("corpus.services") is not None


@dataclass(frozen=True)
class Case:
    name: str
    route: str  # the URL pattern's name: every pattern must appear in the table
    method: str
    url: Callable[[Bench], str]
    expect: dict[str, int]
    body: Callable[[Bench], Any] | None = None
    fmt: str = "json"
    skip: dict[str, str] = field(default_factory=dict)


def everyone(member: int, outsider: int = 404) -> dict[str, int]:
    return {
        "manager": member,
        "reviewer": member,
        "owner": member,
        "other": member,
        "outsider": outsider,
        "anonymous": 401,
    }


def annotators(ok: int) -> dict[str, int]:
    """Annotators and managers take work from the queue; reviewers curate gold instead."""
    return {**everyone(ok), "reviewer": 403}


def managers_only(ok: int) -> dict[str, int]:
    return {**everyone(403), "manager": ok}


def reviewers_only(ok: int) -> dict[str, int]:
    return {**everyone(403), "manager": ok, "reviewer": ok}


# An annotator's set in a blind project: reviewers read it, only its owner writes it, another
# annotator is not told it exists.
SET_READ = {**everyone(200), "other": 404}
SET_WRITE = {**everyone(403), "owner": 200, "other": 404}


def write(ok: int) -> dict[str, int]:
    return {**SET_WRITE, "owner": ok}


GOLD_READ = {**everyone(200), "owner": 404, "other": 404}
GOLD_WRITE = {**reviewers_only(200), "owner": 404, "other": 404}
MODEL_READ = everyone(200)
MODEL_WRITE = managers_only(200)


def p(b: Bench) -> str:
    return f"/api/v1/projects/{b.project.pk}/"


def version_body(aset_of: Callable[[Bench], Any]) -> Callable[[Bench], dict[str, Any]]:
    def body(b: Bench) -> dict[str, Any]:
        return {"version": aset_of(b).version}

    return body
