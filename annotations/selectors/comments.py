"""Reads of comment threads: the comments a person may see on a document, and how many they
have not read yet, per document.

Who sees which thread is ``permissions.can_read_comment_thread``; ``threads_visible`` is
the same rule as a query (the permission tests hold the two together).
"""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, F, OuterRef, Q, Subquery

from annotations.contracts_history import CommentOut, UnreadCounts
from annotations.models import Comment, CommentRead, Project, SetKind
from annotations.permissions import can_review
from annotations.provenance import layer_name


def threads_visible(user: AbstractBaseUser, role: str | None, project: Project) -> Q:
    """The comments of ``project`` whose threads the person may read."""
    if role is None:
        return Q(pk__in=[])
    if can_review(role) or not project.blind:
        return Q(project=project)
    own = Q(annotation_set__kind=SetKind.ANNOTATOR, annotation_set__author=user)
    return Q(project=project) & own


def _read_mark(user: AbstractBaseUser) -> Subquery:
    marks = CommentRead.objects.filter(
        project=OuterRef("project"), document=OuterRef("document"), user_id=user.pk
    )
    return Subquery(marks.values("read_at")[:1])


def document_comments(
    user: AbstractBaseUser, role: str | None, project: Project, document_id: int
) -> list[CommentOut]:
    """The comments on a document that the person may see, oldest first."""
    comments = (
        Comment.objects.filter(threads_visible(user, role, project), document_id=document_id)
        .select_related("author", "annotation_set__author")
        .annotate(read_at=_read_mark(user))
        .order_by("created_at", "id")
    )
    return [comment_out(comment, user) for comment in comments]


def comment_out(comment: Comment, user: AbstractBaseUser) -> CommentOut:
    """A comment as the API shows it (``read_at``, when annotated, marks it unread)."""
    aset = comment.annotation_set
    read_at: datetime | None = getattr(comment, "read_at", None)
    return {
        "id": comment.pk,
        "document": comment.document_id,
        "author": comment.author.username,
        "created_at": comment.created_at,
        "text": comment.text,
        "set": comment.annotation_set_id,
        "layer": (
            layer_name(aset.kind, aset.author.username if aset.author_id else None, aset.model_name)
            if aset is not None
            else None
        ),
        "span": comment.span_id,
        "relation": comment.relation_id,
        "stance": comment.stance_id,
        "unread": comment.author_id != user.pk
        and (read_at is None or comment.created_at > read_at),
    }


def unread_counts(
    user: AbstractBaseUser,
    role: str | None,
    project: Project,
    document_ids: list[int] | None = None,
) -> UnreadCounts:
    """Per document (of ``document_ids``, or all), the comments the person may see that
    others wrote after the person's read mark: one query."""
    comments = (
        Comment.objects.filter(threads_visible(user, role, project))
        .exclude(author_id=user.pk)
        .annotate(read_at=_read_mark(user))
        .filter(Q(read_at__isnull=True) | Q(created_at__gt=F("read_at")))
    )
    if document_ids is not None:
        comments = comments.filter(document_id__in=document_ids)
    rows = comments.values("document_id").annotate(n=Count("id")).order_by("document_id")
    documents = [{"document": row["document_id"], "unread": row["n"]} for row in rows]
    return {"total": sum(d["unread"] for d in documents), "documents": documents}


def comment_get(comment_id: int) -> Comment | None:
    return Comment.objects.select_related("project", "annotation_set").filter(pk=comment_id).first()
