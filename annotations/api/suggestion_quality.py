"""Each model layer's quality against gold: ``GET /api/v1/projects/{id}/suggestions/quality/``
(``?against=`` another reference layer, ``?story=`` one story). Precision, recall and F1 per
span label and relation type, exact and overlapping, and how people decided on the model's
suggestions (``selectors/layer_quality.py``). Managers and reviewers only, as the agreement
figures (annotators 403)."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api.access import project_for
from annotations.api.openapi import many
from annotations.contracts_quality import LayerQuality
from annotations.permissions import AGREEMENT_REFUSAL, can_see_agreement
from annotations.selectors.layer_quality import GOLD, models_quality
from config.api import MAX_ID


class QualityQuery(serializers.Serializer):
    against = serializers.CharField(required=False, default=GOLD, max_length=200)
    story = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=1, max_value=MAX_ID
    )


class ProjectSuggestionQualityApi(APIView):
    @extend_schema(
        operation_id="v1_projects_suggestions_quality",
        parameters=[
            OpenApiParameter("against", str, description="the reference layer (default gold)"),
            OpenApiParameter("story", int, description="only this story's documents"),
        ],
        responses=many(LayerQuality),
    )
    def get(self, request: Request, project_id: int) -> Response:
        """Every model layer of the project against gold (or ``against``): P/R/F1 per label,
        exact and overlapping, and the acceptance and rejection rates of its suggestions.
        An empty list when the project has no such reference layer."""
        project, _ = project_for(
            request, project_id, allowed=can_see_agreement, refusal=AGREEMENT_REFUSAL
        )
        query = QualityQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        return Response(models_quality(project, against=data["against"], story=data["story"]))
