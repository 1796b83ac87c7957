"""A manager's changes to the documents of a project: their metadata, removing one, and the
order the queue hands them out in.

- **Metadata** (title, outlet, story, date, URL, language) belongs to the document, and a
  document may be held by several projects (the same text imported where its importers
  could read it: ``corpus.services.document_writer``). An edit changes the document for
  every project holding it, so it is allowed only to someone who manages every one of them
  (superusers: always), and never while one of them is archived. The refusal names no
  other project. A document whose spans are linked to other documents' spans keeps its
  story (links cross documents only inside a story). The text is never editable.
- **Removing** a document takes it out of the queue and archives its sets (status
  ``archived``, the former status kept in ``archived_from``): every row stays, out of the
  queue, agreement, exports and the workspace. A document with submitted work (annotator
  sets submitted, or a curated gold set) is removed only when the manager confirms. Adding
  the document back restores its sets as they were (``archived_sets_restore``).
- **Order**: positions are renumbered 1..n in one statement; "first" puts the given
  documents at the front in the order given, "up"/"down" swap one with its neighbour.
  ``queue.queue_next`` hands out by position, so the new order is the order of work.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import connection, transaction
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from annotations.models import (
    AnnotationSet,
    Membership,
    Project,
    ProjectDocument,
    Relation,
    Role,
    SetKind,
    SetStatus,
)
from annotations.services.errors import DomainError, SetStateConflict
from corpus.models import Document
from corpus.services.document_metadata import document_metadata_update

SHARED_REFUSAL = (
    "This document is also in a project you do not manage, so its details can be changed "
    "only by someone who manages every project that holds it (or a site administrator)."
)
ARCHIVED_HOLDER_REFUSAL = (
    "This document is also in an archived project of yours; unarchive it to change the "
    "document's details."
)
MOVES = ("first", "up", "down")


def projects_holding(document_id: int) -> set[int]:
    """The projects that hold the document: in their queue, or with sets on it."""
    queued = ProjectDocument.objects.filter(document_id=document_id).values_list(
        "project_id", flat=True
    )
    with_sets = AnnotationSet.objects.filter(document_id=document_id).values_list(
        "project_id", flat=True
    )
    return set(queued) | set(with_sets)


def document_edit_refusal(document_id: int, editor: AbstractBaseUser) -> str | None:
    """Why ``editor`` may not edit the document's metadata (naming no project), or None."""
    holders = projects_holding(document_id)
    if getattr(editor, "is_superuser", False):
        return None
    managed = set(
        Membership.objects.filter(
            user=editor, role=Role.MANAGER, project_id__in=holders
        ).values_list("project_id", flat=True)
    )
    return SHARED_REFUSAL if managed != holders else None


def _check_holders_writable(document_id: int) -> None:
    holders = projects_holding(document_id)
    if Project.objects.filter(pk__in=holders, archived_at__isnull=False).exists():
        raise SetStateConflict(ARCHIVED_HOLDER_REFUSAL, "archived")


def cross_document_links(document_id: int) -> int:
    """How many relations link a span of this document with a span of another document."""
    mine = Q(source__annotation_set__document_id=document_id) | Q(
        target__annotation_set__document_id=document_id
    )
    return (
        Relation.objects.filter(mine)
        .exclude(source__annotation_set__document_id=F("target__annotation_set__document_id"))
        .count()
    )


def project_document_edit(
    *, project: Project, document: Document, changes: dict[str, Any]
) -> Document:
    """Change the document's metadata (see the module's rule; the caller has asked
    ``document_edit_refusal``); the changes are validated values of
    ``corpus.services.document_metadata.EDITABLE``."""
    with transaction.atomic():
        _check_holders_writable(document.pk)
        story_changes = "story" in changes and (changes["story"] or "") != (
            document.story.name if document.story_id else ""
        )
        if story_changes and (links := cross_document_links(document.pk)):
            raise DomainError(
                "This document's story cannot change while its spans are linked to other "
                "documents.",
                {
                    "story": f"{links} link{'s' if links != 1 else ''} to other documents of "
                    "its story; remove them first."
                },
            )
        return document_metadata_update(document=document, changes=changes)


