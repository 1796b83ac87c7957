"""Test data builders (factory_boy) and a ready-made project with its people."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from annotations.models import Membership, Project, Role
from annotations.services.projects import project_create, project_documents_add
from corpus.models import Document, Outlet, Story

User = get_user_model()


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("pw-for-tests")


def permitted(user: User, *codenames: str) -> User:
    """``user`` given site permissions (``create_project``, ``import_people``), fresh from
    the database: Django caches a user's permissions."""
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return User.objects.get(pk=user.pk)


def people_importer(username: str) -> User:
    """A user holding "Can add people by import": their imports may create accounts and add
    the people a file names to the project, as annotators."""
    return permitted(UserFactory(username=username), "import_people")


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Outlet {n}")


class StoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Story

    name = factory.Sequence(lambda n: f"Story {n}")


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    text = factory.Sequence(
        lambda n: f"Document {n}. The minister said the talks had stalled, officials said."
    )
    title = factory.Sequence(lambda n: f"Title {n}")
    outlet = factory.SubFactory(OutletFactory)
    sha256 = factory.LazyAttribute(lambda d: hashlib.sha256(d.text.encode()).hexdigest())


@dataclass
class People:
    project: Project
    manager: User
    reviewer: User
    annotator: User
    other_annotator: User
    outsider: User
    story: Story
    documents: list[Document]


def people_in_project(n_documents: int = 3, **project_fields: object) -> People:
    manager = UserFactory(username="manager")
    reviewer = UserFactory(username="reviewer")
    annotator = UserFactory(username="annotator")
    other = UserFactory(username="other_annotator")
    outsider = UserFactory(username="outsider")
    project = project_create(name="Test project", owner=manager, **project_fields)
    Membership.objects.create(project=project, user=reviewer, role=Role.REVIEWER)
    Membership.objects.create(project=project, user=annotator, role=Role.ANNOTATOR)
    Membership.objects.create(project=project, user=other, role=Role.ANNOTATOR)
    story = StoryFactory()
    documents = [DocumentFactory(story=story) for _ in range(n_documents)]
    project_documents_add(project=project, documents=documents)
    return People(project, manager, reviewer, annotator, other, outsider, story, documents)
