"""Permission cases of the source registry (``permission_matrix.py`` runs every area's):
every member reads it, suggests from it and adds entries and aliases; managers and
reviewers change and delete entries; outsiders are not told it exists."""

from __future__ import annotations

from annotations.models import SourceEntry
from annotations.services.sources import source_create
from tests.annotations.conftest import Bench
from tests.annotations.permission_case import Case, everyone, p, reviewers_only


def entry(b: Bench) -> SourceEntry:
    """The project's one entry (made the first time a case asks)."""
    found = SourceEntry.objects.filter(project=b.project).first()
    return found or source_create(project=b.project, data={"name": "Hamas", "aliases": ["it"]})


def sources(b: Bench) -> str:
    return p(b) + "sources/"


def one(b: Bench) -> str:
    return f"{sources(b)}{entry(b).pk}/"


CASES: list[Case] = [
    Case("registry list", "project-sources", "get", lambda b: sources(b) + "?q=ha", everyone(200)),
    Case(
        "registry entry create",
        "project-sources",
        "post",
        sources,
        everyone(201),
        lambda b: {"name": "Qatari mediators", "kind": "other"},
    ),
    Case(
        "registry suggest",
        "project-sources-suggest",
        "get",
        lambda b: (entry(b), sources(b) + "suggest/?text=Hamas")[1],
        everyone(200),
    ),
    Case("registry entry read", "project-source-detail", "get", one, everyone(200)),
    Case(
        "registry entry change",
        "project-source-detail",
        "patch",
        one,
        reviewers_only(200),
        lambda b: {"affiliation": "Gaza"},
    ),
    Case("registry entry delete", "project-source-detail", "delete", one, reviewers_only(204)),
    Case(
        "registry aliases add",
        "project-source-aliases",
        "post",
        lambda b: one(b) + "aliases/",
        everyone(200),
        lambda b: {"aliases": ["the movement"]},
    ),
    Case(
        "registry entry claims (default layer)",
        "project-source-claims",
        "get",
        lambda b: one(b) + "claims/",
        everyone(200),
    ),
    Case(
        "registry entry claims in the gold layer",
        "project-source-claims",
        "get",
        lambda b: one(b) + "claims/?layer=gold",
        # a blind project's annotators read only their own layer
        {**everyone(200), "owner": 403, "other": 403},
    ),
]
