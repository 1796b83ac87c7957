"""``POST /api/v1/projects/{id}/duplicate/``: a copy of the settings and schema, with no
documents, sets or members but the person who duplicated it, as manager."""

from __future__ import annotations

import pytest

from annotations.models import AnnotationSet, Membership, Project, ProjectDocument, Role

pytestmark = pytest.mark.django_db


def test_a_manager_duplicates_settings_and_schema_without_documents_sets_or_members(
    bench, client_for, may_create
):
    project = bench.project
    project.description, project.guidelines, project.blind = "About", "Be *careful*", False
    project.save()
    manager = may_create(bench.people.manager)

    response = client_for(manager).post(f"/api/v1/projects/{project.pk}/duplicate/")

    assert response.status_code == 201, response.content
    data = response.json()
    assert data["name"] == "Test project (copy)"
    assert (data["description"], data["guidelines"], data["blind"]) == (
        "About",
        "Be *careful*",
        False,
    )
    assert data["role"] == "manager"
    copy_id = data["id"]
    copy = Project.objects.get(pk=copy_id)
    assert copy.schema.definition == project.schema.definition
    assert copy.schema_id != project.schema_id
    assert not ProjectDocument.objects.filter(project=copy).exists()
    assert not AnnotationSet.objects.filter(project=copy).exists()
    assert list(Membership.objects.filter(project=copy).values_list("user", "role")) == [
        (manager.pk, Role.MANAGER)
    ]


def test_a_manager_without_the_permission_to_create_projects_is_told_what_is_needed(
    bench, client_for
):
    response = client_for(bench.people.manager).post(
        f"/api/v1/projects/{bench.project.pk}/duplicate/"
    )
    assert response.status_code == 403
    assert "can create projects" in response.json()["error"]["message"]


def test_an_archived_project_can_be_duplicated_and_the_copy_is_active(
    bench, client_for, may_create
):
    manager = may_create(bench.people.manager)
    client = client_for(manager)
    client.post(f"/api/v1/projects/{bench.project.pk}/archive/")

    response = client.post(f"/api/v1/projects/{bench.project.pk}/duplicate/")

    assert response.status_code == 201, response.content
    assert response.json()["archived_at"] is None


def test_a_long_name_is_cut_so_the_copy_suffix_fits(bench, client_for, may_create):
    bench.project.name = "x" * 200
    bench.project.save()
    response = client_for(may_create(bench.people.manager)).post(
        f"/api/v1/projects/{bench.project.pk}/duplicate/"
    )
    assert response.json()["name"] == "x" * 193 + " (copy)"
