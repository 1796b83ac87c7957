"""A document's review state (unreviewed, in review, curated, returned) and what returning
a document to an annotator does to their set, their queue and their skip."""

from __future__ import annotations

import pytest

from annotations.models import Comment, ProjectDocument, ReviewStatus, SetStatus
from annotations.services.annotation_sets import (
    annotation_set_open,
    annotation_set_skip,
    annotation_set_submit,
)
from annotations.services.errors import DomainError, SetStateConflict
from annotations.services.queue import queue_next
from annotations.services.review_states import document_reopen, document_return


def review_status(layers) -> str:
    return ProjectDocument.objects.get(
        project=layers.project, document=layers.document
    ).review_status


def give_back(layers, text: str = "The claim is indirect speech; look again.") -> None:
    document_return(
        project=layers.project,
        document_id=layers.document.pk,
        annotator=layers.people.annotator,
        reviewer=layers.people.reviewer,
        text=text,
    )


def test_a_submitted_document_starts_unreviewed(two_layers):
    assert review_status(two_layers) == ReviewStatus.UNREVIEWED


def test_returning_a_document_reopens_the_annotators_set_with_the_reviewers_comment(two_layers):
    give_back(two_layers)

    two_layers.first.refresh_from_db()
    assert two_layers.first.status == SetStatus.RETURNED
    assert review_status(two_layers) == ReviewStatus.RETURNED
    comment = Comment.objects.get(document=two_layers.document)
    assert (comment.author, comment.annotation_set_id, comment.text) == (
        two_layers.people.reviewer,
        two_layers.first.pk,
        "The claim is indirect speech; look again.",
    )
    two_layers.second.refresh_from_db()
    assert two_layers.second.status == SetStatus.SUBMITTED


def test_a_returned_set_comes_back_first_in_the_annotators_queue(two_layers):
    people = two_layers.people
    held = queue_next(project=people.project, annotator=people.annotator)
    assert held.document_id != two_layers.document.pk  # a new document, now open
    give_back(two_layers)

    assert queue_next(project=people.project, annotator=people.annotator).pk == two_layers.first.pk


def test_a_returned_set_cannot_be_skipped(two_layers):
    give_back(two_layers)
    with pytest.raises(SetStateConflict):
        annotation_set_skip(annotation_set=two_layers.first)


def test_submitting_a_returned_set_gives_the_document_back_to_its_reviewers(two_layers):
    give_back(two_layers)
    annotation_set_submit(annotation_set=two_layers.first)

    two_layers.first.refresh_from_db()
    assert two_layers.first.status == SetStatus.SUBMITTED
    assert review_status(two_layers) == ReviewStatus.IN_REVIEW


def test_returning_needs_a_comment(two_layers):
    with pytest.raises(DomainError, match="comment is required"):
        give_back(two_layers, text="   ")
    two_layers.first.refresh_from_db()
    assert two_layers.first.status == SetStatus.SUBMITTED
    assert review_status(two_layers) == ReviewStatus.UNREVIEWED


def test_only_submitted_work_is_returned(two_layers):
    people = two_layers.people
    open_set = queue_next(project=people.project, annotator=people.annotator)
    with pytest.raises(SetStateConflict, match="Only submitted work"):
        document_return(
            project=people.project,
            document_id=open_set.document_id,
            annotator=people.annotator,
            reviewer=people.reviewer,
            text="Why?",
        )


def test_starting_the_gold_set_puts_the_document_in_review_and_submitting_it_curates_it(
    two_layers,
):
    people = two_layers.people
    gold, _ = annotation_set_open(
        project=people.project, document=two_layers.document, author=people.reviewer, kind="gold"
    )
    assert review_status(two_layers) == ReviewStatus.IN_REVIEW
    annotation_set_submit(annotation_set=gold)
    assert review_status(two_layers) == ReviewStatus.CURATED


def test_a_curated_document_is_reopened_before_it_can_be_returned(two_layers):
    people = two_layers.people
    gold, _ = annotation_set_open(
        project=people.project, document=two_layers.document, author=people.reviewer, kind="gold"
    )
    annotation_set_submit(annotation_set=gold)
    with pytest.raises(SetStateConflict, match="curated cannot become returned"):
        give_back(two_layers)

    document_reopen(project=people.project, document_id=two_layers.document.pk)
    gold.refresh_from_db()
    assert (review_status(two_layers), gold.status) == (ReviewStatus.IN_REVIEW, "in_progress")
    give_back(two_layers)
    assert review_status(two_layers) == ReviewStatus.RETURNED
