"""A story's claims x outlets table: ``GET /api/v1/stories/{id}/claims/?project=&layer=``,
as JSON or as CSV (one row per claim in a cell; ``?format=csv`` or ``Accept: text/csv``;
another ``format``: 400 naming it).

``project`` may be left out when the caller's projects hold the story's documents in
exactly one project (else 400 naming it). ``layer`` defaults to gold for managers and
reviewers and to the caller's own layer for annotators; who may read which layer is
``selectors/story_layers.py`` (a blind project's annotator: only their own, else 403).
A person's own layer shows their sets submitted or not; other people's annotator layers
their submitted sets only.
Outsiders, and stories in none of the caller's projects: 404."""

from __future__ import annotations

from django.utils.text import slugify
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api.openapi import ERROR, component
from annotations.selectors.story_claims import story_claims_table, story_project_for
from annotations.selectors.story_layers import (
    layer_readable_or_refuse,
    layers_readable,
    open_sets_of,
)
from annotations.story_contracts import StoryClaimsTable
from annotations.story_table import table_csv_rows
from config.api import MAX_ID
from config.renderers import JsonOrCsvView, OrjsonRenderer, csv_renderer


class StoryClaimsApi(JsonOrCsvView, APIView):
    """The claims of one story across its outlets in one layer, with per-outlet figures."""

    renderer_classes = [OrjsonRenderer, csv_renderer(table_csv_rows)]

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
        mine = open_sets_of(request.user, layer)
        response = Response(story_claims_table(project, story, layer, readable, mine))
        if request.accepted_renderer.format == "csv":
            name = f"claims-{slugify(story.name) or 'story'}-{story.pk}-{slugify(layer)}.csv"
            response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
