"""Who may call what: the matrix of ``tests/annotations/permission_matrix.py`` run for every
role over every endpoint of ``annotations/api/urls.py`` and ``corpus/api/urls.py``, a check
that it covers every route, and what each role is shown of a project (DESIGN.md section 3
"People", conventions 6)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import URLPattern, get_resolver

from annotations.models import Project
from tests.annotations.conftest import Bench, assert_error, build_bench
from tests.annotations.permission_matrix import CASES, ROLES, Case


def user_of(bench: Bench, role: str) -> Any:
    people = bench.people
    return {
        "manager": people.manager,
        "reviewer": people.reviewer,
        "owner": people.annotator,
        "other": people.other_annotator,
        "outsider": people.outsider,
        "anonymous": None,
    }[role]


def call(client: Any, case: Case, bench: Bench) -> Any:
    body = case.body(bench) if case.body else None
    return getattr(client, case.method)(case.url(bench), body, format=case.fmt)


def check(response: Any, expected: int) -> None:
    if expected >= 400:
        assert_error(response, expected)
    else:
        assert response.status_code == expected, response.content


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_role_gets_the_expected_status_on_every_endpoint(case, role, bench, client_for):
    if role in case.skip:
        pytest.skip(case.skip[role])
    response = call(client_for(user_of(bench, role)), case, bench)
    check(response, case.expect[role])


def test_the_matrix_covers_every_api_route():
    names: set[str] = set()

    def walk(patterns: list[Any]) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLPattern):
                if pattern.name:
                    names.add(pattern.name)
            else:
                walk(pattern.url_patterns)

    for module in ("annotations.api.urls", "corpus.api.urls"):
        walk(get_resolver(module).url_patterns)
    covered = {c.route for c in CASES} | {"auth-token"}  # auth: see test_api_behaviour
    assert names - covered == set()


# In a project that is not blind, another annotator reads every set but writes none of them.
OPEN_PROJECT_CASES = [
    c
    for c in CASES
    if c.route
    in {
        "set-detail",
        "set-submit",
        "set-skip",
        "span-list",
        "span-detail",
        "relation-list",
        "relation-detail",
        "stance-list",
        "stance-detail",
    }
]


@pytest.mark.parametrize("case", OPEN_PROJECT_CASES, ids=[c.name for c in OPEN_PROJECT_CASES])
def test_in_an_open_project_another_annotator_reads_but_does_not_write(case, people, client_for):
    Project.objects.filter(pk=people.project.pk).update(blind=False)
    people.project.refresh_from_db()
    bench = build_bench(people)
    response = call(client_for(people.other_annotator), case, bench)
    reads = case.method == "get"
    if case.name.startswith("model") and case.method == "get":
        expected = 200
    else:
        expected = 200 if reads else 403
    check(response, expected)


@pytest.mark.parametrize(
    "url", ["/api/v1/projects/", "/api/v1/stories/", "/api/v1/documents/", "/api/v1/outlets/"]
)
def test_an_outsider_gets_empty_lists_and_a_member_does_not(url, bench, client_for):
    def results(user: Any) -> list[Any]:
        body = client_for(user).get(url).json()
        return body["results"] if isinstance(body, dict) else body

    assert results(bench.people.outsider) == []
    assert results(bench.people.other_annotator) != []


def test_an_annotator_in_a_blind_project_lists_own_and_model_sets_only(bench, client_for):
    listed = client_for(bench.people.other_annotator).get(
        f"/api/v1/sets/?project={bench.project.pk}"
    )
    ids = {row["id"] for row in listed.json()["results"]}
    assert ids == {bench.model.pk}
    owner = client_for(bench.people.annotator).get(f"/api/v1/sets/?project={bench.project.pk}")
    assert {row["id"] for row in owner.json()["results"]} == {bench.aset.pk, bench.model.pk}


def test_a_blind_annotator_sees_only_own_and_model_sets_in_the_workspace_read(bench, client_for):
    doc = bench.people.documents[0].pk
    url = f"/api/v1/projects/{bench.project.pk}/documents/{doc}/"
    other = client_for(bench.people.other_annotator).get(url).json()
    assert {s["id"] for s in other["sets"]} == {bench.model.pk}
    reviewer = client_for(bench.people.reviewer).get(url).json()
    assert {s["id"] for s in reviewer["sets"]} == {bench.aset.pk, bench.gold.pk, bench.model.pk}


def test_anonymous_is_told_how_to_authenticate(client_for):
    response = client_for(None).get("/api/v1/projects/")
    assert_error(response, 401, "not_authenticated")
    assert response.headers["WWW-Authenticate"].startswith("Token")


def test_an_outsider_cannot_tell_a_missing_project_from_a_hidden_one(bench, client_for):
    client = client_for(bench.people.outsider)
    hidden = client.get(f"/api/v1/projects/{bench.project.pk}/")
    missing = client.get("/api/v1/projects/987654321/")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json()
