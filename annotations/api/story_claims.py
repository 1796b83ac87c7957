"""A story's claims x outlets table: ``GET /api/v1/stories/{id}/claims/?project=&layer=``,
as JSON or as CSV (one row per claim in a cell; ``?format=csv`` or ``Accept: text/csv``).

``project`` may be left out when the caller's projects hold the story's documents in
exactly one project (else 400 naming it). ``layer`` defaults to gold for managers and
reviewers and to the caller's own layer for annotators; who may read which layer is
``selectors/story_layers.py`` (a blind project's annotator: only their own, else 403).
Outsiders, and stories in none of the caller's projects: 404."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.utils.text import slugify
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api.openapi import ERROR, component
from annotations.formats.csv_tables import neutralised
from annotations.selectors.story_claims import story_claims_table, story_project_for
from annotations.selectors.story_layers import layer_readable_or_refuse, layers_readable
from annotations.story_contracts import StoryClaimsTable
from annotations.story_table import table_csv_rows
from config.api import MAX_ID
from config.renderers import OrjsonRenderer


class StoryClaimsCsvRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(
        self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None
    ) -> bytes:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        for row in table_csv_rows(data):
            writer.writerow([neutralised(cell) for cell in row])
        return out.getvalue().encode()


class StoryClaimsApi(APIView):
    """The claims of one story across its outlets in one layer, with per-outlet figures."""

    renderer_classes = [OrjsonRenderer, StoryClaimsCsvRenderer]

    class FilterSerializer(serializers.Serializer):
        project = serializers.IntegerField(
            required=False, allow_null=True, default=None, min_value=1, max_value=MAX_ID
        )
        layer = serializers.CharField(required=False, default="", max_length=210)

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "project", int, description="the project (needed when several hold the story)"
            ),
            OpenApiParameter(
                "layer",
                str,
                description="gold, annotator:<username> or model:<name> (default: gold for "
                "managers and reviewers, your own layer for annotators)",
            ),
            OpenApiParameter("format", str, enum=["json", "csv"]),
        ],
        responses={
            (200, "application/json"): component(StoryClaimsTable),
            (200, "text/csv"): OpenApiResponse(str, description="one row per claim in a cell"),
            400: ERROR,
            403: ERROR,
            404: ERROR,
        },
    )
    def get(self, request: Request, story_id: int) -> Response:
        query = self.FilterSerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        story, project, role = story_project_for(
            request.user, story_id, query.validated_data["project"]
        )
        layer = layer_readable_or_refuse(request.user, role, project, query.validated_data["layer"])
        readable = layers_readable(request.user, role, project)
        response = Response(story_claims_table(project, story, layer, readable))
        if request.accepted_renderer.format == "csv":
            name = f"claims-{slugify(story.name) or 'story'}-{story.pk}-{slugify(layer)}.csv"
            response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        """Errors (and OPTIONS) are answered in JSON, even to a caller that asked for CSV."""
        not_a_table = response.status_code >= 400 or request.method not in ("GET", "HEAD")
        if not_a_table and isinstance(response, Response):
            request.accepted_renderer = OrjsonRenderer()
            request.accepted_media_type = OrjsonRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)
