"""A project's progress: ``GET /api/v1/projects/{id}/progress/``, as JSON or as CSV (one row
per document x annotator; ``?format=csv`` or ``Accept: text/csv``), optionally narrowed by
story, state and annotator. Managers and reviewers only: the matrix shows every annotator's
work, which a blind project hides from annotators."""

from __future__ import annotations

from django.utils import timezone
from django.utils.text import slugify
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api.access import project_for
from annotations.api.openapi import ERROR, component
from annotations.models import SetStatus
from annotations.permissions import PROGRESS_REFUSAL, can_see_progress
from annotations.progress_contracts import ProgressReport
from annotations.selectors.progress import (
    NO_SET,
    ProgressFilters,
    progress_csv_rows,
    progress_filtered,
    project_progress_report,
)
from config.renderers import JsonOrCsvView, OrjsonRenderer, csv_renderer

STATES = [NO_SET, *(s for s in SetStatus.values if s != SetStatus.CURATED)]


class ProgressApi(JsonOrCsvView, APIView):
    """The documents x annotators matrix, per-annotator counts and time on task, the
    documents ready to curate and the sets submitted per day."""

    renderer_classes = [OrjsonRenderer, csv_renderer(progress_csv_rows)]

    class FilterSerializer(serializers.Serializer):
        story = serializers.IntegerField(required=False, allow_null=True, default=None)
        state = serializers.ChoiceField(choices=STATES, required=False, default="")
        annotator = serializers.CharField(required=False, default="", max_length=150)

    @extend_schema(
        parameters=[
            OpenApiParameter("story", int, description="only this story's documents"),
            OpenApiParameter(
                "state",
                str,
                enum=STATES,
                description="only documents with a cell in this state ('none': no set)",
            ),
            OpenApiParameter("annotator", str, description="only this annotator's column"),
            OpenApiParameter("format", str, enum=["json", "csv"]),
        ],
        responses={
            (200, "application/json"): component(ProgressReport),
            (200, "text/csv"): OpenApiResponse(str, description="one row per document x annotator"),
            400: ERROR,
            403: ERROR,
            404: ERROR,
        },
    )
    def get(self, request: Request, project_id: int) -> Response:
        project, _ = project_for(
            request, project_id, allowed=can_see_progress, refusal=PROGRESS_REFUSAL
        )
        query = self.FilterSerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        filters = ProgressFilters(**query.validated_data)
        report = progress_filtered(project_progress_report(project), filters)
        response = Response(report)
        if request.accepted_renderer.format == "csv":
            day = timezone.now().date().isoformat()
            name = f"progress-{slugify(project.name) or 'project'}-{project.pk}-{day}.csv"
            response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
