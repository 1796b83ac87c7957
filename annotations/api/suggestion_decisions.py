"""Decisions on model suggestions: those made in a set (list, record, withdraw), and each
model's acceptance and rejection rates in a project."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api.access import project_for, set_for
from annotations.api.openapi import ERROR, many
from annotations.contracts_history import DecisionIn, DecisionOut, ModelRates
from annotations.permissions import can_review
from annotations.selectors.suggestion_decisions import model_rates, set_decisions
from annotations.services.suggestion_decisions import decision_withdraw, decisions_record

RATES_REFUSAL = "Only the project's managers and reviewers see the models' rates."


class SetDecisionsApi(APIView):
    @extend_schema(operation_id="v1_sets_decisions_list", responses=many(DecisionOut))
    def get(self, request: Request, set_id: int) -> Response:
        """The decisions on suggestions made in this set."""
        aset, _ = set_for(request, set_id)
        return Response(set_decisions(aset))

    @extend_schema(request=many(DecisionIn), responses={200: many(DecisionOut), 400: ERROR})
    def post(self, request: Request, set_id: int) -> Response:
        """Record decisions (``accepted`` or ``rejected``) on suggestions of the document's
        model sets, made in this set; a later decision on a suggestion replaces the earlier.
        Answers every decision of the set."""
        aset, _ = set_for(request, set_id, write=True)
        decisions_record(annotation_set=aset, items=request.data)
        return Response(set_decisions(aset))


class SetDecisionDetailApi(APIView):
    @extend_schema(responses={204: None, 404: ERROR})
    def delete(self, request: Request, set_id: int, suggestion_id: int) -> Response:
        """Withdraw the decision on a suggestion (it is open again)."""
        aset, _ = set_for(request, set_id, write=True)
        if not decision_withdraw(annotation_set=aset, suggestion_id=suggestion_id):
            raise Http404("No decision on this suggestion in this set.")
        return Response(status=status.HTTP_204_NO_CONTENT)


class ProjectSuggestionRatesApi(APIView):
    @extend_schema(responses=many(ModelRates))
    def get(self, request: Request, project_id: int) -> Response:
        """Each model's suggestions in the project and how people decided on them."""
        project, _ = project_for(request, project_id, allowed=can_review, refusal=RATES_REFUSAL)
        return Response(model_rates(project))
