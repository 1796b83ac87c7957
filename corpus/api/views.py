"""Stories and documents, read-only here; imports go through a project."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.api import Pagination, page_of
from corpus.api.filters import document_filters
from corpus.models import Document, Outlet, Story
from corpus.selectors import (
    documents_filtered,
    documents_visible_to,
    outlets_visible_to,
    stories_visible_to,
    story_documents,
)


class StorySerializer(serializers.ModelSerializer):
    class Meta:
        model = Story
        fields = ["id", "name", "description", "created_at"]


class DocumentSummarySerializer(serializers.ModelSerializer):
    outlet = serializers.CharField(source="outlet.name", default=None)
    url = serializers.CharField(allow_blank=True)  # "" when unknown (not a URL then)

    class Meta:
        model = Document
        fields = ["id", "title", "outlet", "story", "url", "published_at", "language"]


class DocumentSerializer(DocumentSummarySerializer):
    class Meta(DocumentSummarySerializer.Meta):
        fields = [*DocumentSummarySerializer.Meta.fields, "text", "zones", "meta", "sha256"]


class StoryDetailSerializer(StorySerializer):
    """A story with the documents the caller may see."""

    documents = DocumentSummarySerializer(many=True, read_only=True)

    class Meta(StorySerializer.Meta):
        fields = [*StorySerializer.Meta.fields, "documents"]


class OutletSerializer(serializers.ModelSerializer):
    class Meta:
        model = Outlet
        fields = ["id", "name", "domain"]


class StoryListApi(APIView):
    @extend_schema(operation_id="v1_stories_list", responses=page_of(StorySerializer))
    def get(self, request: Request) -> Response:
        paginator = Pagination()
        page = paginator.paginate_queryset(
            stories_visible_to(request.user).order_by("name"), request, view=self
        )
        return paginator.get_paginated_response(StorySerializer(page, many=True).data)


class StoryDetailApi(APIView):
    @extend_schema(responses=StoryDetailSerializer)
    def get(self, request: Request, story_id: int) -> Response:
        story = get_object_or_404(stories_visible_to(request.user), pk=story_id)
        docs = story_documents(request.user, story)
        data = StorySerializer(story).data
        data["documents"] = DocumentSummarySerializer(docs, many=True).data
        return Response(data)


class DocumentListApi(APIView):
    @extend_schema(
        operation_id="v1_documents_list",
        parameters=[
            OpenApiParameter("story", int),
            OpenApiParameter("outlet", str, description="outlet name"),
            OpenApiParameter("q", str, description="full-text search"),
        ],
        responses=page_of(DocumentSummarySerializer),
    )
    def get(self, request: Request) -> Response:
        filters = document_filters(request.query_params)
        docs = documents_filtered(documents_visible_to(request.user), filters)
        paginator = Pagination()
        page = paginator.paginate_queryset(docs.order_by("id"), request, view=self)
        return paginator.get_paginated_response(DocumentSummarySerializer(page, many=True).data)


class DocumentDetailApi(APIView):
    @extend_schema(responses=DocumentSerializer)
    def get(self, request: Request, document_id: int) -> Response:
        document = get_object_or_404(documents_visible_to(request.user), pk=document_id)
        return Response(DocumentSerializer(document).data)


class OutletListApi(APIView):
    @extend_schema(responses=OutletSerializer(many=True))
    def get(self, request: Request) -> Response:
        return Response(OutletSerializer(outlets_visible_to(request.user), many=True).data)
