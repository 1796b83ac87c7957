"""``GET /api/v1/projects/{id}/suggestions/quality/``: every model layer against gold on the
seed story, keeping to its declared schema; ``against`` and ``story``; who may see it (the
matrix is in ``tests/annotations/permission_cases_quality.py``)."""

from __future__ import annotations

import pytest
from drf_spectacular.generators import SchemaGenerator

from corpus.models import Story
from tests.annotations.conftest import assert_error
from tests.annotations.test_openapi_contract import assert_keeps_to_its_schema
from tests.factories import people_in_project
from tests.seed_story import seed_story_project
from tests.suggesters.quality_layers import suggester_layers_write

pytestmark = pytest.mark.django_db

PATH = "/api/v1/projects/{project_id}/suggestions/quality/"


@pytest.fixture
def seeded():
    people = people_in_project(n_documents=0)
    seed = seed_story_project(people.project, people.manager)
    suggester_layers_write(seed, people.manager)
    return people, seed, f"/api/v1/projects/{people.project.pk}/suggestions/quality/"


def test_each_model_layer_is_given_against_gold_per_label(seeded, client_for):
    people, _seed, url = seeded
    response = client_for(people.reviewer).get(url)
    assert response.status_code == 200, response.content
    api = SchemaGenerator().get_schema(request=None, public=True)
    assert_keeps_to_its_schema(api, PATH, "get", response)
    body = {layer["layer"]: layer for layer in response.json()}
    assert sorted(body) == ["model:attribution", "model:quote-aligner"]
    aligner = body["model:quote-aligner"]
    same_claim = next(row for row in aligner["labels"] if row["label"] == "SAME_CLAIM")
    assert same_claim["overlap"]["precision"] == pytest.approx(13 / 14)
    assert same_claim["exact"]["recall"] == pytest.approx(12 / 21)
    assert aligner["rates"]["suggestions"] == 28
    assert [row["label"] for row in body["model:attribution"]["labels"]] == [
        "CLAIM",
        "SOURCE",
        "CUE",
        "ATTRIBUTED_TO",
        "CUE_OF",
    ]


def test_another_reference_layer_and_one_story_can_be_chosen(seeded, client_for):
    people, seed, url = seeded
    manager = client_for(people.manager)
    against = manager.get(url, {"against": "model:quote-aligner"}).json()
    assert [layer["layer"] for layer in against] == ["model:attribution"]
    assert against[0]["against"] == "model:quote-aligner"
    assert manager.get(url, {"story": seed.story.pk}).json()[0]["documents"] == 5
    assert manager.get(url, {"against": "model:none"}).json() == []


def test_a_story_that_is_not_a_number_is_refused(seeded, client_for):
    people, _seed, url = seeded
    response = client_for(people.manager).get(url, {"story": "x"})
    error = assert_error(response, 400)
    assert "story" in error["details"]


def test_a_story_that_is_not_in_the_project_is_refused_naming_it(seeded, client_for):
    people, _seed, url = seeded
    elsewhere = Story.objects.create(name="A story of no document of this project")
    for story in (999999, elsewhere.pk):
        error = assert_error(client_for(people.manager).get(url, {"story": story}), 400)
        assert "story" in error["details"]


def test_a_project_without_gold_answers_an_empty_list(client_for):
    people = people_in_project(n_documents=0)
    seed_story_project(people.project, people.manager, with_gold=False)
    url = f"/api/v1/projects/{people.project.pk}/suggestions/quality/"
    assert client_for(people.manager).get(url).json() == []
