"""Exports: streamed downloads, background jobs, and the list of formats."""

from __future__ import annotations

from django.http import FileResponse, Http404, StreamingHttpResponse
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from annotations.api.access import job_for, project_exportable
from annotations.api.openapi import ERROR, component, many
from annotations.contracts import ExportJobOut, Formats
from annotations.formats import (
    UnknownFormat,
    export_formats,
    export_spec,
    import_formats,
    unavailable,
)
from annotations.formats import import_spec as import_spec_of
from annotations.models import ExportJob, ExportJobStatus
from annotations.selectors.export import ExportFilters, FilterError, export_jobs_recent
from annotations.services.export_files import export_file_exists, export_file_open
from annotations.services.exports import (
    export_file_name,
    export_job_create,
    export_stream,
)
from annotations.services.jobs import jobs_fail_stale
from config.api import renamed_refused

FILTER_PARAMETERS = [
    OpenApiParameter("format", str, required=True, description="an export format's name"),
    OpenApiParameter("status", str, description="set statuses, comma-separated"),
    OpenApiParameter("author", str, description="the sets' authors' usernames, comma-separated"),
    OpenApiParameter("kind", str, description="set kinds: annotator, gold, model"),
    OpenApiParameter("gold_only", bool, description="only gold sets"),
    OpenApiParameter("story", int, description="only documents of this story (id)"),
    OpenApiParameter("outlet", int, description="only documents of this outlet (id)"),
]


class FormatParameterIsOurs(DefaultContentNegotiation):
    """``?format=`` names the export format here, not a response renderer."""

    def select_renderer(self, request, renderers, format_suffix=None):  # noqa: ANN001, ANN201
        return renderers[0], renderers[0].media_type


def _format_and_filters(params) -> tuple[str, ExportFilters]:  # noqa: ANN001
    fmt = params.get("format") or ""
    try:
        export_spec(fmt)
        return fmt, ExportFilters.parse(params)
    except UnknownFormat as exc:
        raise ValidationError({"format": [str(exc)]}) from exc
    except FilterError as exc:
        raise ValidationError({k: [v] for k, v in exc.errors.items()}) from exc


class FormatListApi(APIView):
    """The formats this server writes and reads; ``unavailable`` says why one cannot be used
    here (a library from an optional extra is missing), or is null."""

    @extend_schema(responses=component(Formats))
    def get(self, request: Request) -> Response:
        exports = [(n, export_spec(n, usable=False)) for n in export_formats()]
        imports = [(n, import_spec_of(n, usable=False)) for n in import_formats()]
        return Response(
            {
                "export": [
                    {
                        "name": n,
                        "title": s.title,
                        "extension": s.extension,
                        "unavailable": unavailable(n),
                    }
                    for n, s in exports
                ],
                "import": [
                    {
                        "name": n,
                        "title": s.title,
                        "archive": s.archive,
                        "unavailable": unavailable(n),
                    }
                    for n, s in imports
                ],
            }
        )


class ProjectExportApi(APIView):
    """Download the project in a format, streamed as it is read (constant memory), one
    consistent snapshot. Filters choose sets and documents."""

    content_negotiation_class = FormatParameterIsOurs

    @extend_schema(parameters=FILTER_PARAMETERS, responses={(200, "*/*"): bytes})
    def get(self, request: Request, project_id: int) -> StreamingHttpResponse:
        project = project_exportable(request, project_id)
        fmt, filters = _format_and_filters(request.query_params)
        spec = export_spec(fmt)
        response = StreamingHttpResponse(
            export_stream(project, fmt, filters), content_type=spec.media_type
        )
        name = export_file_name(project, fmt, spec)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        response["X-Content-Type-Options"] = "nosniff"
        return response


class ExportJobCreateSerializer(serializers.Serializer):
    format = serializers.CharField(max_length=32)
    status = serializers.CharField(required=False, allow_blank=True)
    author = serializers.CharField(required=False, allow_blank=True)
    kind = serializers.CharField(required=False, allow_blank=True)
    gold_only = serializers.BooleanField(required=False, default=False)
    story = serializers.IntegerField(required=False, allow_null=True)
    outlet = serializers.IntegerField(required=False, allow_null=True)


def job_data(request: Request, job: ExportJob) -> ExportJobOut:
    done = job.status == ExportJobStatus.DONE
    return {
        "id": job.pk,
        "project": job.project_id,
        "format": job.format,
        "filters": job.filters,
        "status": job.status,
        "documents_total": job.documents_total,
        "documents_done": job.documents_done,
        "progress": 1.0 if done else job.documents_done / max(job.documents_total, 1),
        "size_bytes": job.size_bytes,
        "notes": job.notes,
        "error": job.error,
        "created_at": job.created_at,
        "finished_at": job.finished_at,
        # an expired file (export_files_expire) leaves the job without a file_name
        "download": reverse("export-job-download", args=[job.pk], request=request)
        if done and job.file_name
        else None,
    }


class ProjectExportJobsApi(APIView):
    """Background exports of a project: start one, or list them (newest first)."""

    @extend_schema(responses=many(ExportJobOut))
    def get(self, request: Request, project_id: int) -> Response:
        project = project_exportable(request, project_id)
        jobs_fail_stale()  # a job whose worker died shows as failed, with the reason
        jobs = export_jobs_recent(project)
        return Response([job_data(request, job) for job in jobs])

    @extend_schema(
        request=ExportJobCreateSerializer, responses={202: component(ExportJobOut), 400: ERROR}
    )
    def post(self, request: Request, project_id: int) -> Response:
        project = project_exportable(request, project_id)
        renamed_refused(request.data)
        serializer = ExportJobCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        params = {k: str(v) for k, v in serializer.validated_data.items() if v is not None}
        fmt, filters = _format_and_filters(params)
        job = export_job_create(project=project, user=request.user, fmt=fmt, filters=filters)
        return Response(job_data(request, job), status=202)


class ExportJobDetailApi(APIView):
    """A background export's status and progress; ``download`` once it is done."""

    @extend_schema(responses=component(ExportJobOut))
    def get(self, request: Request, job_id: int) -> Response:
        jobs_fail_stale()
        return Response(job_data(request, job_for(request, job_id)))


class ExportJobDownloadApi(APIView):
    """The file of a finished background export."""

    content_negotiation_class = FormatParameterIsOurs

    @extend_schema(responses={(200, "*/*"): bytes})
    def get(self, request: Request, job_id: int) -> FileResponse:
        job = job_for(request, job_id)
        if job.status != ExportJobStatus.DONE or not export_file_exists(job.file_name):
            raise Http404("This export has no file (yet, or any more: old files expire).")
        spec = export_spec(job.format)
        return FileResponse(
            export_file_open(job.file_name),
            as_attachment=True,
            filename=job.file_name,
            content_type=spec.media_type,
        )
