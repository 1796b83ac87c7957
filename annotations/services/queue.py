"""Handing out documents: each goes to at most ``annotators_per_document`` annotators.

``ProjectDocument.assigned_count`` counts live annotator sets. The next document is taken
with ``SELECT ... FOR UPDATE SKIP LOCKED``; PostgreSQL re-checks ``assigned_count < N`` on the
locked row's newest version, so concurrent callers never over-assign a document.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from annotations.models import AnnotationSet, Project, ProjectDocument, SetKind, SetStatus

OPEN_STATUSES = (SetStatus.ASSIGNED, SetStatus.IN_PROGRESS)


def queue_next(*, project: Project, annotator: AbstractBaseUser) -> AnnotationSet | None:
    """The caller's next set: an open one they already hold, else a new one on the first
    document that still needs annotators. None when the queue is done for them."""
    held = (
        AnnotationSet.objects.filter(
            project=project, author=annotator, kind=SetKind.ANNOTATOR, status__in=OPEN_STATUSES
        )
        .order_by("created_at", "id")
        .first()
    )
    if held is not None:
        return held
    mine = AnnotationSet.objects.filter(
        project=project, author=annotator, kind=SetKind.ANNOTATOR
    ).values("document_id")
    with transaction.atomic():
        slot = (
            ProjectDocument.objects.select_for_update(skip_locked=True)
            .filter(project=project, assigned_count__lt=project.annotators_per_document)
            .exclude(document_id__in=mine)
            .order_by("position", "id")
            .first()
        )
        if slot is None:
            return None
        aset = AnnotationSet.objects.create(
            project=project,
            document_id=slot.document_id,
            author=annotator,
            kind=SetKind.ANNOTATOR,
            status=SetStatus.ASSIGNED,
            started_at=timezone.now(),
        )
        ProjectDocument.objects.filter(pk=slot.pk).update(assigned_count=F("assigned_count") + 1)
        return aset