def submitted_work(project: Project, document_id: int) -> int:
    """How many sets of the document hold finished work: submitted annotator sets and a
    curated gold set."""
    return AnnotationSet.objects.filter(
        Q(kind=SetKind.ANNOTATOR, status=SetStatus.SUBMITTED)
        | Q(kind=SetKind.GOLD, status=SetStatus.CURATED),
        project=project,
        document_id=document_id,
    ).count()


def project_document_remove(*, project: Project, document_id: int, confirm: bool) -> int:
    """Take the document out of the project's queue and archive its sets; returns how many
    sets were archived. Refused (409) when it has submitted work and ``confirm`` is false."""
    with transaction.atomic():
        row = (
            ProjectDocument.objects.select_for_update()
            .filter(project=project, document_id=document_id)
            .first()
        )
        if row is None:
            raise DomainError("This document is not in the project.", {"document": "not found"})
        done = submitted_work(project, document_id)
        if done and not confirm:
            raise SetStateConflict(
                f"This document has {done} submitted annotation set{'s' if done != 1 else ''}. "
                "Confirm to remove it anyway: its sets are archived (kept, never deleted).",
                SetStatus.SUBMITTED,
            )
        archived = (
            AnnotationSet.objects.filter(project=project, document_id=document_id)
            .exclude(status=SetStatus.ARCHIVED)
            .update(
                archived_from=F("status"),
                status=SetStatus.ARCHIVED,
                version=F("version") + 1,
                updated_at=timezone.now(),
            )
        )
        row.delete()
        return archived


def archived_sets_restore(*, project: Project, document_ids: list[int]) -> int:
    """A removed document added back to the project gets its archived sets back, as they
    were (``archived_from``), and its queue row counts their live annotator sets again.
    Called by ``projects.project_documents_add``; returns how many sets were restored."""
    queued = ProjectDocument.objects.filter(project=project, document_id__in=document_ids)
    restored = AnnotationSet.objects.filter(
        project=project,
        document_id__in=queued.values("document_id"),
        status=SetStatus.ARCHIVED,
    ).update(
        status=F("archived_from"),
        archived_from="",
        version=F("version") + 1,
        updated_at=timezone.now(),
    )
    if restored:
        live = (
            AnnotationSet.objects.filter(
                project=project, document_id=OuterRef("document_id"), kind=SetKind.ANNOTATOR
            )
            .exclude(status__in=[SetStatus.SKIPPED, SetStatus.ARCHIVED])
            .order_by()
            .values("document_id")
            .annotate(n=Count("id"))
            .values("n")
        )
        queued.update(assigned_count=Coalesce(Subquery(live), 0))
    return restored


_RENUMBER_SQL = f"""
UPDATE {ProjectDocument._meta.db_table} pd SET position = given.n
FROM unnest(%(ids)s::bigint[]) WITH ORDINALITY AS given(id, n)
WHERE pd.project_id = %(project)s AND pd.document_id = given.id AND pd.position <> given.n
"""


def _new_order(current: list[int], documents: list[int], move: str) -> list[int]:
    if move == "first":
        chosen = set(documents)
        return documents + [d for d in current if d not in chosen]
    if len(documents) != 1:
        raise DomainError(
            "Move one document up or down at a time.", {"documents": "give exactly one id"}
        )
    order = list(current)
    i = order.index(documents[0])
    j = i - 1 if move == "up" else i + 1
    if 0 <= j < len(order):
        order[i], order[j] = order[j], order[i]
    return order


def project_documents_order(*, project: Project, documents: list[int], move: str) -> list[int]:
    """Reorder the queue (``move``: first, up or down); returns the new order's first ids
    (as many as were given, at least 1) so the caller can show where they went."""
    if move not in MOVES:
        raise DomainError("Unknown move.", {"move": f"one of {', '.join(MOVES)}"})
    if len(set(documents)) != len(documents):
        raise DomainError("A document is given twice.", {"documents": "each id once"})
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))",
                [f"claimlens.queue-order:{project.pk}"],
            )
        current = list(
            ProjectDocument.objects.filter(project=project)
            .order_by("position", "id")
            .values_list("document_id", flat=True)
        )
        missing = sorted(set(documents) - set(current))
        if missing:
            raise DomainError(
                "Some documents are not in this project.",
                {"documents": f"not in the project: {missing}"},
            )
        order = _new_order(current, documents, move)
        with connection.cursor() as cursor:
            cursor.execute(_RENUMBER_SQL, {"ids": order, "project": project.pk})
        return order
