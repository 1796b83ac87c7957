"""Comment threads on a project's documents: list and write, mark read, delete, and the
unread counts of the project's documents."""

from __future__ import annotations

from datetime import datetime

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api.access import project_for
from annotations.api.openapi import ERROR, component, many
from annotations.contracts_history import (
    CommentIn,
    CommentOut,
    CommentsRead,
    CommentsReadIn,
    UnreadCounts,
)
from annotations.permissions import can_delete_comment, can_read_comment_thread
from annotations.selectors.comments import (
    comment_get,
    comment_out,
    document_comments,
    unread_counts,
)
from annotations.selectors.documents import document_get
from annotations.selectors.projects import project_role
from annotations.services.comments import comment_create, comment_delete, comments_read_mark
from annotations.services.project_archive import project_writable


def _body(request: Request) -> dict:
    if not isinstance(request.data, dict):
        raise ValidationError({"non_field": ["expected a JSON object"]})
    return dict(request.data)


def _document(document_id: int) -> object:
    document = document_get(document_id)
    if document is None:
        raise Http404("No such document.")
    return document


class DocumentCommentsApi(APIView):
    @extend_schema(operation_id="v1_document_comments_list", responses=many(CommentOut))
    def get(self, request: Request, project_id: int, document_id: int) -> Response:
        """Every comment on the document you may see, oldest first: reviewers and managers
        see every thread; annotators every thread when the project is not blind, else the
        threads of their own sets."""
        project, role = project_for(request, project_id)
        return Response(document_comments(request.user, role, project, document_id))

    @extend_schema(request=component(CommentIn), responses={201: component(CommentOut), 400: ERROR})
    def post(self, request: Request, project_id: int, document_id: int) -> Response:
        """Write a comment in a thread: on a unit (``span``, ``relation`` or ``stance``), on
        a set as a whole (``set``), or in the document's general thread (neither)."""
        project, role = project_for(request, project_id)
        comment = comment_create(
            project=project,
            document=_document(document_id),
            author=request.user,
            role=role,
            data=_body(request),
        )
        return Response(comment_out(comment, request.user), status=201)


class DocumentCommentsReadApi(APIView):
    @extend_schema(request=component(CommentsReadIn), responses=component(CommentsRead))
    def post(self, request: Request, project_id: int, document_id: int) -> Response:
        """Mark the document's threads read up to ``until`` (now when left out)."""
        project, _ = project_for(request, project_id)
        until = _body(request).get("until")
        if until is not None:
            try:
                until = datetime.fromisoformat(until)
            except (TypeError, ValueError) as exc:
                raise ValidationError({"until": ["an ISO 8601 date and time"]}) from exc
        read_at = comments_read_mark(
            project=project, document=_document(document_id), user=request.user, until=until
        )
        return Response({"read_at": read_at})


class CommentDetailApi(APIView):
    @extend_schema(responses={204: None, 403: ERROR})
    def delete(self, request: Request, comment_id: int) -> Response:
        """Delete a comment: its author, or a manager of the project."""
        comment = comment_get(comment_id)
        role = None if comment is None else project_role(comment.project_id, request.user)
        if comment is None or not can_read_comment_thread(
            request.user, role, comment.project, comment.annotation_set
        ):
            raise Http404("No such comment.")
        if not can_delete_comment(request.user, role, comment):
            raise PermissionDenied("Only its author or a manager may delete a comment.")
        project_writable(comment.project)
        comment_delete(comment=comment)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ProjectUnreadCommentsApi(APIView):
    @extend_schema(
        parameters=[OpenApiParameter("document", int, many=True)],
        responses=component(UnreadCounts),
    )
    def get(self, request: Request, project_id: int) -> Response:
        """How many comments others wrote since you last read each document's threads (only
        documents with some; ``?document=`` narrows to those documents)."""
        project, role = project_for(request, project_id)
        ids = request.query_params.getlist("document")
        if not all(i.isascii() and i.isdigit() for i in ids):
            raise ValidationError({"document": ["must be document ids"]})
        documents = [int(i) for i in ids] or None
        return Response(unread_counts(request.user, role, project, documents))
