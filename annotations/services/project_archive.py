"""Archiving a project: an archived project (``Project.archived_at`` set) is read-only.

Every write in it is refused by one check, ``project_writable``, which the API's lookups
(``annotations/api/access.py``: ``project_for`` and ``set_for``) call on every unsafe request,
so set, row, import, schema, member, document and comment writes all answer 409 with the same
reason. Reads, exports, duplicating and unarchiving stay open. Annotators and reviewers no
longer see an archived project in their lists (``selectors.projects.projects_visible_to``);
managers see it under "Archived".
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from annotations.models import Project
from annotations.services.errors import ProjectArchived


def project_writable(project: Project) -> None:
    """Raise ``ProjectArchived`` (409) when the project is archived."""
    if project.archived_at is not None:
        raise ProjectArchived()


@transaction.atomic
def project_archive(*, project: Project) -> Project:
    """Archive the project (archiving an archived one keeps its first date)."""
    locked = Project.objects.select_for_update().get(pk=project.pk)
    if locked.archived_at is None:
        locked.archived_at = timezone.now()
        locked.save(update_fields=["archived_at"])
    project.archived_at = locked.archived_at
    return project


@transaction.atomic
def project_unarchive(*, project: Project) -> Project:
    Project.objects.filter(pk=project.pk).update(archived_at=None)
    project.archived_at = None
    return project
