"""A project's life after creation: duplicate, archive, unarchive (managers); and the
guidelines' preview the create and settings pages show.

Creating is ``POST /api/v1/projects/`` (``projects.py``); both go through
``annotations/services/project_setup.py`` and ``project_archive.py``.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api import serializers as s
from annotations.api.access import project_for
from annotations.guidelines import guidelines_html
from annotations.models import Project, Role
from annotations.permissions import PROJECT_CREATION_REFUSAL, can_create_projects
from annotations.services.project_archive import project_archive, project_unarchive
from annotations.services.project_setup import project_duplicate


def _project_data(project: Project, role: str) -> dict:
    return s.ProjectSerializer(project, context={"roles": {project.pk: role}}).data


class ProjectDuplicateApi(APIView):
    """A new project with this one's settings and schema (no documents, sets or other
    members), named "<name> (copy)"; the caller is its manager."""

    @extend_schema(request=None, responses={201: s.ProjectSerializer})
    def post(self, request: Request, project_id: int) -> Response:
        project, _ = project_for(request, project_id, manage=True, archived_ok=True)
        if not can_create_projects(request.user):
            raise PermissionDenied(PROJECT_CREATION_REFUSAL)
        copy = project_duplicate(project=project, by=request.user)
        return Response(_project_data(copy, Role.MANAGER), status=201)


class ProjectArchiveApi(APIView):
    """Archive the project: read-only (every write answers 409), hidden from its annotators'
    and reviewers' lists. Archiving an archived project changes nothing."""

    @extend_schema(request=None, responses=s.ProjectSerializer)
    def post(self, request: Request, project_id: int) -> Response:
        project, role = project_for(request, project_id, manage=True, archived_ok=True)
        return Response(_project_data(project_archive(project=project), role))


class ProjectUnarchiveApi(APIView):
    """Make an archived project active again."""

    @extend_schema(request=None, responses=s.ProjectSerializer)
    def post(self, request: Request, project_id: int) -> Response:
        project, role = project_for(request, project_id, manage=True, archived_ok=True)
        return Response(_project_data(project_unarchive(project=project), role))


class GuidelinesPreviewApi(APIView):
    """Guidelines (Markdown) as the sanitised HTML the project would show: the create and
    settings pages' live preview. Changes nothing; for anyone signed in."""

    @extend_schema(request=s.GuidelinesPreviewSerializer, responses=s.GuidelinesHtmlSerializer)
    def post(self, request: Request) -> Response:
        serializer = s.GuidelinesPreviewSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response({"html": guidelines_html(serializer.validated_data["guidelines"])})
