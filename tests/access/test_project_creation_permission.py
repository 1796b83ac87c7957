"""Creating a project is a site permission: staff, superusers and holders of "Can create
projects" may; anyone else signed in is refused with a 403 that says what is needed, unless
the site lets anyone create projects (CLAIMLENS_PROJECT_CREATORS=anyone)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from rest_framework.test import APIClient

from annotations.models import Membership, Project, Role
from annotations.permissions import can_create_projects
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def create_as(user) -> object:  # noqa: ANN001
    client = APIClient()
    client.force_authenticate(user)
    return client.post("/api/v1/projects/", {"name": "Mine"}, format="json")


def granted(user, codename: str = "create_project"):  # noqa: ANN001, ANN201
    user.user_permissions.add(Permission.objects.get(codename=codename))
    return type(user).objects.get(pk=user.pk)  # a fresh object: permissions are cached


def test_a_signed_in_user_without_the_permission_is_refused_with_a_clear_message():
    response = create_as(UserFactory(username="annotator"))

    assert response.status_code == 403
    assert "can create projects" in response.json()["error"]["message"]
    assert not Project.objects.exists()


def test_a_holder_of_the_permission_creates_a_project_and_manages_it():
    user = granted(UserFactory(username="lead"))

    response = create_as(user)

    assert response.status_code == 201, response.content
    project = Project.objects.get(pk=response.json()["id"])
    assert Membership.objects.get(project=project, user=user).role == Role.MANAGER


@pytest.mark.parametrize("flag", ["is_staff", "is_superuser"])
def test_staff_and_superusers_create_projects(flag):
    user = UserFactory(username="admin", **{flag: True})

    assert create_as(user).status_code == 201


def test_when_the_site_lets_anyone_create_projects_any_signed_in_user_may(settings):
    settings.CLAIMLENS_PROJECT_CREATORS = "anyone"

    assert create_as(UserFactory(username="annotator")).status_code == 201


def test_an_anonymous_caller_may_not_and_is_asked_to_sign_in():
    response = APIClient().post("/api/v1/projects/", {"name": "Mine"}, format="json")

    assert response.status_code == 401


def test_the_rule_is_one_function_the_pages_can_ask(settings):
    from django.contrib.auth.models import AnonymousUser

    plain = UserFactory(username="plain")
    assert not can_create_projects(AnonymousUser())
    assert not can_create_projects(plain)
    assert can_create_projects(granted(UserFactory(username="lead")))
    settings.CLAIMLENS_PROJECT_CREATORS = "anyone"
    assert can_create_projects(plain)
