"""A manager's changes to a project's documents (``annotations/services/project_documents.py``
holds the rules):

- ``PATCH /projects/{p}/documents/{d}/``: the document's metadata (title, outlet, story,
  date, URL, language); never its text;
- ``DELETE /projects/{p}/documents/{d}/?confirm=true``: out of the queue, its sets archived
  (a document with submitted work needs ``confirm``);
- ``POST /projects/{p}/documents/order/``: the queue's order (to the front, up, down).

The detail route's GET (the workspace's read) stays as ``projects.ProjectDocumentDetailApi``
defines it.
"""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api.access import project_for
from annotations.api.openapi import ERROR, component
from annotations.api.projects import ProjectDocumentDetailApi
from annotations.contracts import ProjectDocumentRow
from annotations.document_contracts import DocumentRemoved, QueueOrdered
from annotations.selectors.documents import project_document_get, project_document_row
from annotations.services.project_documents import (
    MOVES,
    document_edit_refusal,
    project_document_edit,
    project_document_remove,
    project_documents_order,
)
from corpus.models import Document

_MAX = {f.name: f.max_length for f in Document._meta.concrete_fields if f.max_length}
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"


class DocumentMetadataSerializer(serializers.Serializer):
    """The fields to change (any subset). Outlet and story by name: an existing one is
    reused, a new name creates one, an empty string clears it."""

    title = serializers.CharField(required=False, max_length=_MAX["title"])
    outlet = serializers.CharField(required=False, allow_blank=True, max_length=200)
    story = serializers.CharField(required=False, allow_blank=True, max_length=300)
    published_at = serializers.DateTimeField(required=False, allow_null=True)
    url = serializers.URLField(required=False, allow_blank=True, max_length=_MAX["url"])
    language = serializers.RegexField(
        LANGUAGE_PATTERN,
        required=False,
        max_length=_MAX["language"],
        error_messages={"invalid": "A language code such as en, de or pt-BR."},
    )


class ProjectDocumentApi(ProjectDocumentDetailApi):
    """The workspace's read (GET), and a manager's edit (PATCH) and removal (DELETE)."""

    def _document(self, request: Request, project_id: int, document_id: int) -> tuple:
        project, _ = project_for(request, project_id, manage=True)
        document = project_document_get(project, document_id)
        if document is None:
            raise Http404("No such document in this project.")
        return project, document

    @extend_schema(
        operation_id="v1_projects_documents_partial_update",
        request=DocumentMetadataSerializer,
        responses={200: component(ProjectDocumentRow), 400: ERROR, 403: ERROR, 409: ERROR},
    )
    def patch(self, request: Request, project_id: int, document_id: int) -> Response:
        """Change the document's metadata. A document held by several projects changes in
        all of them: allowed to someone who manages every one (else 403, naming none)."""
        project, document = self._document(request, project_id, document_id)
        data = DocumentMetadataSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        if refusal := document_edit_refusal(document.pk, request.user):
            raise PermissionDenied(refusal)
        project_document_edit(project=project, document=document, changes=data.validated_data)
        return Response(project_document_row(project, document_id))

    @extend_schema(
        operation_id="v1_projects_documents_destroy",
        parameters=[
            OpenApiParameter(
                "confirm",
                bool,
                description="remove a document with submitted work (its sets are archived)",
            )
        ],
        responses={200: component(DocumentRemoved), 409: ERROR},
    )
    def delete(self, request: Request, project_id: int, document_id: int) -> Response:
        """Take the document out of the project's queue; its sets are archived (kept, out of
        queues, agreement and exports). 409 with the count when it has submitted work,
        unless ``confirm=true``."""
        project, document = self._document(request, project_id, document_id)
        confirm = request.query_params.get("confirm", "").lower() in ("true", "1", "yes")
        archived = project_document_remove(
            project=project, document_id=document.pk, confirm=confirm
        )
        return Response({"document": document.pk, "archived_sets": archived})


class QueueOrderApi(APIView):
    class QueueOrderSerializer(serializers.Serializer):
        documents = serializers.ListField(
            child=serializers.IntegerField(min_value=1), min_length=1, max_length=1000
        )
        move = serializers.ChoiceField(choices=MOVES, default="first")

    @extend_schema(
        operation_id="v1_projects_documents_order_create",
        request=QueueOrderSerializer,
        responses={200: component(QueueOrdered), 400: ERROR},
    )
    def post(self, request: Request, project_id: int) -> Response:
        """Reorder the queue: ``first`` puts the documents at its front in the order given
        (annotators get them next), ``up``/``down`` move one document by one place."""
        project, _ = project_for(request, project_id, manage=True)
        data = self.QueueOrderSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        given = data.validated_data["documents"]
        order = project_documents_order(
            project=project, documents=given, move=data.validated_data["move"]
        )
        position = {document_id: i for i, document_id in enumerate(order, start=1)}
        return Response({"documents": [{"id": d, "position": position[d]} for d in given]})
