"""Curation, for a project's reviewers and managers: the curate queue and its counts, the
curation view of one document, accepting, rejecting and editing units into gold,
auto-merge (one document, or all of them in the background), marking a document curated
or reopening it, returning it to an annotator; and, for annotators, their returned sets."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api.access import project_for
from annotations.api.openapi import ERROR, component, many, paginated
from annotations.contracts_curation import (
    CurateQueueRow,
    CurateSummary,
    CurationDocument,
    CurationMerged,
    MergeJobOut,
    ReturnedSet,
)
from annotations.models import MergeJob, Project, ReviewStatus
from annotations.permissions import CURATION_REFUSAL, can_review
from annotations.selectors.curation import (
    MATCHING_MODES,
    curation_state,
    curation_view,
    returned_sets,
)
from annotations.selectors.curation_queue import (
    CurateFilters,
    curate_queue,
    curate_rows,
    curate_summary,
)
from annotations.selectors.merge_jobs import merge_job_get, merge_jobs_recent
from annotations.selectors.projects import project_role, user_by_username
from annotations.services.curation import curation_accept, curation_reject, document_curate
from annotations.services.jobs import jobs_fail_stale
from annotations.services.merge import document_auto_merge, merge_job_create
from annotations.services.review_states import document_reopen, document_return
from config.api import Pagination
from corpus.api.filters import document_filters


def curated_project(request: Request, project_id: int) -> Project:
    return project_for(request, project_id, allowed=can_review, refusal=CURATION_REFUSAL)[0]


def _models(value: str | None) -> list[str]:
    return [name.strip() for name in (value or "").split(",") if name.strip()]


class CurationLayersSerializer(serializers.Serializer):
    """Which layers a step sees, as the curation view it was taken in did."""

    matching = serializers.ChoiceField(choices=MATCHING_MODES, default="exact")
    models = serializers.ListField(
        child=serializers.CharField(max_length=200), required=False, default=list
    )


def _parsed(serializer_class: type, data: object) -> dict:
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def _view(project: Project, document_id: int, models: list[str], matching: str) -> dict:
    state = curation_state(project, document_id, models=models, mode=matching)
    if state is None:
        raise ValidationError({"document": ["not in this project"]})
    return curation_view(state)


VIEW_PARAMETERS = [
    OpenApiParameter("matching", str, enum=list(MATCHING_MODES), description="exact (default)"),
    OpenApiParameter("models", str, description="model layers to show, comma-separated"),
]


class CurateQueueApi(APIView):
    """The documents that reached their reviewers, in queue order (or the most disagreed
    first), with their review state and disagreement."""

    @extend_schema(
        operation_id="v1_projects_curation_list",
        parameters=[
            OpenApiParameter("review_status", str, description="states, comma-separated"),
            OpenApiParameter("ready", bool, description="only documents ready to curate"),
            OpenApiParameter("min_disagreement", float, description="from 0 to 1"),
            OpenApiParameter("order", str, enum=["position", "disagreement"]),
            OpenApiParameter("story", int),
            OpenApiParameter("outlet", str, description="outlet name"),
            OpenApiParameter("q", str, description="full-text search"),
        ],
        responses=paginated(CurateQueueRow),
    )
    def get(self, request: Request, project_id: int) -> Response:
        project = curated_project(request, project_id)
        filters = self.CurateQueueFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        data = filters.validated_data
        chosen = CurateFilters(
            review_status=tuple(data.get("review_status") or ()),
            ready=data.get("ready", False),
            documents=document_filters(request.query_params),
            min_disagreement=data.get("min_disagreement"),
            order=data.get("order", "position"),
        )
        rows = curate_queue(project, chosen)
        paginator = Pagination()
        if chosen.scored:  # every document's score first, then the page
            page = paginator.paginate_queryset(curate_rows(project, rows, chosen), request, self)
            return paginator.get_paginated_response(page)
        page = paginator.paginate_queryset(rows, request, view=self)
        return paginator.get_paginated_response(curate_rows(project, page, chosen))

    class CurateQueueFilterSerializer(serializers.Serializer):
        review_status = serializers.CharField(required=False, allow_blank=True)
        ready = serializers.BooleanField(required=False, default=False)
        min_disagreement = serializers.FloatField(required=False, min_value=0, max_value=1)
        order = serializers.ChoiceField(choices=["position", "disagreement"], required=False)

        def validate_review_status(self, value: str) -> list[str]:
            states = [s.strip() for s in value.split(",") if s.strip()]
            unknown = [s for s in states if s not in ReviewStatus.values]
            if unknown:
                raise serializers.ValidationError(
                    f"unknown: {', '.join(unknown)} (one of {', '.join(ReviewStatus.values)})"
                )
            return states


class CurateSummaryApi(APIView):
    """How many documents are ready to curate, in review, curated, returned and waiting."""

    @extend_schema(responses=component(CurateSummary))
    def get(self, request: Request, project_id: int) -> Response:
        return Response(curate_summary(curated_project(request, project_id)))


class CurationDocumentApi(APIView):
    """The curation view of one document: its layers and gold set, and every unit with who
    made it, whether all layers agree, and whether it is in gold or was rejected."""

    @extend_schema(parameters=VIEW_PARAMETERS, responses={200: component(CurationDocument)})
    def get(self, request: Request, project_id: int, document_id: int) -> Response:
        project = curated_project(request, project_id)
        matching = request.query_params.get("matching") or "exact"
        if matching not in MATCHING_MODES:
            raise ValidationError({"matching": [f"one of {', '.join(MATCHING_MODES)}"]})
        models = _models(request.query_params.get("models"))
        return Response(_view(project, document_id, models, matching))


class CurationStepSerializer(CurationLayersSerializer):
    unit = serializers.CharField(max_length=80)
    version = serializers.IntegerField(required=False, allow_null=True, default=None)


class CurationAcceptApi(APIView):
    """Put a unit into gold: as ``layer`` made it (default: as most layers made it), or
    changed by ``edit`` (a span's label, start, end, fragments or attributes; a relation's
    type or attributes; a stance's or answer's value). ``version`` is the gold set's version
    you loaded (null: you saw none); a stale one gets 409."""

    class CurationAcceptSerializer(CurationStepSerializer):
        layer = serializers.CharField(max_length=300, required=False, allow_null=True)
        edit = serializers.DictField(required=False, allow_null=True)

    @extend_schema(
        request=CurationAcceptSerializer,
        responses={200: component(CurationDocument), 400: ERROR, 409: ERROR},
    )
    def post(self, request: Request, project_id: int, document_id: int) -> Response:
        project = curated_project(request, project_id)
        data = _parsed(self.CurationAcceptSerializer, request.data)
        curation_accept(
            project=project,
            document_id=document_id,
            reviewer=request.user,
            key=data["unit"],
            version=data["version"],
            models=data["models"],
            mode=data["matching"],
            layer=data.get("layer"),
            edit=data.get("edit"),
        )
        return Response(_view(project, document_id, data["models"], data["matching"]))


class CurationRejectApi(APIView):
    """Keep a unit out of gold: it leaves gold if it was there and stays marked rejected
    (auto-merge passes it by) until it is accepted."""

    @extend_schema(
        request=CurationStepSerializer,
        responses={200: component(CurationDocument), 400: ERROR, 409: ERROR},
    )
    def post(self, request: Request, project_id: int, document_id: int) -> Response:
        project = curated_project(request, project_id)
        data = _parsed(CurationStepSerializer, request.data)
        curation_reject(
            project=project,
            document_id=document_id,
            reviewer=request.user,
            key=data["unit"],
            version=data["version"],
            models=data["models"],
            mode=data["matching"],
        )
        return Response(_view(project, document_id, data["models"], data["matching"]))


class MergeJobSerializer(CurationLayersSerializer):
    min_agreeing = serializers.IntegerField(min_value=1, default=2)


class CurationMergeApi(APIView):
    """Auto-merge one document: every open unit at least ``min_agreeing`` layers made goes
    into gold (provenance ``auto``); ``merged`` says what was added and what was left."""

    class CurationMergeSerializer(MergeJobSerializer):
        version = serializers.IntegerField(required=False, allow_null=True, default=None)

    @extend_schema(
        request=CurationMergeSerializer,
        responses={200: component(CurationMerged), 400: ERROR, 409: ERROR},
    )
    def post(self, request: Request, project_id: int, document_id: int) -> Response:
        project = curated_project(request, project_id)
        data = _parsed(self.CurationMergeSerializer, request.data)
        outcome = document_auto_merge(
            project=project,
            document_id=document_id,
            reviewer=request.user,
            k=data["min_agreeing"],
            mode=data["matching"],
            models=data["models"],
            version=data["version"],
        )
        view = _view(project, document_id, data["models"], data["matching"])
        view["merged"] = {"added": dict(outcome.added), "notes": outcome.notes}
        return Response(view)


class CurationStateApi(APIView):
    """Mark the document curated (its gold set is submitted) or reopen a curated one."""

    class ReviewStatusSerializer(serializers.Serializer):
        review_status = serializers.ChoiceField(
            choices=[ReviewStatus.CURATED, ReviewStatus.IN_REVIEW]
        )

    @extend_schema(
        request=ReviewStatusSerializer,
        responses={200: component(CurationDocument), 400: ERROR, 409: ERROR},
    )
    def post(self, request: Request, project_id: int, document_id: int) -> Response:
        project = curated_project(request, project_id)
        data = _parsed(self.ReviewStatusSerializer, request.data)
        if data["review_status"] == ReviewStatus.CURATED:
            document_curate(project=project, document_id=document_id, reviewer=request.user)
        else:
            document_reopen(project=project, document_id=document_id)
        return Response(_view(project, document_id, [], "exact"))


class CurationReturnApi(APIView):
    """Return the document to one annotator with a comment: their submitted set is open
    again (first in their queue) and the comment is in its thread."""

    class CurationReturnSerializer(serializers.Serializer):
        annotator = serializers.CharField(max_length=150)
        comment = serializers.CharField(max_length=10_000, allow_blank=True)

    @extend_schema(
        request=CurationReturnSerializer,
        responses={200: component(CurationDocument), 400: ERROR, 409: ERROR},
    )
    def post(self, request: Request, project_id: int, document_id: int) -> Response:
        project = curated_project(request, project_id)
        data = _parsed(self.CurationReturnSerializer, request.data)
        annotator = user_by_username(data["annotator"])
        if annotator is None:
            raise ValidationError({"annotator": ["No user with this username."]})
        document_return(
            project=project,
            document_id=document_id,
            annotator=annotator,
            reviewer=request.user,
            text=data["comment"],
        )
        return Response(_view(project, document_id, [], "exact"))


def merge_job_data(job: MergeJob) -> MergeJobOut:
    done = job.status == "done"
    return {
        "id": job.pk,
        "project": job.project_id,
        "min_agreeing": job.min_agreeing,
        "matching": job.matching,
        "models": list(job.model_names),
        "status": job.status,
        "documents_total": job.documents_total,
        "documents_done": job.documents_done,
        "progress": 1.0 if done else job.documents_done / max(job.documents_total, 1),
        "notes": job.notes,
        "error": job.error,
        "created_at": job.created_at,
        "finished_at": job.finished_at,
    }


class MergeJobsApi(APIView):
    """Background auto-merges of a project: start one over every document ready to
    curate, or list them (newest first)."""

    @extend_schema(responses=many(MergeJobOut))
    def get(self, request: Request, project_id: int) -> Response:
        project = curated_project(request, project_id)
        jobs_fail_stale()  # a job whose worker died shows as failed, with the reason
        return Response([merge_job_data(job) for job in merge_jobs_recent(project)])

    @extend_schema(request=MergeJobSerializer, responses={202: component(MergeJobOut), 400: ERROR})
    def post(self, request: Request, project_id: int) -> Response:
        project = curated_project(request, project_id)
        data = _parsed(MergeJobSerializer, request.data)
        job = merge_job_create(
            project=project,
            user=request.user,
            k=data["min_agreeing"],
            mode=data["matching"],
            models=data["models"],
        )
        return Response(merge_job_data(job), status=202)


class MergeJobDetailApi(APIView):
    """A background auto-merge's status and progress."""

    @extend_schema(responses=component(MergeJobOut))
    def get(self, request: Request, job_id: int) -> Response:
        jobs_fail_stale()
        job = merge_job_get(job_id)
        if job is None or not can_review(project_role(job.project_id, request.user)):
            raise Http404("No such auto-merge.")
        return Response(merge_job_data(job))


class ReturnedSetsApi(APIView):
    """Your sets a reviewer returned to you, each with the reviewer's comment."""

    @extend_schema(responses=many(ReturnedSet))
    def get(self, request: Request, project_id: int) -> Response:
        project, _ = project_for(request, project_id)
        return Response(returned_sets(project, request.user))
