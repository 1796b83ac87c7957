"""The recommenders API: a manager adds, reads, changes, checks and removes a recommender;
bad settings are refused naming the field; the check says what the recommender answered
for the sample document, or why the answer is bad, and writes nothing."""

from __future__ import annotations

import pytest

from annotations.models import AnnotationSet, Recommender
from annotations.services.project_archive import project_archive
from annotations.services.recommender import SAMPLE_TEXT
from tests.annotations.conftest import assert_error
from tests.recommenders.fake_recommender import url_of

pytestmark = pytest.mark.django_db


def base(people) -> str:
    return f"/api/v1/projects/{people.project.pk}/recommenders/"


def add(client, people, **fields):
    body = {"name": "tagger", "url": "http://127.0.0.1:9/", **fields}
    return client.post(base(people), body, format="json")


def test_a_manager_adds_a_recommender_and_it_is_listed_with_its_layer(people, client_for):
    manager = client_for(people.manager)
    created = add(manager, people, labels=["CUE", "CLAIM"], relation_types=["CUE_OF"])
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["layer"] == "model:tagger"
    assert body["labels"] == ["CLAIM", "CUE"]
    assert body["timeout_seconds"] == 10 and body["enabled"] is True and body["stances"] is False
    listed = client_for(people.reviewer).get(base(people)).json()
    assert [r["name"] for r in listed] == ["tagger"]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": "Has Spaces"}, "name"),
        ({"name": "attribution"}, "name"),
        ({"url": "ftp://example.org/"}, "url"),
        ({"url": "file:///etc/passwd"}, "url"),
        ({"url": "http://"}, "url"),
        ({"timeout_seconds": 0}, "timeout_seconds"),
        ({"timeout_seconds": 121}, "timeout_seconds"),
        ({"timeout_seconds": True}, "timeout_seconds"),
        ({"labels": ["TOPIC"]}, "labels"),
        ({"labels": "CLAIM"}, "labels"),
        ({"relation_types": ["KNOWS"]}, "relation_types"),
        ({"stances": "yes"}, "stances"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_settings_are_refused_naming_the_field(people, client_for, fields, field):
    error = assert_error(add(client_for(people.manager), people, **fields), 400)
    assert field in error["details"]
    assert not Recommender.objects.exists()


def test_a_name_already_used_in_the_project_is_refused(people, client_for):
    manager = client_for(people.manager)
    add(manager, people)
    error = assert_error(add(manager, people), 400)
    assert "name" in error["details"]


def test_a_manager_changes_and_removes_a_recommender(people, client_for):
    manager = client_for(people.manager)
    url = base(people) + f"{add(manager, people).json()['id']}/"
    changed = manager.patch(url, {"enabled": False, "timeout_seconds": 30}, format="json")
    assert changed.status_code == 200, changed.content
    assert changed.json()["enabled"] is False and changed.json()["timeout_seconds"] == 30
    assert_error(manager.patch(url, {"url": "gopher://x"}, format="json"), 400)
    assert manager.delete(url).status_code == 204
    assert_error(manager.get(url), 404)


def test_a_recommender_of_another_project_is_not_found(people, client_for):
    from annotations.services.projects import project_create
    from tests.factories import UserFactory

    elsewhere = project_create(name="Elsewhere", owner=UserFactory(username="elsewhere"))
    theirs = Recommender.objects.create(project=elsewhere, name="x", url="http://127.0.0.1:9/")
    assert_error(client_for(people.manager).get(base(people) + f"{theirs.pk}/"), 404)


def test_the_check_reports_what_a_good_recommender_proposed_and_writes_nothing(
    people, client_for, recommender_server
):
    manager = client_for(people.manager)
    created = add(
        manager,
        people,
        url=url_of(recommender_server, "/good"),
        labels=["CUE"],
        relation_types=[],
    ).json()
    checked = manager.post(base(people) + f"{created['id']}/check/")
    assert checked.status_code == 200, checked.content
    body = checked.json()
    assert body["ok"] is True and body["reason"] is None
    assert body["spans"] == [{"label": "CUE", "text": "said"}]
    assert recommender_server.received[0][1]["document"]["text"] == SAMPLE_TEXT
    assert not AnnotationSet.objects.filter(project=people.project, kind="model").exists()


def test_the_check_says_why_a_bad_answer_is_bad(people, client_for, recommender_server):
    manager = client_for(people.manager)
    created = add(manager, people, url=url_of(recommender_server, "/text"), labels=["CUE"]).json()
    body = manager.post(base(people) + f"{created['id']}/check/").json()
    assert body["ok"] is False
    assert "does not match the text at its offsets" in body["reason"]
    assert body["spans"] == []


def test_an_archived_project_refuses_changes_but_lists_its_recommenders(people, client_for):
    manager = client_for(people.manager)
    add(manager, people)
    project_archive(project=people.project)
    assert_error(add(manager, people, name="second"), 409)
    assert manager.get(base(people)).status_code == 200
