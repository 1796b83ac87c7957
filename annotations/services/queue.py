"""Handing out documents: each goes to at most ``annotators_per_document`` annotators.

``ProjectDocument.assigned_count`` counts live annotator sets. The next document is taken
with ``SELECT ... FOR UPDATE SKIP LOCKED``; PostgreSQL re-checks ``assigned_count < N`` on the
locked row's newest version, so concurrent callers never over-assign a document. One
annotator's concurrent calls are serialised by an advisory lock, so they get one set.

A set a reviewer returned (``returned``) is open work again and comes back first, before the
set the annotator left open and before any new document.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import connection, transaction
from django.db.models import Case, F, IntegerField, Value, When
from django.utils import timezone

from annotations.models import AnnotationSet, Project, ProjectDocument, SetKind, SetStatus

OPEN_STATUSES = (SetStatus.ASSIGNED, SetStatus.IN_PROGRESS, SetStatus.RETURNED)
# Returned sets first: a reviewer is waiting for them.
_RETURNED_FIRST = Case(
    When(status=SetStatus.RETURNED, then=Value(0)), default=Value(1), output_field=IntegerField()
)


def _lock_queue_for(project: Project, annotator: AbstractBaseUser) -> None:
    """Serialise one annotator's calls on one project (two tabs, a double click): the second
    call waits, then finds the set the first one created. Held to the end of the transaction."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))",
            [f"claimlens.queue:{project.pk}:{annotator.pk}"],
        )


def queue_next(*, project: Project, annotator: AbstractBaseUser) -> AnnotationSet | None:
    """The caller's next set: an open one they already hold (one returned to them first),
    else a new one on the first document that still needs annotators. None when the queue
    is done for them."""
    with transaction.atomic():
        _lock_queue_for(project, annotator)
        held = (
            AnnotationSet.objects.filter(
                project=project,
                author=annotator,
                kind=SetKind.ANNOTATOR,
                status__in=OPEN_STATUSES,
            )
            .order_by(_RETURNED_FIRST, "created_at", "id")
            .first()
        )
        if held is not None:
            return held
        mine = AnnotationSet.objects.filter(
            project=project, author=annotator, kind=SetKind.ANNOTATOR
        ).values("document_id")
        open_slots = (
            ProjectDocument.objects.filter(
                project=project, assigned_count__lt=project.annotators_per_document
            )
            .exclude(document_id__in=mine)
            .order_by("position", "id")
        )
        # Skip rows other callers are assigning right now; when that leaves nothing, wait for
        # them instead: a row being assigned may still have room once they are done, and
        # "the queue is done" must not be said while it is not.
        slot = open_slots.select_for_update(skip_locked=True).first()
        if slot is None:
            slot = open_slots.select_for_update().first()
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
