"""The life of an annotation set: open (get or create), submit, skip.

A set a reviewer returned is open work again: it is submitted like any other (and the
document goes back to its reviewers), but never skipped. Starting a document's gold set
puts the document in review; submitting it marks the document curated
(``review_states``)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from annotations.models import AnnotationSet, Project, ProjectDocument, SetKind, SetStatus
from annotations.services.errors import DocumentFull, DomainError, SetStateConflict
from annotations.services.queue import OPEN_STATUSES
from annotations.services.review_states import (
    gold_set_submitted,
    returned_set_submitted,
    review_begin,
)
from corpus.models import Document


def annotation_set_open(
    *,
    project: Project,
    document: Document,
    author: AbstractBaseUser | None,
    kind: str = SetKind.ANNOTATOR,
    model_name: str = "",
) -> tuple[AnnotationSet, bool]:
    """Get or create a set; returns (set, created). A new annotator set takes one of the
    document's ``annotators_per_document`` slots, like a set handed out by the queue; when
    none is left it is refused (``DocumentFull``), so a document never has more annotators
    than the project asks for."""
    lookup: dict[str, Any] = {"project": project, "document": document, "kind": kind}
    if kind == SetKind.ANNOTATOR:
        lookup["author"] = author
    elif kind == SetKind.MODEL:
        if not model_name:
            raise DomainError("A model set needs a model_name.", {"model_name": "required"})
        lookup["model_name"] = model_name
    with transaction.atomic():
        slot = ProjectDocument.objects.filter(project=project, document=document)
        if kind == SetKind.ANNOTATOR:
            slot = slot.select_for_update()  # one slot check at a time per document
        slot = slot.first()
        if slot is None:
            raise DomainError(
                "The document is not in this project.", {"document": "not in project"}
            )
        existing = AnnotationSet.objects.filter(**lookup).first()
        if existing:
            return existing, False
        if kind == SetKind.ANNOTATOR and slot.assigned_count >= project.annotators_per_document:
            raise DocumentFull(slot.assigned_count, project.annotators_per_document)
        defaults = {"author": author} if kind != SetKind.ANNOTATOR else {}
        try:
            with transaction.atomic():
                aset = AnnotationSet.objects.create(**lookup, **defaults)
        except IntegrityError:
            return AnnotationSet.objects.get(**lookup), False
        if kind == SetKind.ANNOTATOR:
            ProjectDocument.objects.filter(pk=slot.pk).update(
                assigned_count=F("assigned_count") + 1
            )
        elif kind == SetKind.GOLD:
            review_begin(project_id=project.pk, document_id=document.pk)
        return aset, True


@transaction.atomic
def annotation_set_submit(*, annotation_set: AnnotationSet) -> AnnotationSet:
    """Submit (annotators, models) or mark curated (gold). A skipped set may be taken back
    and submitted while the document still has a free annotator slot."""
    aset = AnnotationSet.objects.select_for_update().get(pk=annotation_set.pk)
    if aset.status == SetStatus.SKIPPED:
        slot = ProjectDocument.objects.select_for_update().get(
            project_id=aset.project_id, document_id=aset.document_id
        )
        limit = Project.objects.values_list("annotators_per_document", flat=True).get(
            pk=aset.project_id
        )
        if slot.assigned_count >= limit:
            raise SetStateConflict(
                "This document has all its annotators now; a skipped set cannot be submitted.",
                aset.status,
            )
        ProjectDocument.objects.filter(pk=slot.pk).update(assigned_count=F("assigned_count") + 1)
    if aset.status == SetStatus.RETURNED:
        returned_set_submitted(aset)
    if aset.kind == SetKind.GOLD:
        gold_set_submitted(aset)
    aset.status = SetStatus.CURATED if aset.kind == SetKind.GOLD else SetStatus.SUBMITTED
    aset.submitted_at = timezone.now()
    aset.version += 1
    aset.save(update_fields=["status", "submitted_at", "version", "updated_at"])
    return aset


@transaction.atomic
def annotation_set_skip(*, annotation_set: AnnotationSet) -> AnnotationSet:
    """Skip an open set: the document's slot goes back to the queue for another annotator.
    Submitted work is never skipped."""
    aset = AnnotationSet.objects.select_for_update().get(pk=annotation_set.pk)
    if aset.kind != SetKind.ANNOTATOR:
        raise DomainError("Only an annotator's set can be skipped.", {"kind": aset.kind})
    if aset.status == SetStatus.SKIPPED:
        return aset
    if aset.status == SetStatus.RETURNED:
        raise SetStateConflict(
            "A reviewer returned this set to you: correct it and submit it again; it cannot "
            "be skipped.",
            aset.status,
        )
    if aset.status not in OPEN_STATUSES:
        raise SetStateConflict("Submitted work cannot be skipped.", aset.status)
    aset.status = SetStatus.SKIPPED
    aset.version += 1
    aset.save(update_fields=["status", "version", "updated_at"])
    ProjectDocument.objects.filter(
        project_id=aset.project_id, document_id=aset.document_id, assigned_count__gt=0
    ).update(assigned_count=F("assigned_count") - 1)
    return aset
