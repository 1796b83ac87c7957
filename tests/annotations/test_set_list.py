"""``GET /api/v1/sets/``: a project's sets, narrowed by document, status, kind and author."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def listed(client, bench, query: str = "") -> set[int]:  # noqa: ANN001
    response = client.get(f"/api/v1/sets/?project={bench.project.pk}{query}")
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def test_without_filters_a_manager_lists_every_set_of_the_project(bench, client_for):
    manager = client_for(bench.people.manager)
    assert listed(manager, bench) == {bench.aset.pk, bench.gold.pk, bench.model.pk}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("&author=annotator", {"aset"}),
        ("&author=reviewer", {"gold"}),
        ("&author=nobody", set()),
        ("&kind=model", {"model"}),
        ("&kind=annotator&author=annotator", {"aset"}),
        ("&status=curated", set()),
    ],
)
def test_each_filter_keeps_the_sets_that_match_it(bench, client_for, query, expected):
    manager = client_for(bench.people.manager)
    assert listed(manager, bench, query) == {getattr(bench, name).pk for name in expected}


def test_the_author_filter_names_the_sets_writer_by_username(bench, client_for):
    manager = client_for(bench.people.manager)
    rows = manager.get(f"/api/v1/sets/?project={bench.project.pk}&author=reviewer").json()
    assert [(row["kind"], row["author"]) for row in rows["results"]] == [("gold", "reviewer")]
