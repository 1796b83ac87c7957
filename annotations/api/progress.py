"""A project's progress: ``GET /api/v1/projects/{id}/progress/``, as JSON or as CSV (one row
per document x annotator; ``?format=csv`` or ``Accept: text/csv``), optionally narrowed by
story, state and annotator. Managers and reviewers only: the matrix shows every annotator's
work, which a blind project hides from annotators."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.utils import timezone
from django.utils.text import slugify
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api.access import project_for
from annotations.api.openapi import ERROR, component
from annotations.formats.csv_tables import neutralised
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
from config.renderers import OrjsonRenderer

STATES = [NO_SET, *(s for s in SetStatus.values if s != SetStatus.CURATED)]


class ProgressCsvRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(
        self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None
    ) -> bytes:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        for row in progress_csv_rows(data):
            writer.writerow([neutralised(cell) for cell in row])
        return out.getvalue().encode()


class ProgressApi(APIView):
    """The documents x annotators matrix, per-annotator counts and time on task, the
    documents ready to curate and the sets submitted per day."""

    renderer_classes = [OrjsonRenderer, ProgressCsvRenderer]

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

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        """Errors are answered in JSON, even to a caller that asked for CSV."""
        not_a_report = response.status_code >= 400 or request.method not in ("GET", "HEAD")
        if not_a_report and isinstance(response, Response):
            request.accepted_renderer = OrjsonRenderer()
            request.accepted_media_type = OrjsonRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)
