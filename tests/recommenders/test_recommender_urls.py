"""A recommender's address: one the HTTP client cannot send to (a bracket left open, a port
that is not a number or out of range, a space, a control character, no host, a path outside
ASCII) is refused naming ``url`` when added or changed; a row saved before that check is
checked and run with the usual could-not-connect reason, never a 500 or a raw exception."""

from __future__ import annotations

import pytest

from annotations.models import AnnotationSet, Recommender
from annotations.services.suggester_runs import suggester_run_execute, suggester_run_start
from tests.annotations.conftest import assert_error

pytestmark = pytest.mark.django_db

UNUSABLE = [
    "http://[::1/",
    "http://x:abc/",
    "http://x:99999/",
    "http://x:0/",
    "http://exa mple.com/",
    "http://example.com/\r\nX-Injected: yes",
    "http://example.com/a\tb",
    "http://example.com/\x00",
    "http://:8080/",
    "http://example.com/préstamo",
]


def base(people) -> str:
    return f"/api/v1/projects/{people.project.pk}/recommenders/"


@pytest.mark.parametrize("url", UNUSABLE)
def test_an_unusable_address_is_refused_naming_url_when_added(people, client_for, url):
    manager = client_for(people.manager)
    response = manager.post(base(people), {"name": "tagger", "url": url}, format="json")
    error = assert_error(response, 400)
    assert list(error["details"]) == ["url"]
    assert not Recommender.objects.exists()


@pytest.mark.parametrize("url", UNUSABLE)
def test_an_unusable_address_is_refused_naming_url_when_changed(people, client_for, url):
    manager = client_for(people.manager)
    created = manager.post(
        base(people), {"name": "tagger", "url": "http://127.0.0.1:9/"}, format="json"
    )
    response = manager.patch(base(people) + f"{created.json()['id']}/", {"url": url}, format="json")
    error = assert_error(response, 400)
    assert list(error["details"]) == ["url"]
    assert Recommender.objects.get().url == "http://127.0.0.1:9/"


@pytest.mark.parametrize(
    "url", ["https://recommender.example:8443/v1/propose?key=a%20b", "http://[::1]:9/"]
)
def test_a_usable_address_with_a_port_path_and_query_is_accepted(people, client_for, url):
    manager = client_for(people.manager)
    response = manager.post(base(people), {"name": "tagger", "url": url}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["url"] == url


STORED = ["http://[::1/", "http://x:abc/", "http://exa mple.com/", "http://127.0.0.1:9/\r\nX: y"]


@pytest.mark.parametrize("url", STORED)
def test_the_check_on_an_address_saved_before_the_check_says_it_could_not_connect(
    people, client_for, url
):
    saved = Recommender.objects.create(project=people.project, name="old", url=url)
    response = client_for(people.manager).post(base(people) + f"{saved.pk}/check/")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["ok"] is False
    assert body["reason"].startswith("could not connect (not a usable address")


@pytest.mark.parametrize("url", STORED)
def test_a_run_on_an_address_saved_before_the_check_fails_with_the_clean_reason(people, url):
    Recommender.objects.create(project=people.project, name="old", url=url, timeout_seconds=1)
    run = suggester_run_start(
        project=people.project,
        user=people.manager,
        suggester="recommender",
        model_name="old",
        queue=False,
    )
    run = suggester_run_execute(run.pk)
    assert run.status == "failed"
    assert f"document {people.documents[0].pk}" in run.error
    assert "could not connect (not a usable address" in run.error
    assert "InvalidURL" not in run.error and "ValueError" not in run.error
    assert not AnnotationSet.objects.filter(project=people.project, kind="model").exists()
