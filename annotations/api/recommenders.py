"""A project's external recommenders: list and add, read, change, remove, and check one
(it answers a sample document; nothing is written). Managers configure them; reviewers
read the list (the suggesters page shows it read-only)."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api.access import project_for
from annotations.api.openapi import ERROR, component, many
from annotations.contracts_recommenders import RecommenderCheck, RecommenderIn, RecommenderOut
from annotations.models import Recommender
from annotations.permissions import can_review
from annotations.selectors.recommenders import recommender_get, recommender_out, recommenders_of
from annotations.services.recommender import recommender_check
from annotations.services.recommender_setup import (
    recommender_create,
    recommender_delete,
    recommender_update,
)

READ_REFUSAL = "Only the project's managers and reviewers see its recommenders."
MANAGE_REFUSAL = "Only the project's managers configure recommenders."


def _recommender(request: Request, project_id: int, recommender_id: int) -> Recommender:
    if request.method == "GET":
        project, _ = project_for(request, project_id, allowed=can_review, refusal=READ_REFUSAL)
    else:
        project, _ = project_for(request, project_id, manage=True, refusal=MANAGE_REFUSAL)
    recommender = recommender_get(project, recommender_id)
    if recommender is None:
        raise Http404("No such recommender.")
    return recommender


class RecommenderListApi(APIView):
    @extend_schema(operation_id="v1_projects_recommenders_list", responses=many(RecommenderOut))
    def get(self, request: Request, project_id: int) -> Response:
        """The project's recommenders, by name."""
        project, _ = project_for(request, project_id, allowed=can_review, refusal=READ_REFUSAL)
        return Response([recommender_out(r) for r in recommenders_of(project)])

    @extend_schema(
        request=component(RecommenderIn),
        responses={201: component(RecommenderOut), 400: ERROR},
    )
    def post(self, request: Request, project_id: int) -> Response:
        """Add a recommender: ``name`` (a slug; its layer is ``model:<name>``) and ``url``
        (http or https) are required; labels and relation types must be the schema's."""
        project, _ = project_for(request, project_id, manage=True, refusal=MANAGE_REFUSAL)
        recommender = recommender_create(project=project, data=request.data)
        return Response(recommender_out(recommender), status=status.HTTP_201_CREATED)


class RecommenderDetailApi(APIView):
    @extend_schema(responses=component(RecommenderOut))
    def get(self, request: Request, project_id: int, recommender_id: int) -> Response:
        """One recommender."""
        return Response(recommender_out(_recommender(request, project_id, recommender_id)))

    @extend_schema(
        request=component(RecommenderIn), responses={200: component(RecommenderOut), 400: ERROR}
    )
    def patch(self, request: Request, project_id: int, recommender_id: int) -> Response:
        """Change the fields given (enable or disable it with ``enabled``)."""
        recommender = _recommender(request, project_id, recommender_id)
        recommender = recommender_update(recommender=recommender, data=request.data)
        return Response(recommender_out(recommender))

    @extend_schema(responses={204: None})
    def delete(self, request: Request, project_id: int, recommender_id: int) -> Response:
        """Remove the recommender; the model sets it wrote stay."""
        recommender_delete(recommender=_recommender(request, project_id, recommender_id))
        return Response(status=status.HTTP_204_NO_CONTENT)


class RecommenderCheckApi(APIView):
    @extend_schema(request=None, responses=component(RecommenderCheck))
    def post(self, request: Request, project_id: int, recommender_id: int) -> Response:
        """Send the recommender one short sample document and say what it answered, or why
        the answer is bad (200 either way: ``ok``). Writes nothing."""
        recommender = _recommender(request, project_id, recommender_id)
        return Response(recommender_check(recommender))
