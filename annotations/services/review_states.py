"""A document's review state in a project (``ProjectDocument.review_status``), kept apart
from its annotators' sets::

    unreviewed -> in_review -> curated -> (reopened) in_review
         |            |
         +------------+--> returned -> in_review   (once the annotator submits again)

- The gold set's start, or a reviewer's first curation step (accept, reject, edit,
  auto-merge), moves an unreviewed document to ``in_review``.
- Marking it curated submits its gold set (status ``curated``); reopening a curated
  document puts both back in review.
- Returning it sends one annotator's submitted set back to them (status ``returned``: open
  work, first in their queue) with a comment on the document; the document stays
  ``returned`` until every returned set of it is submitted again, then it is ``in_review``.

Every change locks the document's queue row, so two reviewers' steps take turns.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from annotations.models import (
    AnnotationSet,
    Comment,
    Project,
    ProjectDocument,
    ReviewStatus,
    SetKind,
    SetStatus,
)
from annotations.services.errors import DomainError, SetStateConflict

# Where each state may go; staying where it is is always allowed (a repeated click).
TRANSITIONS: dict[str, frozenset[str]] = {
    ReviewStatus.UNREVIEWED: frozenset(
        {ReviewStatus.IN_REVIEW, ReviewStatus.CURATED, ReviewStatus.RETURNED}
    ),
    ReviewStatus.IN_REVIEW: frozenset({ReviewStatus.CURATED, ReviewStatus.RETURNED}),
    ReviewStatus.RETURNED: frozenset({ReviewStatus.IN_REVIEW}),
    ReviewStatus.CURATED: frozenset({ReviewStatus.IN_REVIEW}),
}

MAX_COMMENT = 10_000


def _queue_row(project_id: int, document_id: int) -> ProjectDocument:
    """The document's queue row, locked to the end of the transaction."""
    row = (
        ProjectDocument.objects.select_for_update()
        .filter(project_id=project_id, document_id=document_id)
        .first()
    )
    if row is None:
        raise DomainError("The document is not in this project.", {"document": "not in project"})
    return row


def review_status_move(*, project_id: int, document_id: int, to: str) -> ProjectDocument:
    """Move a document to review state ``to``; 409 when its state does not go there."""
    with transaction.atomic():
        row = _queue_row(project_id, document_id)
        if row.review_status == to:
            return row
        if to not in TRANSITIONS[row.review_status]:
            raise SetStateConflict(
                f"A document that is {row.review_status.replace('_', ' ')} cannot become "
                f"{to.replace('_', ' ')}.",
                row.review_status,
            )
        row.review_status = to
        row.save(update_fields=["review_status"])
        return row


def review_begin(*, project_id: int, document_id: int) -> None:
    """A reviewer starts on the document: unreviewed becomes in review (else it stays)."""
    ProjectDocument.objects.filter(
        project_id=project_id, document_id=document_id, review_status=ReviewStatus.UNREVIEWED
    ).update(review_status=ReviewStatus.IN_REVIEW)


@transaction.atomic
def document_reopen(*, project: Project, document_id: int) -> ProjectDocument:
    """Put a curated document back in review; its gold set is open again."""
    row = review_status_move(
        project_id=project.pk, document_id=document_id, to=ReviewStatus.IN_REVIEW
    )
    gold = (
        AnnotationSet.objects.select_for_update()
        .filter(project=project, document_id=document_id, kind=SetKind.GOLD)
        .first()
    )
    if gold is not None and gold.status == SetStatus.CURATED:
        gold.status = SetStatus.IN_PROGRESS
        gold.version += 1
        gold.save(update_fields=["status", "version", "updated_at"])
    return row


@transaction.atomic
def document_return(
    *,
    project: Project,
    document_id: int,
    annotator: AbstractBaseUser,
    reviewer: AbstractBaseUser,
    text: str,
) -> AnnotationSet:
    """Send one annotator's submitted set on the document back to them with a comment (a
    message in the document's thread). Their set becomes ``returned``; so does the
    document."""
    text = (text or "").strip()
    if not text:
        raise DomainError(
            "Say what the annotator should look at: the comment is required.",
            {"comment": "required"},
        )
    if len(text) > MAX_COMMENT:
        raise DomainError(
            f"The comment is too long (at most {MAX_COMMENT} characters).", {"comment": "too long"}
        )
    review_status_move(project_id=project.pk, document_id=document_id, to=ReviewStatus.RETURNED)
    aset = (
        AnnotationSet.objects.select_for_update()
        .filter(project=project, document_id=document_id, kind=SetKind.ANNOTATOR, author=annotator)
        .first()
    )
    if aset is None:
        raise DomainError(
            f"{annotator.get_username()} has no set on this document.", {"annotator": "no set"}
        )
    if aset.status not in (SetStatus.SUBMITTED, SetStatus.RETURNED):
        raise SetStateConflict(
            "Only submitted work can be returned: this set is not submitted.", aset.status
        )
    aset.status = SetStatus.RETURNED
    aset.version += 1
    aset.save(update_fields=["status", "version", "updated_at"])
    # A note on the returned set as a whole: its annotator's thread, which blind projects
    # keep between them and the reviewers.
    Comment.objects.create(
        project=project, document_id=document_id, annotation_set=aset, author=reviewer, text=text
    )
    return aset


def returned_set_submitted(aset: AnnotationSet) -> None:
    """A returned set was submitted again: when no set of the document is still returned,
    the document goes back to its reviewers (in review). Inside the submit's transaction."""
    still_returned = AnnotationSet.objects.filter(
        project_id=aset.project_id,
        document_id=aset.document_id,
        kind=SetKind.ANNOTATOR,
        status=SetStatus.RETURNED,
    ).exclude(pk=aset.pk)
    if not still_returned.exists():
        ProjectDocument.objects.filter(
            project_id=aset.project_id,
            document_id=aset.document_id,
            review_status=ReviewStatus.RETURNED,
        ).update(review_status=ReviewStatus.IN_REVIEW)


def gold_set_submitted(aset: AnnotationSet) -> None:
    """The gold set was submitted (marked curated): so is the document."""
    review_status_move(
        project_id=aset.project_id, document_id=aset.document_id, to=ReviewStatus.CURATED
    )
