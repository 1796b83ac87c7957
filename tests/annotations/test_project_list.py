"""``GET /api/v1/projects/``: the projects a person belongs to, each with the role they act in
there, the same role the project's own page gives."""

from __future__ import annotations

import pytest

from annotations.services.projects import membership_set, project_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def roles_listed(client) -> dict[int, str]:  # noqa: ANN001
    response = client.get("/api/v1/projects/")
    assert response.status_code == 200, response.content
    return {row["id"]: row["role"] for row in response.json()["results"]}


def test_members_see_their_projects_with_their_roles(people, client_for):
    other = project_create(name="Not theirs", owner=UserFactory(username="someone"))
    listed = roles_listed(client_for(people.reviewer))
    assert listed == {people.project.pk: "reviewer"}
    assert other.pk not in listed


def test_a_superuser_acts_as_manager_in_every_project_also_where_they_are_a_member(
    people, client_for
):
    admin = UserFactory(username="admin", is_superuser=True)
    other = project_create(name="Elsewhere", owner=UserFactory(username="someone"))
    membership_set(project=people.project, user=admin, role="annotator")
    client = client_for(admin)

    listed = roles_listed(client)

    assert listed == {people.project.pk: "manager", other.pk: "manager"}
    detail = client.get(f"/api/v1/projects/{people.project.pk}/").json()
    assert detail["role"] == listed[people.project.pk]
