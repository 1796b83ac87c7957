"""The suggester runs API: managers start a run (202) that the worker runs; managers and
reviewers follow it; bad requests and clashes are refused with the reason."""

from __future__ import annotations

import pytest

from annotations.models import AnnotationSet, SuggesterRun
from annotations.services.project_archive import project_archive
from annotations.services.projects import project_create

pytestmark = pytest.mark.django_db


def runs_url(project) -> str:
    return f"/api/v1/projects/{project.pk}/suggester-runs/"


def start(client, project, django_capture_on_commit_callbacks, **body):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(runs_url(project), body, format="json")


def test_a_manager_runs_the_quote_aligner_on_a_story_and_follows_it_to_done(
    seed, people, client_for, django_capture_on_commit_callbacks
):
    manager = client_for(people.manager)
    response = start(
        manager,
        seed.project,
        django_capture_on_commit_callbacks,
        suggester="quote-aligner",
        story=seed.story.pk,
    )
    assert response.status_code == 202, response.json()
    started = response.json()
    assert started["layer"] == "model:quote-aligner"
    assert started["story"] == {"id": seed.story.pk, "name": seed.story.name}
    assert started["documents_total"] == 5
    followed = manager.get(f"{runs_url(seed.project)}{started['id']}/").json()
    assert followed["status"] == "done"
    assert followed["progress"] == 1.0
    assert followed["outcome"]["spans"] > 0
    assert followed["requested_by"] == "manager"


def test_the_list_is_newest_first_and_reviewers_may_read_it(
    seed, people, client_for, django_capture_on_commit_callbacks
):
    manager = client_for(people.manager)
    start(manager, seed.project, django_capture_on_commit_callbacks, suggester="attribution")
    start(
        manager,
        seed.project,
        django_capture_on_commit_callbacks,
        suggester="attribution",
        model_name="rules-b",
    )
    listed = client_for(people.reviewer).get(runs_url(seed.project)).json()
    assert [run["model_name"] for run in listed] == ["rules-b", "attribution"]


def test_a_second_run_for_the_same_layer_is_a_409_with_the_count_and_replace_runs_it(
    seed, people, client_for, django_capture_on_commit_callbacks
):
    manager = client_for(people.manager)
    start(manager, seed.project, django_capture_on_commit_callbacks, suggester="attribution")
    again = start(
        manager, seed.project, django_capture_on_commit_callbacks, suggester="attribution"
    )
    assert again.status_code == 409
    assert "already has 5 sets" in again.json()["error"]["message"]
    assert again.json()["error"]["details"] == {"status": "layer_exists"}
    replaced = start(
        manager,
        seed.project,
        django_capture_on_commit_callbacks,
        suggester="attribution",
        replace=True,
    )
    assert replaced.status_code == 202
    assert SuggesterRun.objects.get(pk=replaced.json()["id"]).status == "done"
    assert AnnotationSet.objects.filter(project=seed.project, kind="model").count() == 5


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"suggester": "oracle"}, "suggester"),
        ({"suggester": "quote-aligner"}, "story"),
        ({"suggester": "quote-aligner", "story": 999999}, "story"),
        ({"suggester": "attribution", "model_name": "Bad Name"}, "model_name"),
        ({"suggester": "recommender"}, "model_name"),
    ],
)
def test_a_bad_request_is_a_400_naming_the_field(seed, people, client_for, body, field):
    response = client_for(people.manager).post(runs_url(seed.project), body, format="json")
    assert response.status_code == 400
    assert field in response.json()["error"]["details"]
    assert not SuggesterRun.objects.exists()


def test_an_archived_project_is_a_409(seed, people, client_for):
    project_archive(project=seed.project)
    response = client_for(people.manager).post(
        runs_url(seed.project), {"suggester": "attribution"}, format="json"
    )
    assert response.status_code == 409
    assert "archived" in response.json()["error"]["message"]


def test_reviewers_may_not_start_runs_and_annotators_may_not_see_them(seed, people, client_for):
    reviewer = client_for(people.reviewer).post(
        runs_url(seed.project), {"suggester": "attribution"}, format="json"
    )
    assert reviewer.status_code == 403
    assert "managers" in reviewer.json()["error"]["message"]
    assert client_for(people.annotator).get(runs_url(seed.project)).status_code == 403
    assert client_for(people.outsider).get(runs_url(seed.project)).status_code == 404


def test_a_run_is_found_only_under_its_own_project(seed, people, client_for):
    elsewhere = project_create(name="Another project", owner=people.manager)
    run = SuggesterRun.objects.create(
        project=elsewhere, suggester="attribution", model_name="attribution"
    )
    manager = client_for(people.manager)
    assert manager.get(f"{runs_url(elsewhere)}{run.pk}/").status_code == 200
    assert manager.get(f"{runs_url(seed.project)}{run.pk}/").status_code == 404
