"""Lookups shared by the annotation views: the object through a selector or a 404, then the
role check (``permissions``) or a 403."""

from __future__ import annotations

from collections.abc import Callable

from django.http import Http404
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request

from annotations.models import AnnotationSet, ExportJob, Project, SetStatus
from annotations.permissions import (
    EXPORT_REFUSAL,
    IMPORT_REFUSAL,
    can_export,
    can_import,
    can_manage,
    can_read_set,
    can_write_set,
    role_acted,
)
from annotations.selectors.export import export_job_get
from annotations.selectors.projects import project_role, project_with_role
from annotations.selectors.sets import annotation_set_lookup, row_get
from annotations.services.errors import SetStateConflict
from annotations.services.project_archive import project_writable

ARCHIVED_SET_REFUSAL = (
    "This annotation set is archived (its document was removed from the project); it is "
    "kept as it was and cannot change."
)


def project_for(
    request: Request,
    project_id: int,
    *,
    manage: bool = False,
    allowed: Callable[[str], bool] | None = None,
    refusal: str = "",
    archived_ok: bool = False,
) -> tuple[Project, str]:
    """The project (404 for outsiders) and the caller's role; 403 with ``refusal`` when the
    role fails ``allowed`` (``manage``: the managers' rule); 409 for a write (an unsafe
    method) in an archived project, unless ``archived_ok`` (exports, duplicate, unarchive)."""
    found = project_with_role(project_id, request.user)
    if found is None:
        raise Http404("No such project.")
    project, role = found
    if manage:
        allowed, refusal = can_manage, refusal or "Only the project's managers may do this."
    if allowed is not None and not allowed(role):
        raise PermissionDenied(refusal)
    if not archived_ok and request.method not in SAFE_METHODS:
        project_writable(project)
    return project, role


def project_exportable(request: Request, project_id: int) -> Project:
    """Exports only read: an archived project can be exported."""
    return project_for(
        request, project_id, allowed=can_export, refusal=EXPORT_REFUSAL, archived_ok=True
    )[0]


def project_importable(request: Request, project_id: int) -> Project:
    return project_for(request, project_id, allowed=can_import, refusal=IMPORT_REFUSAL)[0]


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
    if write or request.method not in SAFE_METHODS:
        project_writable(aset.project)
        if aset.status == SetStatus.ARCHIVED:
            raise SetStateConflict(ARCHIVED_SET_REFUSAL, SetStatus.ARCHIVED)
    return aset, role


def row_for(request: Request, model: type, row_id: int, *, write: bool = False) -> object:
    """A span, relation or stance, with its set as ``set_for`` loads it (so services need
    not fetch the schema and document again)."""
    row = row_get(model, row_id)
    if row is None:
        raise Http404("No such row.")
    row.annotation_set, _ = set_for(request, row.annotation_set_id, write=write)
    return row


def job_for(request: Request, job_id: int) -> ExportJob:
    """A background export, for the managers and reviewers of its project (404 for others)."""
    job = export_job_get(job_id)
    if job is None or not can_export(project_role(job.project_id, request.user)):
        raise Http404("No such export.")
    return job
