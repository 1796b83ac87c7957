"""Rewrites within a story: ``GET /api/v1/stories/{id}/rewrites/`` (the near-duplicate pairs
of the story's documents in a project, with their similarity) and
``GET /api/v1/stories/{id}/rewrites/{original_id}/{rewrite_id}/`` (the rewrite aligned with
its original sentence by sentence). Every member of the project reads them; others get 404.
``annotations/selectors/story_rewrites.py`` says how pairs are found."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api.openapi import ERROR, component
from annotations.rewrite_contracts import RewriteAlignment, RewritePairs
from annotations.selectors.story_rewrites import (
    StoryInProject,
    story_in_project,
    story_rewrite,
    story_rewrite_pairs,
)
from config.api import MAX_ID

PROJECT_PARAMETER = OpenApiParameter(
    "project",
    int,
    description="the project whose documents to read (optional when only one of yours "
    "holds the story's documents)",
)
ERRORS = {400: ERROR, 404: ERROR}


class RewriteQuery(serializers.Serializer):
    project = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=1, max_value=MAX_ID
    )


def _story_for(request: Request, story_id: int) -> StoryInProject:
    query = RewriteQuery(data=request.query_params)
    query.is_valid(raise_exception=True)
    return story_in_project(request.user, story_id, query.validated_data["project"])


class StoryRewritesApi(APIView):
    @extend_schema(
        operation_id="v1_stories_rewrites_list",
        parameters=[PROJECT_PARAMETER],
        responses={200: component(RewritePairs), **ERRORS},
    )
    def get(self, request: Request, story_id: int) -> Response:
        return Response(story_rewrite_pairs(_story_for(request, story_id)))


class StoryRewriteApi(APIView):
    @extend_schema(
        operation_id="v1_stories_rewrite_alignment",
        parameters=[PROJECT_PARAMETER],
        responses={200: component(RewriteAlignment), **ERRORS},
    )
    def get(self, request: Request, story_id: int, original_id: int, rewrite_id: int) -> Response:
        found = _story_for(request, story_id)
        return Response(story_rewrite(found, original_id, rewrite_id))
