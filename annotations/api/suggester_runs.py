"""Suggester runs of a project (issue 14 §3): managers start one (the quote aligner over a
story, the attribution suggester, a configured recommender) and it runs in the background;
managers and reviewers follow it (status, progress, what it wrote or why it failed)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypedDict

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api.access import project_for
from annotations.api.openapi import ERROR, component, many
from annotations.models import SuggesterName, SuggesterRun
from annotations.permissions import can_review
from annotations.selectors.suggester_runs import suggester_run_get, suggester_runs_recent
from annotations.services.errors import DomainError
from annotations.services.jobs import jobs_fail_stale
from annotations.services.suggester_runs import MANAGERS_ONLY, suggester_run_start
from config.api import MAX_ID
from corpus.models import Story

READ_REFUSAL = "Only the project's managers and reviewers may see its suggester runs."


class RunStory(TypedDict):
    id: int
    name: str


class SuggesterRunOut(TypedDict):
    id: int
    project: int
    suggester: str
    model_name: str
    layer: str  # model:<model_name>, as the agreement page and evaluate_layer name it
    story: RunStory | None
    replace: bool
    requested_by: str | None
    status: str  # queued | running | done | failed
    documents_done: int
    documents_total: int
    progress: float
    outcome: dict[str, Any]  # sets, spans, relations, stances written; or errors
    error: str
    created_at: datetime
    finished_at: datetime | None


def suggester_run_data(run: SuggesterRun) -> SuggesterRunOut:
    done = run.status == "done"
    return {
        "id": run.pk,
        "project": run.project_id,
        "suggester": run.suggester,
        "model_name": run.model_name,
        "layer": f"model:{run.model_name}",
        "story": {"id": run.story.pk, "name": run.story.name} if run.story else None,
        "replace": run.replace,
        "requested_by": run.requested_by.username if run.requested_by else None,
        "status": run.status,
        "documents_done": run.documents_done,
        "documents_total": run.documents_total,
        "progress": 1.0 if done else run.documents_done / max(run.documents_total, 1),
        "outcome": run.outcome,
        "error": run.error,
        "created_at": run.created_at,
        "finished_at": run.finished_at,
    }


class SuggesterRunStart(serializers.Serializer):
    suggester = serializers.ChoiceField(choices=SuggesterName.values)
    story = serializers.IntegerField(
        min_value=1, max_value=MAX_ID, required=False, allow_null=True, default=None
    )
    model_name = serializers.CharField(
        max_length=64, required=False, allow_blank=True, allow_null=True, default=None
    )
    replace = serializers.BooleanField(required=False, default=False)


class SuggesterRunsApi(APIView):
    """A project's suggester runs: list them (newest first) or start one (202)."""

    @extend_schema(responses=many(SuggesterRunOut))
    def get(self, request: Request, project_id: int) -> Response:
        project, _ = project_for(request, project_id, allowed=can_review, refusal=READ_REFUSAL)
        jobs_fail_stale()  # a run whose worker died shows as failed, with the reason
        return Response([suggester_run_data(run) for run in suggester_runs_recent(project)])

    @extend_schema(
        request=SuggesterRunStart,
        responses={202: component(SuggesterRunOut), 400: ERROR, 409: ERROR},
    )
    def post(self, request: Request, project_id: int) -> Response:
        project, _ = project_for(request, project_id, manage=True, refusal=MANAGERS_ONLY)
        serializer = SuggesterRunStart(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        story = None
        if data["story"] is not None:
            story = Story.objects.filter(pk=data["story"]).first()
            if story is None:
                raise DomainError("No such story.", {"story": "no story with this id"})
        run = suggester_run_start(
            project=project,
            user=request.user,
            suggester=data["suggester"],
            story=story,
            model_name=data["model_name"] or None,
            replace=data["replace"],
        )
        return Response(suggester_run_data(run), status=202)


class SuggesterRunDetailApi(APIView):
    """One suggester run: its status, progress, outcome and error."""

    @extend_schema(responses=component(SuggesterRunOut))
    def get(self, request: Request, project_id: int, run_id: int) -> Response:
        project, _ = project_for(request, project_id, allowed=can_review, refusal=READ_REFUSAL)
        jobs_fail_stale()
        run = suggester_run_get(project, run_id)
        if run is None:
            raise Http404("No such suggester run.")
        return Response(suggester_run_data(run))
