"""Imports into a project by multipart upload: documents (files -> corpus import -> queue)
and annotated data in an exchange format (``services/imports/``)."""

from __future__ import annotations

import codecs
from typing import Any

import orjson
from django.conf import settings
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api.access import project_importable
from annotations.api.openapi import ERROR, component
from annotations.contracts import AnnotationImportResult, DocumentImportReport
from annotations.formats import UnknownFormat, import_spec
from annotations.services.document_additions import project_documents_import
from annotations.services.imports import annotations_import
from annotations.services.imports.outcome import ImportOutcome
from config.api import renamed_refused
from config.renderers import RequestTooLarge

FORMATS = ["txt", "jsonl", "csv", "html"]


class JsonText(serializers.JSONField):
    """JSON given as text in a form field, read with orjson, which refuses nesting deeper
    than 1,024 as malformed JSON: a 400, where the standard library's reader raised
    RecursionError (a 500) on a value nested 100,000 deep."""

    def __init__(self, **kwargs: Any):
        super().__init__(binary=True, **kwargs)

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, str | bytes):
            try:
                return orjson.loads(data)
            except orjson.JSONDecodeError:
                self.fail("invalid")
        return super().to_internal_value(data)


class DocumentImportSerializer(serializers.Serializer):
    files = serializers.ListField(child=serializers.FileField(), min_length=1, max_length=1000)
    story = serializers.CharField(required=False, allow_blank=True, max_length=300)
    format = serializers.ChoiceField(choices=FORMATS, required=False, allow_blank=True)
    clean = serializers.BooleanField(required=False, default=True)
    details = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Each document's outlet, story, date, zones, removed lines and look-alikes "
        "too (what the Add documents page shows).",
    )


class ProjectDocumentImportApi(APIView):
    """Upload one or more files (txt, jsonl, csv, html, or a zip of them). Documents are
    cleaned, deduplicated by hash and added to the project's queue; a text the project holds
    already is left as it is (``in_project``). Errors come back per file and line; a bad
    file never stops the good ones."""

    parser_classes = [MultiPartParser]

    @extend_schema(
        request={"multipart/form-data": DocumentImportSerializer},
        responses={201: component(DocumentImportReport), 400: ERROR, 413: ERROR},
    )
    def post(self, request: Request, project_id: int) -> Response:
        project = project_importable(request, project_id)
        serializer = DocumentImportSerializer(
            data={
                "files": request.FILES.getlist("files"),
                "story": request.data.get("story", ""),
                "format": request.data.get("format", ""),
                "clean": request.data.get("clean", True),
                "details": request.data.get("details", False),
            }
        )
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        _sizes_check(data["files"])
        body = project_documents_import(
            project=project,
            files=[(f.name, f.read()) for f in data["files"]],
            fmt=data.get("format") or None,
            story_name=data.get("story") or None,
            clean=data["clean"],
            reader=request.user,
            details=data["details"],
        )
        return Response(body, status=201)


class AnnotationImportSerializer(serializers.Serializer):
    files = serializers.ListField(child=serializers.FileField(), min_length=1, max_length=1000)
    format = serializers.CharField(max_length=32)
    author = serializers.CharField(required=False, allow_blank=True, max_length=150)
    encoding = serializers.CharField(required=False, allow_blank=True, max_length=40)
    keep_schema = serializers.BooleanField(required=False, default=False)
    derive_schema = serializers.BooleanField(required=False, default=True)
    text_key = serializers.CharField(required=False, allow_blank=True, max_length=200)
    mapping = JsonText(required=False)
    # brat: the annotator from each file's name (``name:<regex with (?P<annotator>...)>``),
    # the folder of the texts inside the upload, and how event roles map onto relations
    annotator_from = serializers.CharField(required=False, allow_blank=True, max_length=500)
    texts = serializers.CharField(required=False, allow_blank=True, max_length=500)
    event_mapping = JsonText(required=False)
    update_metadata = serializers.BooleanField(required=False, default=False)


class ProjectAnnotationImportApi(APIView):
    """Upload annotated data (native JSONL, brat as a zip, Label Studio JSON, doccano JSONL,
    JSONL with a field mapping, a schema). All or nothing: any problem, each reported with
    its file and line, and nothing is imported (400); else 201 with what was imported."""

    parser_classes = [MultiPartParser]

    @extend_schema(
        request={"multipart/form-data": AnnotationImportSerializer},
        responses={201: component(AnnotationImportResult), 400: ERROR, 413: ERROR},
    )
    def post(self, request: Request, project_id: int) -> Response:
        project = project_importable(request, project_id)
        renamed_refused(request.data)
        serializer = AnnotationImportSerializer(
            data={
                "files": request.FILES.getlist("files"),
                **{k: v for k, v in request.data.items() if k != "files"},
            }
        )
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            import_spec(data["format"])
        except UnknownFormat as exc:
            raise ValidationError({"format": [str(exc)]}) from exc
        _sizes_check(data["files"])
        options = {k: v for k, v in data.items() if k not in ("files", "format") and v != ""}
        if "encoding" in options:
            try:
                codecs.lookup(options["encoding"])
            except LookupError as exc:
                raise ValidationError({"encoding": ["unknown encoding"]}) from exc
        outcome = annotations_import(
            project=project,
            user=request.user,
            fmt=data["format"],
            files=[(f.name, f.read()) for f in data["files"]],
            options=options,
        )
        body = outcome.to_dict()
        if outcome.raw_articles:
            return Response(_raw_articles_error(outcome, project.pk), status=400)
        if not outcome.ok:
            first = outcome.errors[0]
            body = {
                "error": {
                    "code": "import_failed",
                    "message": f"Nothing was imported: {outcome.error_count} problem(s); "
                    f"the first: {first}",
                    "details": body,
                }
            }
            return Response(body, status=400)
        return Response(body, status=201)


def _raw_articles_error(outcome: ImportOutcome, project_id: int) -> dict[str, Any]:
    """The envelope for an upload of raw articles: one message, and where to add them (the
    page, and this API's document import)."""
    return {
        "error": {
            "code": "raw_articles",
            "message": outcome.errors[0].message,
            "details": {
                **outcome.to_dict(),
                "add_documents_url": reverse("project-add-documents-page", args=[project_id]),
                "documents_import_url": reverse("project-documents-import", args=[project_id]),
            },
        }
    }


def _sizes_check(files: list) -> None:  # noqa: ANN001 - Django UploadedFile objects
    limit = settings.CLAIMLENS_MAX_UPLOAD_BYTES
    too_big = [f.name for f in files if f.size > limit]
    if too_big:
        raise ValidationError({"files": [f"larger than {limit} bytes: {', '.join(too_big)}"]})
    if sum(f.size for f in files) > limit:
        raise RequestTooLarge(
            f"The files add up to more than {limit} bytes; upload them in several requests."
        )
