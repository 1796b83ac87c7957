"""Reads of projects: which ones a person sees and in what role, their members, progress,
and the stories and outlets of their documents."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery

from annotations.models import (
    AnnotationSet,
    Membership,
    Project,
    ProjectDocument,
    Role,
    SetKind,
    SetStatus,
)
from annotations.permissions import role_acted
from corpus.models import Outlet, Story


def projects_visible_to(user: AbstractBaseUser) -> QuerySet[Project]:
    """The projects a person belongs to (every project for a superuser), in id order. An
    archived project is listed for its managers only (annotators and reviewers lose it)."""
    qs = Project.objects.select_related("schema")
    if getattr(user, "is_superuser", False):
        return qs.all().order_by("id")
    # One filter() call: both conditions on the same membership row, the caller's.
    mine = Q(memberships__user=user) & (
        Q(archived_at__isnull=True) | Q(memberships__role=Role.MANAGER)
    )
    return qs.filter(mine).distinct().order_by("id")


def projects_managed_by(user: AbstractBaseUser) -> list[Project]:
    """The projects ``user`` manages (every project for a superuser), archived ones too."""
    qs = Project.objects.order_by("name", "id")
    if getattr(user, "is_superuser", False):
        return list(qs)
    return list(qs.filter(memberships__user=user, memberships__role=Role.MANAGER))


def project_with_role(project_id: int, user: AbstractBaseUser) -> tuple[Project, str] | None:
    """The project with its schema and the role the person acts in there (one query); None
    when there is no such project or the person is not in it."""
    caller_role = Membership.objects.filter(project=OuterRef("pk"), user_id=user.pk)
    project = (
        Project.objects.select_related("schema")
        .annotate(caller_role=Subquery(caller_role.values("role")[:1]))
        .filter(pk=project_id)
        .first()
    )
    role = role_acted(user, project.caller_role if project is not None else None)
    if project is None or role is None:
        return None
    return project, role


def project_roles(user: AbstractBaseUser, projects: Iterable[Project]) -> dict[int, str]:
    """The role the person acts in for each of ``projects`` (one query)."""
    projects = list(projects)
    member = dict(
        Membership.objects.filter(user=user, project__in=projects).values_list("project_id", "role")
    )
    roles = {p.pk: role_acted(user, member.get(p.pk)) for p in projects}
    return {pk: role for pk, role in roles.items() if role is not None}


def project_role(project_id: int, user: AbstractBaseUser) -> str | None:
    """The role the person acts in within a project (None for outsiders)."""
    member = Membership.objects.filter(project_id=project_id, user_id=user.pk)
    return role_acted(user, member.values_list("role", flat=True).first())


def project_members(project: Project) -> list[dict[str, str]]:
    rows = project.memberships.select_related("user").order_by("user__username")
    return [{"username": m.user.username, "role": m.role} for m in rows]


def membership_of(project: Project, username: str) -> Membership | None:
    return project.memberships.select_related("user").filter(user__username=username).first()


def user_by_username(username: str) -> AbstractBaseUser | None:
    return get_user_model().objects.filter(username=username).first()


def project_progress(project: Project) -> dict[str, Any]:
    total = ProjectDocument.objects.filter(project=project).count()
    annotator_sets = AnnotationSet.objects.filter(project=project, kind=SetKind.ANNOTATOR)
    by_status = dict(
        annotator_sets.values_list("status").annotate(n=Count("id")).values_list("status", "n")
    )
    done_docs = (
        annotator_sets.filter(status=SetStatus.SUBMITTED)
        .values("document_id")
        .annotate(n=Count("id"))
        .filter(n__gte=project.annotators_per_document)
        .count()
    )
    return {"documents": total, "documents_done": done_docs, "sets_by_status": by_status}


def project_stories(project: Project) -> QuerySet[Story]:
    return Story.objects.filter(documents__projects=project).distinct().order_by("name")


def project_outlets(project: Project) -> QuerySet[Outlet]:
    return Outlet.objects.filter(documents__projects=project).distinct().order_by("name")
