"""Lookups shared by the annotation views: the object or a 404, then the role check."""

from __future__ import annotations

from typing import Any

from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request

from annotations.models import AnnotationSet, Membership, Project
from annotations.permissions import can_manage, can_read_set, can_write_set, role_acted
from annotations.selectors import annotation_set_lookup


def project_for(request: Request, project_id: int, *, manage: bool = False) -> tuple[Project, str]:
    """The project (404 for outsiders) and the caller's role (403 when managing is needed)."""
    user = request.user
    caller_role = Membership.objects.filter(project=OuterRef("pk"), user_id=user.pk)
    project = (
        Project.objects.select_related("schema")
        .annotate(caller_role=Subquery(caller_role.values("role")[:1]))
        .filter(pk=project_id)
        .first()
    )
    role = role_acted(user, project.caller_role if project is not None else None)
    if project is None or role is None:
        raise Http404("No such project.")
    if manage and not can_manage(role):
        raise PermissionDenied("Only the project's managers may do this.")
    return project, role


# What set responses, permission checks and writes read; nothing more (no raw text, no
# search vector, no password hash).
def set_for(request: Request, set_id: int, *, write: bool = False) -> tuple[AnnotationSet, str]:
    """The set with its project, schema, author and document (not ``raw``) and the caller's
    role, in one query; 404 when the caller may not see it, 403 when they may not write."""
    user = request.user
    found = annotation_set_lookup(set_id, user.pk)
    if found is None:
        raise Http404("No such annotation set.")
    aset, member_role = found
    role = role_acted(user, member_role)
    if not can_read_set(user, role, aset.project, aset):
        raise Http404("No such annotation set.")
    if write and not can_write_set(user, role, aset):
        raise PermissionDenied("You may read this annotation set but not change it.")
    return aset, role


def row_for(request: Request, model: Any, row_id: int, *, write: bool = False) -> Any:
    """A span, relation or stance, with its set as ``set_for`` loads it (so services need
    not fetch the schema and document again)."""
    row = get_object_or_404(model.objects.all(), pk=row_id)
    row.annotation_set, _ = set_for(request, row.annotation_set_id, write=write)
    return row
