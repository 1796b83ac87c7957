"""Agreement figures of a project: ``GET /api/v1/projects/{id}/agreement/``, as JSON or CSV
(``?format=csv`` or ``Accept: text/csv``). Managers and reviewers only (annotators 403, in
blind projects and open ones alike: figures compare people's work with each other's)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.agreement.contracts import AgreementReport
from annotations.agreement.inputs import MEASURES, PERIODS, Options, expand_measures
from annotations.agreement.table import report_csv
from annotations.api.access import project_for
from annotations.api.openapi import ERROR, component
from annotations.permissions import AGREEMENT_REFUSAL, can_see_agreement
from annotations.selectors.agreement import LayerFilters
from annotations.services.agreement import agreement_report_for
from config.api import MAX_ID
from config.renderers import OrjsonRenderer


class CsvRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(
        self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None
    ) -> bytes:
        return report_csv(data).encode()


def _listed(value: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))


class AgreementQuery(serializers.Serializer):
    """The query string: lists are comma-separated."""

    measure = serializers.CharField(required=False, default="")
    labels = serializers.CharField(required=False, default="")
    layers = serializers.CharField(required=False, default="")
    documents = serializers.CharField(required=False, default="")
    story = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=1, max_value=MAX_ID
    )
    against = serializers.CharField(required=False, default="")
    match = serializers.ChoiceField(choices=["exact", "overlap"], default="exact")
    min_iou = serializers.FloatField(required=False, default=0.0, min_value=0.0, max_value=1.0)
    period = serializers.ChoiceField(choices=list(PERIODS), default="week")

    def validate_measure(self, value: str) -> tuple[str, ...]:
        try:
            return expand_measures(_listed(value)) or tuple(MEASURES)
        except ValueError as exc:
            raise serializers.ValidationError(str(exc)) from exc

    def validate_documents(self, value: str) -> tuple[int, ...]:
        ids = _listed(value)
        if not all(v.isascii() and v.isdigit() and len(v) < 19 for v in ids):
            raise serializers.ValidationError("must be document ids, comma-separated")
        return tuple(int(v) for v in ids)

    def parsed(self) -> tuple[LayerFilters, Options]:
        data = self.validated_data
        filters = LayerFilters(
            layers=_listed(data["layers"]), documents=data["documents"], story=data["story"]
        )
        labels = _listed(data["labels"])
        options = Options(
            measures=data["measure"],
            labels=frozenset(labels) if labels else None,
            against=data["against"] or None,
            match=data["match"],
            min_iou=data["min_iou"],
            period=data["period"],
        )
        return filters, options


QUERY_PARAMETERS = [
    OpenApiParameter(
        "measure",
        str,
        description="measures or families, comma-separated (default: all): " + ", ".join(MEASURES),
    ),
    OpenApiParameter("labels", str, description="keep only these labels, comma-separated"),
    OpenApiParameter(
        "layers",
        str,
        description="layers, comma-separated: annotator:<username>, gold, model:<name>",
    ),
    OpenApiParameter("documents", str, description="document ids, comma-separated"),
    OpenApiParameter("story", int, description="only the documents of this story"),
    OpenApiParameter(
        "against", str, description="compare each layer with this one only (e.g. gold)"
    ),
    OpenApiParameter("match", str, enum=["exact", "overlap"]),
    OpenApiParameter("min_iou", float, description="least IoU of an overlap match (0-1)"),
    OpenApiParameter("period", str, enum=list(PERIODS), description="the trend's periods"),
    OpenApiParameter("format", str, enum=["json", "csv"]),
]


class ProjectAgreementApi(APIView):
    """Agreement between the project's layers (annotators' submitted sets, curated gold,
    models' sets), computed over the chosen documents, labels and layers; cached until any
    set of the project changes. ``docs/agreement.md`` defines every measure."""

    renderer_classes = [OrjsonRenderer, CsvRenderer]

    @extend_schema(
        parameters=QUERY_PARAMETERS,
        responses={
            (200, "application/json"): component(AgreementReport),
            (200, "text/csv"): OpenApiResponse(str, description="one row per figure"),
            400: ERROR,
            403: ERROR,
            404: ERROR,
        },
    )
    def get(self, request: Request, project_id: int) -> Response:
        project, _ = project_for(
            request, project_id, allowed=can_see_agreement, refusal=AGREEMENT_REFUSAL
        )
        query = AgreementQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        filters, options = query.parsed()
        report = agreement_report_for(project, filters, options)
        response = Response(report)
        if request.accepted_renderer.format == "csv":
            name = f"agreement-project-{project.pk}.csv"
            response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        """Only a report is a CSV table: errors (and OPTIONS' description of the route) are
        answered in JSON, even to a caller that asked for CSV."""
        not_a_report = response.status_code >= 400 or request.method not in ("GET", "HEAD")
        if not_a_report and isinstance(response, Response):
            request.accepted_renderer = OrjsonRenderer()
            request.accepted_media_type = OrjsonRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)
