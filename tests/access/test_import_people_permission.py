"""An import may create accounts and add people to the project only when the importing
manager holds "Can add people by import" (superusers do). Without it, a username with no
account or an account that is not a member is an error at its file and line, and nothing is
written. With it, people are added as annotators only; an existing member's role never
changes, and staff or superusers are never added by an import."""

from __future__ import annotations

import io

import orjson
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from rest_framework.test import APIClient

from annotations.models import AnnotationSet, Membership, Role
from annotations.services.projects import project_create
from tests.exchange.helpers import exported, imported, lines
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

User = get_user_model()


def granted(user):  # noqa: ANN001, ANN201
    user.user_permissions.add(Permission.objects.get(codename="import_people"))
    return User.objects.get(pk=user.pk)


def renamed(data: bytes, old: str, new: str) -> bytes:
    records = lines(data)
    for member in records[0].get("members") or []:
        if member["username"] == old:
            member["username"] = new
    for record in records[1:]:
        for aset in record["sets"]:
            if aset["author"] == old:
                aset["author"] = new
    return b"\n".join(orjson.dumps(r) for r in records)


@pytest.fixture
def target(db):  # noqa: ANN001, ANN201
    owner = UserFactory(username="copier")
    return project_create(name="Copy", owner=owner), owner


def test_without_the_permission_a_name_with_no_account_is_an_error_at_its_line(annotated, target):
    project, owner = target
    data = renamed(exported(annotated.project), "other_annotator", "newcomer")

    outcome = imported(project, owner, data)

    assert not outcome.ok
    errors = [e for e in outcome.errors if "'newcomer'" in e.message]
    assert errors and errors[0].line is not None, outcome.errors
    assert "can add people by import" in errors[0].message
    assert not User.objects.filter(username="newcomer").exists()
    assert not AnnotationSet.objects.filter(project=project).exists()


def test_without_the_permission_an_account_that_is_not_a_member_is_refused(annotated, target):
    project, owner = target

    outcome = imported(project, owner, exported(annotated.project))

    assert not outcome.ok
    assert any(
        "'annotator' is not a member of this project" in e.message for e in outcome.errors
    ), outcome.errors
    assert not Membership.objects.filter(project=project, user=annotated.people.annotator)
    assert not AnnotationSet.objects.filter(project=project).exists()


def test_the_superuser_is_never_added_by_an_import_even_with_the_permission(annotated, target):
    project, owner = target
    UserFactory(username="root", is_superuser=True, is_staff=True)
    data = renamed(exported(annotated.project), "other_annotator", "root")

    outcome = imported(project, granted(owner), data)

    assert not outcome.ok
    assert any("'root' is a site administrator" in e.message for e in outcome.errors)
    assert not Membership.objects.filter(project=project, user__username="root").exists()


def test_with_the_permission_people_are_added_as_annotators_only(annotated, target):
    project, owner = target
    data = renamed(exported(annotated.project), "other_annotator", "newcomer")
    records = lines(data)
    records[0]["members"] = [{"username": "newcomer", "role": "manager"}]
    data = b"\n".join(orjson.dumps(r) for r in records)

    outcome = imported(project, granted(owner), data)

    assert outcome.ok, outcome.errors
    assert outcome.users_created == ["newcomer"]
    roles = dict(Membership.objects.filter(project=project).values_list("user__username", "role"))
    assert roles.pop("copier") == Role.MANAGER
    assert "newcomer" in roles
    assert set(roles.values()) == {Role.ANNOTATOR}, roles


def test_an_import_never_changes_an_existing_members_role(annotated):
    people = annotated.people
    Membership.objects.filter(project=people.project, user=people.annotator).update(
        role=Role.REVIEWER
    )
    data = exported(annotated.project)
    records = lines(data)
    records[0]["members"] = [{"username": "annotator", "role": "manager"}]
    data = b"\n".join(orjson.dumps(r) for r in records)
    AnnotationSet.objects.filter(project=people.project).delete()

    outcome = imported(people.project, granted(people.manager), data)

    assert outcome.ok, outcome.errors
    membership = Membership.objects.get(project=people.project, user=people.annotator)
    assert membership.role == Role.REVIEWER


def test_sets_in_an_existing_members_name_need_no_permission(annotated):
    people = annotated.people
    data = exported(annotated.project)
    AnnotationSet.objects.filter(project=people.project).delete()

    outcome = imported(people.project, people.manager, data)

    assert outcome.ok, outcome.errors
    assert outcome.users_created == []


def test_through_the_api_the_refusal_is_a_400_naming_the_file_and_line(annotated, target):
    project, owner = target
    upload = io.BytesIO(exported(annotated.project))
    upload.name = "copy.jsonl"
    client = APIClient()
    client.force_authenticate(owner)

    response = client.post(
        f"/api/v1/projects/{project.pk}/import/",
        {"format": "jsonl", "files": [upload]},
        format="multipart",
    )

    assert response.status_code == 400
    assert "can add people by import" in response.content.decode()
    assert "copy.jsonl" in response.content.decode()
    assert not AnnotationSet.objects.filter(project=project).exists()
