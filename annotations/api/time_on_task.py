"""Time on task: ``POST /api/v1/sets/{id}/time/`` adds the active seconds the workspace
counted to the set (``annotations/services/time_on_task.py`` says how reports are capped).
Who may write the set may report its time: an annotator set's owner, the gold set's reviewers
and managers."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api.access import set_for
from annotations.api.openapi import ERROR, component
from annotations.progress_contracts import TimeReported
from annotations.services.time_on_task import MAX_REPORT_SECONDS, time_on_task_add


class SetTimeApi(APIView):
    class TimeReportSerializer(serializers.Serializer):
        seconds = serializers.IntegerField(min_value=0, max_value=MAX_REPORT_SECONDS)

    @extend_schema(
        operation_id="v1_sets_time_create",
        request=TimeReportSerializer,
        responses={200: component(TimeReported), 400: ERROR, 409: ERROR},
    )
    def post(self, request: Request, set_id: int) -> Response:
        """Add ``seconds`` of active time to the set; the answer says how many were added
        (fewer when the report was more than the time since the last one) and the total.
        409 once the set is submitted, skipped or curated (after a short grace)."""
        aset, _ = set_for(request, set_id, write=True)
        data = self.TimeReportSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        recorded = time_on_task_add(annotation_set=aset, seconds=data.validated_data["seconds"])
        return Response({"added": recorded.added, "seconds_spent": recorded.seconds_spent})
