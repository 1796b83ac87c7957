"""``POST /api/v1/projects/``: a project's schema from a preset, from another project the
creator manages, or given whole, with the stance targets the create form asks for."""

from __future__ import annotations

import pytest

from annotations.models import Membership, Project, Role
from annotations.presets import PRESETS
from annotations.services.projects import project_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead(may_create):
    return may_create(UserFactory(username="lead"))


def create(client_for, user, **body):  # noqa: ANN001, ANN201
    return client_for(user).post("/api/v1/projects/", {"name": "Gaza talks", **body}, format="json")


def test_the_preset_with_two_actors_as_targets_makes_the_framing_question_answerable(
    lead, client_for
):
    response = create(
        client_for,
        lead,
        description="Five outlets, one event",
        guidelines="Mark **claims**.",
        blind=False,
        annotators_per_document=3,
        preset="news-attribution",
        stance_targets=["Benjamin Netanyahu", "Hamas", " "],
    )

    assert response.status_code == 201, response.content
    data = response.json()
    assert data["role"] == "manager"
    assert data["guidelines_html"] == "<p>Mark <strong>claims</strong>.</p>\n"
    project = Project.objects.get(pk=data["id"])
    assert (project.blind, project.annotators_per_document) == (False, 3)
    assert project.schema.definition["stance"]["targets"] == [
        {"key": "Benjamin_Netanyahu", "name": "Benjamin Netanyahu"},
        {"key": "Hamas", "name": "Hamas"},
    ]
    assert Membership.objects.get(project=project, user=lead).role == Role.MANAGER
    assert PRESETS["news-attribution"]["stance"]["targets"] == []  # the preset is untouched


def test_the_schema_is_copied_from_a_project_the_creator_manages(lead, client_for):
    source = project_create(name="Earlier", owner=lead)
    source.schema.definition["span_labels"][0]["name"] = "Statement"
    source.schema.save()

    response = create(client_for, lead, schema_from_project=source.pk)

    assert response.status_code == 201, response.content
    copy = Project.objects.get(pk=response.json()["id"])
    assert copy.schema_id != source.schema_id
    assert copy.schema.definition["span_labels"][0]["name"] == "Statement"


def test_copying_the_schema_of_a_project_one_does_not_manage_is_refused(lead, client_for, people):
    Membership.objects.create(project=people.project, user=lead, role=Role.ANNOTATOR)

    response = create(client_for, lead, schema_from_project=people.project.pk)

    assert response.status_code == 400
    assert response.json()["error"]["details"] == {
        "schema_from_project": "not a project you manage"
    }
    assert not Project.objects.filter(name="Gaza talks").exists()


def test_an_uploaded_schema_with_faults_is_refused_with_the_validators_messages(lead, client_for):
    schema = {"span_labels": [{"key": "1bad", "name": "Bad", "color": "#123456"}]}

    response = create(client_for, lead, schema=schema)

    assert response.status_code == 400
    details = response.json()["error"]["details"]["schema"]
    assert "span_labels[0].key" in details
    assert not Project.objects.filter(name="Gaza talks").exists()


def test_a_schema_and_a_project_to_copy_it_from_are_not_both_taken(lead, client_for):
    response = create(client_for, lead, schema=PRESETS["news-attribution"], schema_from_project=1)
    assert response.status_code == 400
    assert "schema_from_project" in response.json()["error"]["details"]


def test_two_targets_that_would_share_a_key_are_refused(lead, client_for):
    response = create(client_for, lead, stance_targets=["Hamas!", "Hamas?"])
    assert response.status_code == 400
    assert response.json()["error"]["details"] == {"stance_targets": "rename 'Hamas?'"}
