"""Permission cases of comments, suggestion decisions and set history."""

from __future__ import annotations

from annotations.models import Comment, Decision, SetRevision, SuggestionDecision
from annotations.services.set_write import annotation_set_write
from tests.annotations.conftest import Bench, current, span_payload
from tests.annotations.permission_case import (
    SET_READ,
    SET_WRITE,
    Case,
    everyone,
    p,
    reviewers_only,
    version_body,
    write,
)


def history(b: Bench) -> str:
    return f"/api/v1/sets/{b.aset.pk}/history/"


def first_revision(b: Bench) -> str:
    version = SetRevision.objects.filter(annotation_set=b.aset).order_by("version").first()
    return f"{history(b)}{version.version}/"


HISTORY_CASES = [
    Case("set history", "set-history", "get", history, SET_READ),
    Case("set revision", "set-revision", "get", first_revision, SET_READ),
    Case(
        "set revision restore",
        "set-revision-restore",
        "post",
        lambda b: first_revision(b) + "restore/",
        {**SET_WRITE, "owner": 200},
        version_body(lambda b: b.aset),
    ),
]


def comments_url(b: Bench) -> str:
    return f"{p(b)}documents/{b.people.documents[0].pk}/comments/"


def reviewer_comment(b: Bench) -> str:
    """A reviewer's comment on the owner's claim: its URL."""
    comment = Comment.objects.create(
        project=b.project,
        document=b.people.documents[0],
        author=b.people.reviewer,
        annotation_set=b.aset,
        span=b.claim,
        text="Is this the whole claim?",
    )
    return f"/api/v1/comments/{comment.pk}/"


# In a blind project another annotator is not told the owner's threads exist, and only
# reviewers and managers have the document's general thread.
OWN_THREAD = {**everyone(201), "other": 404}
GENERAL_THREAD = {**everyone(201), "owner": 404, "other": 404}

COMMENT_CASES = [
    Case("document comments", "project-document-comments", "get", comments_url, everyone(200)),
    Case(
        "comment on a unit",
        "project-document-comments",
        "post",
        comments_url,
        OWN_THREAD,
        lambda b: {"span": b.claim.pk, "text": "Why a claim?"},
    ),
    Case(
        "comment on the general thread",
        "project-document-comments",
        "post",
        comments_url,
        GENERAL_THREAD,
        lambda b: {"text": "Out of scope?"},
    ),
    Case(
        "comments read",
        "project-document-comments-read",
        "post",
        lambda b: comments_url(b) + "read/",
        everyone(200),
        lambda b: {},
    ),
    Case(
        "comment delete",
        "comment-detail",
        "delete",
        reviewer_comment,
        {**everyone(204), "owner": 403, "other": 404},
    ),
    Case(
        "unread comments",
        "project-comments-unread",
        "get",
        lambda b: p(b) + "comments/unread/",
        everyone(200),
    ),
]


def suggestion(b: Bench) -> int:
    """A span of the bench's model set (a suggestion on the owner's document)."""
    data = {"version": current(b.model), "spans": [span_payload(b.text, "CUE", "said", ref="s")]}
    return annotation_set_write(annotation_set=b.model, data=data)["s"]


def decided(b: Bench) -> str:
    """The owner rejected a suggestion: the decision's URL."""
    made = suggestion(b)
    SuggestionDecision.objects.create(
        suggestion_id=made, annotation_set=b.aset, decision=Decision.REJECTED
    )
    return f"/api/v1/sets/{b.aset.pk}/decisions/{made}/"


DECISION_CASES = [
    Case(
        "set decisions",
        "set-decisions",
        "get",
        lambda b: f"/api/v1/sets/{b.aset.pk}/decisions/",
        SET_READ,
    ),
    Case(
        "decide on a suggestion",
        "set-decisions",
        "post",
        lambda b: f"/api/v1/sets/{b.aset.pk}/decisions/",
        write(200),
        lambda b: [{"suggestion": suggestion(b), "decision": "rejected"}],
    ),
    Case("withdraw a decision", "set-decision-detail", "delete", decided, write(204)),
    Case(
        "suggestion rates",
        "project-suggestion-rates",
        "get",
        lambda b: p(b) + "suggestions/rates/",
        reviewers_only(200),
    ),
]

CASES: list[Case] = [*HISTORY_CASES, *COMMENT_CASES, *DECISION_CASES]
