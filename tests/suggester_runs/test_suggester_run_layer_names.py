"""A suggester run writes only its own layer: a built-in suggester's model name may not be the
other built-in suggester's name nor one of the project's recommenders' (400 naming
``model_name`` with the reason, over the API and from ``manage.py run_suggester``); a
recommender run writes the layer of its own name."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from annotations.models import AnnotationSet, Recommender, SuggesterRun

pytestmark = pytest.mark.django_db


def runs_url(project) -> str:
    return f"/api/v1/projects/{project.pk}/suggester-runs/"


def a_recommender(project, name: str = "tagger") -> Recommender:
    return Recommender.objects.create(project=project, name=name, url="http://127.0.0.1:9/")


@pytest.mark.parametrize(
    ("suggester", "model_name"),
    [("attribution", "quote-aligner"), ("quote-aligner", "attribution")],
)
def test_a_built_in_suggester_may_not_write_the_other_built_ins_layer(
    seed, people, client_for, suggester, model_name
):
    body = {"suggester": suggester, "model_name": model_name, "story": seed.story.pk}
    response = client_for(people.manager).post(runs_url(seed.project), body, format="json")
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["details"]["model_name"] == f"'{model_name}' is another built-in suggester's layer"
    assert f"model:{model_name}" in error["message"]
    assert not SuggesterRun.objects.exists()


@pytest.mark.parametrize("suggester", ["attribution", "quote-aligner"])
def test_a_built_in_suggester_may_not_write_a_recommenders_layer(
    seed, people, client_for, suggester
):
    a_recommender(seed.project)
    body = {"suggester": suggester, "model_name": "tagger", "story": seed.story.pk}
    response = client_for(people.manager).post(runs_url(seed.project), body, format="json")
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["details"]["model_name"] == "'tagger' is one of the project's recommenders"
    assert not SuggesterRun.objects.exists()


def test_a_recommender_of_another_project_does_not_reserve_the_name(
    seed, people, client_for, django_capture_on_commit_callbacks
):
    from annotations.services.projects import project_create

    a_recommender(project_create(name="Elsewhere", owner=people.manager))
    body = {"suggester": "attribution", "model_name": "tagger"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(people.manager).post(runs_url(seed.project), body, format="json")
    assert response.status_code == 202, response.content
    layer = AnnotationSet.objects.filter(project=seed.project, kind="model", model_name="tagger")
    assert layer.count() == 5


def test_a_built_in_suggester_still_writes_its_own_layer_by_name(
    seed, people, client_for, django_capture_on_commit_callbacks
):
    body = {"suggester": "attribution", "model_name": "attribution"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(people.manager).post(runs_url(seed.project), body, format="json")
    assert response.status_code == 202, response.content
    assert response.json()["layer"] == "model:attribution"


def test_a_recommender_run_writes_the_layer_of_its_own_name(seed, people, client_for):
    a_recommender(seed.project)
    body = {"suggester": "recommender", "model_name": "tagger"}
    response = client_for(people.manager).post(runs_url(seed.project), body, format="json")
    assert response.status_code == 202, response.content
    assert response.json()["layer"] == "model:tagger"


def test_the_command_refuses_another_tools_layer_and_writes_nothing(seed):
    a_recommender(seed.project)
    project = ["--project", str(seed.project.pk), "--suggester", "attribution"]
    refusals = {
        "quote-aligner": "model:quote-aligner is the quote-aligner suggester's layer",
        "tagger": "model:tagger is the layer of the project's recommender 'tagger'",
    }
    for name, reason in refusals.items():
        with pytest.raises(CommandError, match=f"nothing written: {reason}"):
            call_command("run_suggester", *project, "--model-name", name, stdout=StringIO())
    assert not SuggesterRun.objects.exists()
    assert not AnnotationSet.objects.filter(kind="model").exists()
