"""The source registry over the API: list and search, create (key made from the name),
change, aliases, delete (refused while spans link to it), archived projects, suggestions."""

from __future__ import annotations

import pytest

from annotations.models import SourceEntry
from annotations.services.project_archive import project_archive
from annotations.services.sources import source_create
from tests.annotations.conftest import Bench, assert_error, put_set, span_payload


def url(bench: Bench, rest: str = "") -> str:
    return f"/api/v1/projects/{bench.project.pk}/sources/{rest}"


@pytest.fixture
def manager(bench: Bench, client_for):
    return client_for(bench.people.manager)


@pytest.fixture
def netanyahu(bench: Bench) -> SourceEntry:
    return source_create(
        project=bench.project,
        data={
            "name": "Benjamin Netanyahu",
            "kind": "named_person",
            "affiliation": "Israel",
            "aliases": ["Israeli Prime Minister", "Bibi"],
        },
    )


def test_an_annotator_adds_an_entry_and_its_key_is_made_from_the_name(bench, owner):
    body = {"name": "Hamas", "kind": "named_organisation", "aliases": ["the movement"]}
    response = owner.post(url(bench), body, format="json")
    assert response.status_code == 201, response.content
    entry = response.json()
    assert entry == {
        "id": entry["id"],
        "key": "hamas",
        "name": "Hamas",
        "kind": "named_organisation",
        "affiliation": "",
        "aliases": ["the movement"],
        "spans": 0,
    }
    again = owner.post(url(bench), {"name": "HAMAS"}, format="json").json()
    assert again["key"] == "hamas-2" and again["kind"] == "other"


def test_a_key_given_must_be_a_free_slug(bench, owner, netanyahu):
    taken = owner.post(url(bench), {"name": "B", "key": netanyahu.key}, format="json")
    assert "key" in assert_error(taken, 400)["details"]
    spaced = owner.post(url(bench), {"name": "B", "key": "a b"}, format="json")
    assert "key" in assert_error(spaced, 400)["details"]


@pytest.mark.parametrize(
    "body, field",
    [
        ({"kind": "named_person"}, "name"),
        ({"name": "X", "kind": "celebrity"}, "kind"),
        ({"name": "X", "aliases": "Bibi"}, "aliases"),
        ({"name": "X", "aliases": ["..."]}, "aliases[0]"),
        ({"name": "x" * 201}, "name"),
        ({"name": "X", "side": "Gaza"}, "side"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(bench, owner, body, field):
    assert field in assert_error(owner.post(url(bench), body, format="json"), 400)["details"]


def test_the_list_searches_names_and_aliases_ignoring_case(bench, owner, netanyahu):
    source_create(project=bench.project, data={"name": "Hamas"})
    assert [e["name"] for e in owner.get(url(bench)).json()] == ["Benjamin Netanyahu", "Hamas"]
    assert [e["name"] for e in owner.get(url(bench), {"q": "BIBI"}).json()] == [
        "Benjamin Netanyahu"
    ]
    assert [e["name"] for e in owner.get(url(bench), {"q": "ama"}).json()] == ["Hamas"]


def test_a_reviewer_changes_an_entry_and_its_aliases_but_not_its_key(bench, client_for, netanyahu):
    reviewer = client_for(bench.people.reviewer)
    body = {"affiliation": "Likud", "aliases": ["Bibi", "Mr Netanyahu"]}
    changed = reviewer.patch(url(bench, f"{netanyahu.pk}/"), body, format="json").json()
    assert changed["affiliation"] == "Likud"
    assert changed["aliases"] == ["Bibi", "Mr Netanyahu"]
    refused = reviewer.patch(url(bench, f"{netanyahu.pk}/"), {"key": "bibi"}, format="json")
    assert "key" in assert_error(refused, 400)["details"]


def test_a_member_adds_aliases_and_one_already_there_is_kept_once(bench, owner, netanyahu):
    body = {"aliases": ["bibi", "the Israeli leader"]}
    entry = owner.post(url(bench, f"{netanyahu.pk}/aliases/"), body, format="json").json()
    assert entry["aliases"] == ["Bibi", "Israeli Prime Minister", "the Israeli leader"]


def test_deleting_an_entry_that_a_span_links_to_is_refused_with_the_count(
    bench, owner, manager, netanyahu
):
    span = span_payload(bench.text, "SOURCE", "minister", attributes={"entry": netanyahu.key})
    assert put_set(owner, bench.aset, spans=[span]).status_code == 200
    assert owner.get(url(bench, f"{netanyahu.pk}/")).json()["spans"] == 1
    error = assert_error(manager.delete(url(bench, f"{netanyahu.pk}/")), 409)
    assert "1 span" in error["message"]
    put_set(owner, bench.aset, spans=[])
    assert manager.delete(url(bench, f"{netanyahu.pk}/")).status_code == 204
    assert_error(manager.get(url(bench, f"{netanyahu.pk}/")), 404)


def test_an_entry_of_another_project_is_not_found(bench, manager, netanyahu):
    assert_error(manager.get(f"/api/v1/projects/{bench.project.pk + 999}/sources/"), 404)
    other = f"/api/v1/projects/{bench.project.pk}/sources/{netanyahu.pk + 999}/"
    assert_error(manager.get(other), 404)


def test_an_archived_projects_registry_is_read_but_not_written(bench, owner, manager, netanyahu):
    project_archive(project=bench.project)
    assert owner.get(url(bench)).status_code == 200
    assert_error(owner.post(url(bench), {"name": "Hamas"}, format="json"), 409)
    assert_error(manager.delete(url(bench, f"{netanyahu.pk}/")), 409)


def test_suggestions_rank_an_alias_match_first_and_a_surname_below_it(bench, owner, netanyahu):
    source_create(project=bench.project, data={"name": "Israeli military", "aliases": ["IDF"]})
    results = owner.get(url(bench, "suggest/"), {"text": "the Israeli prime minister"}).json()
    assert results["results"][0]["entry"]["key"] == netanyahu.key
    assert results["results"][0]["score"] == 1.0
    assert results["results"][0]["matched"] == "Israeli Prime Minister"
    [surname] = owner.get(url(bench, "suggest/"), {"text": "Netanyahu's"}).json()["results"]
    assert surname["entry"]["key"] == netanyahu.key and 0.5 <= surname["score"] < 1


def test_suggest_needs_a_text(bench, owner):
    assert "text" in assert_error(owner.get(url(bench, "suggest/")), 400)["details"]
