"""Who may read which layer: managers and reviewers every layer, annotators their own, and
in a project that is not blind every layer; a blind project's annotator is refused others."""

from __future__ import annotations

import pytest

from annotations.models import AnnotationSet, Role, SetKind
from annotations.selectors.story_layers import (
    LayerRefused,
    layer_readable_or_refuse,
    layers_readable,
)
from annotations.services.errors import DomainError
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    people = factories.people_in_project(n_documents=1)
    document = people.documents[0]
    for author in (people.annotator, people.other_annotator):
        AnnotationSet.objects.create(
            project=people.project, document=document, kind=SetKind.ANNOTATOR, author=author
        )
    AnnotationSet.objects.create(
        project=people.project, document=document, kind=SetKind.MODEL, model_name="rules"
    )
    return people


EVERY_LAYER = ["annotator:annotator", "annotator:other_annotator", "gold", "model:rules"]


def test_managers_and_reviewers_read_every_layer_and_gold_even_without_gold_sets(people):
    for role in (Role.MANAGER, Role.REVIEWER):
        assert layers_readable(people.reviewer, role, people.project) == EVERY_LAYER


def test_a_blind_projects_annotator_reads_only_their_own_layer(people):
    assert people.project.blind
    assert layers_readable(people.annotator, Role.ANNOTATOR, people.project) == [
        "annotator:annotator"
    ]


def test_an_annotator_of_a_project_that_is_not_blind_reads_every_layer(people):
    people.project.blind = False
    readable = layers_readable(people.annotator, Role.ANNOTATOR, people.project)
    assert readable == ["annotator:annotator", "annotator:other_annotator", "model:rules"]


def test_outsiders_read_no_layer(people):
    assert layers_readable(people.outsider, None, people.project) == []


def test_the_default_layer_is_gold_for_reviewers_and_the_annotators_own_for_annotators(people):
    project = people.project
    assert layer_readable_or_refuse(people.reviewer, Role.REVIEWER, project, None) == "gold"
    own = layer_readable_or_refuse(people.annotator, Role.ANNOTATOR, project, "")
    assert own == "annotator:annotator"


def test_a_blind_projects_annotator_asking_for_another_layer_is_refused_with_the_reason(people):
    for layer in ("gold", "annotator:other_annotator", "model:rules"):
        with pytest.raises(LayerRefused) as refused:
            layer_readable_or_refuse(people.annotator, Role.ANNOTATOR, people.project, layer)
        assert "blind" in str(refused.value.detail)
        assert refused.value.status_code == 403


def test_reviewers_and_annotators_of_open_projects_may_ask_for_any_layer(people):
    project = people.project
    assert layer_readable_or_refuse(people.reviewer, Role.REVIEWER, project, "model:x") == (
        "model:x"
    )
    project.blind = False
    assert layer_readable_or_refuse(people.annotator, Role.ANNOTATOR, project, "gold") == "gold"


def test_a_malformed_layer_name_is_a_400_naming_layer(people):
    for bad in ("golden", "annotator:", "model:", "x" * 300):
        with pytest.raises(DomainError) as error:
            layer_readable_or_refuse(people.reviewer, Role.REVIEWER, people.project, bad)
        assert "layer" in error.value.details
