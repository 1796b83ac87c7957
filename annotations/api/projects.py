"""Projects: list, create, read, change; schema; members; documents; queue."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api import serializers as s
from annotations.api.access import project_for
from annotations.api.openapi import ERROR, component, paginated
from annotations.contracts import (
    DocumentsAdded,
    ProjectDocumentDetail,
    ProjectDocumentRow,
    SetDetail,
)
from annotations.models import Membership, Project, Role
from annotations.permissions import PROJECT_CREATION_REFUSAL, can_annotate, can_create_projects
from annotations.schema import SchemaDefinition
from annotations.selectors.documents import (
    document_get,
    project_document_read,
    project_document_rows,
    project_documents,
)
from annotations.selectors.projects import (
    membership_of,
    project_members,
    project_progress,
    project_roles,
    projects_visible_to,
    user_by_username,
)
from annotations.selectors.sets import annotation_set_detail
from annotations.services import projects as project_services
from annotations.services.project_setup import project_start
from annotations.services.queue import queue_next
from annotations.services.schema_changes import project_schema_change
from config.api import Pagination
from corpus.api.filters import document_filters
from corpus.selectors import documents_visible_to


def _validated(serializer_class: type, data: object, **kwargs: object) -> dict:
    serializer = serializer_class(data=data, **kwargs)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def _project_data(request: Request, project: object, role: str | None) -> dict:
    return s.ProjectSerializer(project, context={"roles": {project.pk: role}}).data


class ProjectListApi(APIView):
    @extend_schema(operation_id="v1_projects_list", responses=paginated(s.ProjectSerializer))
    def get(self, request: Request) -> Response:
        paginator = Pagination()
        page = paginator.paginate_queryset(projects_visible_to(request.user), request, view=self)
        roles = project_roles(request.user, page)
        data = s.ProjectSerializer(page, many=True, context={"roles": roles}).data
        return paginator.get_paginated_response(data)

    @extend_schema(request=s.ProjectCreateSerializer, responses={201: s.ProjectSerializer})
    def post(self, request: Request) -> Response:
        if not can_create_projects(request.user):
            raise PermissionDenied(PROJECT_CREATION_REFUSAL)
        data = _validated(s.ProjectCreateSerializer, request.data)
        project = project_start(owner=request.user, **data)
        return Response(_project_data(request, project, Role.MANAGER), status=201)


class ProjectDetailApi(APIView):
    @extend_schema(responses=s.ProjectDetailSerializer)
    def get(self, request: Request, project_id: int) -> Response:
        project, role = project_for(request, project_id)
        data = _project_data(request, project, role)
        data["progress"] = project_progress(project)
        return Response(data)

    @extend_schema(request=s.ProjectUpdateSerializer, responses=s.ProjectSerializer)
    def patch(self, request: Request, project_id: int) -> Response:
        project, role = project_for(request, project_id, manage=True)
        fields = _validated(s.ProjectUpdateSerializer, request.data)
        project_services.project_update(project=project, fields=dict(fields))
        return Response(_project_data(request, project, role))

    @extend_schema(responses={204: None})
    def delete(self, request: Request, project_id: int) -> Response:
        project, _ = project_for(request, project_id, manage=True, archived_ok=True)
        project_services.project_delete(project=project)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ProjectSchemaApi(APIView):
    @extend_schema(responses=component(SchemaDefinition))
    def get(self, request: Request, project_id: int) -> Response:
        project, _ = project_for(request, project_id)
        return Response(project.schema.definition)

    @extend_schema(
        request=component(SchemaDefinition),
        responses={200: component(SchemaDefinition), 400: ERROR},
    )
    def put(self, request: Request, project_id: int) -> Response:
        project, _ = project_for(request, project_id, manage=True)
        schema = project_schema_change(project=project, definition=request.data)
        return Response(schema.definition)


class ProjectMembersApi(APIView):
    @extend_schema(responses=s.MemberSerializer(many=True))
    def get(self, request: Request, project_id: int) -> Response:
        project, _ = project_for(request, project_id)
        return Response(project_members(project))

    @extend_schema(request=s.MemberSerializer, responses={201: s.MemberSerializer})
    def post(self, request: Request, project_id: int) -> Response:
        project, _ = project_for(request, project_id, manage=True)
        data = _validated(s.MemberSerializer, request.data)
        user = user_by_username(data["username"])
        if user is None:
            raise ValidationError({"username": ["No user with this username."]})
        membership = project_services.membership_set(project=project, user=user, role=data["role"])
        return Response({"username": user.username, "role": membership.role}, status=201)


def _membership(project: Project, username: str) -> Membership:
    membership = membership_of(project, username)
    if membership is None:
        raise Http404("No such member.")
    return membership


class ProjectMemberDetailApi(APIView):
    @extend_schema(request=s.MemberRoleSerializer, responses=s.MemberSerializer)
    def patch(self, request: Request, project_id: int, username: str) -> Response:
        project, _ = project_for(request, project_id, manage=True)
        membership = _membership(project, username)
        role = _validated(s.MemberRoleSerializer, request.data)["role"]
        project_services.membership_set(project=project, user=membership.user, role=role)
        return Response({"username": username, "role": role})

    @extend_schema(responses={204: None})
    def delete(self, request: Request, project_id: int, username: str) -> Response:
        project, _ = project_for(request, project_id, manage=True)
        membership = _membership(project, username)
        project_services.membership_remove(project=project, user=membership.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


DOCUMENT_LIST_FILTERS = [
    OpenApiParameter("story", int),
    OpenApiParameter("outlet", str, description="outlet name"),
    OpenApiParameter("q", str, description="full-text search (PostgreSQL, English)"),
]


class ProjectDocumentsApi(APIView):
    @extend_schema(
        operation_id="v1_projects_documents_list",
        parameters=DOCUMENT_LIST_FILTERS,
        responses=paginated(ProjectDocumentRow),
    )
    def get(self, request: Request, project_id: int) -> Response:
        project, _ = project_for(request, project_id)
        rows = project_documents(project, document_filters(request.query_params))
        paginator = Pagination()
        page = paginator.paginate_queryset(rows, request, view=self)
        return paginator.get_paginated_response(project_document_rows(page))

    @extend_schema(
        request=s.DocumentsAddSerializer, responses={201: component(DocumentsAdded), 400: ERROR}
    )
    def post(self, request: Request, project_id: int) -> Response:
        project, _ = project_for(request, project_id, manage=True)
        data = _validated(s.DocumentsAddSerializer, request.data)
        documents = project_services.project_documents_choose(
            visible=documents_visible_to(request.user),
            ids=data.get("documents") or [],
            story_id=data.get("story"),
        )
        added = project_services.project_documents_add(project=project, documents=documents)
        return Response({"added": added}, status=201)


class ProjectDocumentDetailApi(APIView):
    """A document with every annotation set the caller may see: the workspace's one read."""

    @extend_schema(responses=component(ProjectDocumentDetail))
    def get(self, request: Request, project_id: int, document_id: int) -> Response:
        data = project_document_read(
            project_id=project_id, document_id=document_id, user=request.user
        )
        if data is None:
            raise Http404("No such document in a project of yours.")
        return Response(data)


class QueueNextApi(APIView):
    """The caller's next annotation set (created on first call), or 204 when done."""

    @extend_schema(responses={200: component(SetDetail), 204: None})
    def get(self, request: Request, project_id: int) -> Response:
        project, _ = project_for(
            request,
            project_id,
            allowed=can_annotate,
            refusal="Reviewers curate the gold set; the queue is for annotators.",
        )
        # An archived project hands out no work: its queue reads as done.
        aset = None if project.archived_at else queue_next(project=project, annotator=request.user)
        if aset is None:
            return Response(status=status.HTTP_204_NO_CONTENT)
        aset.document = document_get(aset.document_id)
        return Response(annotation_set_detail(aset))
