"""Document import into a project by multipart upload (files -> corpus import -> queue)."""

from __future__ import annotations

from django.conf import settings
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api.access import project_for
from annotations.services.projects import project_documents_add
from config.renderers import RequestTooLarge
from corpus.services import documents_import

FORMATS = ["txt", "jsonl", "csv", "html"]


class DocumentImportSerializer(serializers.Serializer):
    files = serializers.ListField(child=serializers.FileField(), min_length=1, max_length=1000)
    story = serializers.CharField(required=False, allow_blank=True, max_length=300)
    format = serializers.ChoiceField(choices=FORMATS, required=False, allow_blank=True)
    clean = serializers.BooleanField(required=False, default=True)


class ProjectDocumentImportApi(APIView):
    """Upload one or more files (txt, jsonl, csv, html). Documents are cleaned, deduplicated
    by hash and added to the project's queue. Errors come back per file and line; a bad
    file never stops the good ones."""

    parser_classes = [MultiPartParser]

    @extend_schema(request={"multipart/form-data": DocumentImportSerializer}, responses={201: dict})
    def post(self, request: Request, project_id: int) -> Response:
        project, _ = project_for(request, project_id, manage=True)
        serializer = DocumentImportSerializer(
            data={
                "files": request.FILES.getlist("files"),
                "story": request.data.get("story", ""),
                "format": request.data.get("format", ""),
                "clean": request.data.get("clean", True),
            }
        )
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        limit = settings.CLAIMLENS_MAX_UPLOAD_BYTES
        too_big = [f.name for f in data["files"] if f.size > limit]
        if too_big:
            raise ValidationError({"files": [f"larger than {limit} bytes: {', '.join(too_big)}"]})
        if sum(f.size for f in data["files"]) > limit:
            raise RequestTooLarge(
                f"The files add up to more than {limit} bytes; upload them in several requests."
            )
        report = documents_import(
            files=[(f.name, f.read()) for f in data["files"]],
            fmt=data.get("format") or None,
            story_name=data.get("story") or None,
            clean=data["clean"],
        )
        added = project_documents_add(project=project, documents=report.documents)
        body = report.to_dict()
        body["added_to_project"] = added
        return Response(body, status=201)
