"""Fine-grained endpoints for scripts: spans, relations and stances one at a time."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api.access import row_for, set_for
from annotations.api.openapi import ERROR, component, many
from annotations.columns import RELATION, SPAN, STANCE
from annotations.contracts import (
    RelationIn,
    RelationRow,
    SpanIn,
    SpanRow,
    StanceIn,
    StanceRow,
)
from annotations.models import Relation, Span, Stance
from annotations.selectors.set_contents import set_contents_json
from annotations.services import rows as row_services
from config.api import query_int


def _body(request: Request) -> dict:
    if not isinstance(request.data, dict):
        raise ValidationError({"non_field": ["expected a JSON object"]})
    return dict(request.data)


def _version(request: Request) -> int | None:
    return query_int(request.query_params, "version")


class SpanListApi(APIView):
    @extend_schema(responses=many(SpanRow))
    def get(self, request: Request, set_id: int) -> Response:
        aset, _ = set_for(request, set_id)
        return Response(set_contents_json([aset.pk])[aset.pk]["spans"])

    @extend_schema(request=component(SpanIn), responses={201: component(SpanRow), 400: ERROR})
    def post(self, request: Request, set_id: int) -> Response:
        aset, _ = set_for(request, set_id, write=True)
        span = row_services.span_create(
            annotation_set=aset, data=_body(request), writer=request.user
        )
        return Response(SPAN.as_dict(span), status=201)


class SpanDetailApi(APIView):
    @extend_schema(responses=component(SpanRow))
    def get(self, request: Request, span_id: int) -> Response:
        return Response(SPAN.as_dict(row_for(request, Span, span_id)))

    @extend_schema(request=component(SpanIn), responses={200: component(SpanRow), 400: ERROR})
    def patch(self, request: Request, span_id: int) -> Response:
        span = row_for(request, Span, span_id, write=True)
        span = row_services.span_update(span=span, data=_body(request), writer=request.user)
        return Response(SPAN.as_dict(span))

    @extend_schema(responses={204: None})
    def delete(self, request: Request, span_id: int) -> Response:
        span = row_for(request, Span, span_id, write=True)
        row_services.span_delete(span=span, version=_version(request), writer=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class RelationListApi(APIView):
    @extend_schema(responses=many(RelationRow))
    def get(self, request: Request, set_id: int) -> Response:
        aset, _ = set_for(request, set_id)
        return Response(set_contents_json([aset.pk])[aset.pk]["relations"])

    @extend_schema(
        request=component(RelationIn), responses={201: component(RelationRow), 400: ERROR}
    )
    def post(self, request: Request, set_id: int) -> Response:
        aset, _ = set_for(request, set_id, write=True)
        relation = row_services.relation_create(
            annotation_set=aset, data=_body(request), writer=request.user
        )
        return Response(RELATION.as_dict(relation), status=201)


class RelationDetailApi(APIView):
    @extend_schema(responses=component(RelationRow))
    def get(self, request: Request, relation_id: int) -> Response:
        return Response(RELATION.as_dict(row_for(request, Relation, relation_id)))

    @extend_schema(responses={204: None})
    def delete(self, request: Request, relation_id: int) -> Response:
        relation = row_for(request, Relation, relation_id, write=True)
        row_services.row_delete(row=relation, version=_version(request), writer=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class StanceListApi(APIView):
    @extend_schema(responses=many(StanceRow))
    def get(self, request: Request, set_id: int) -> Response:
        aset, _ = set_for(request, set_id)
        return Response(set_contents_json([aset.pk])[aset.pk]["stances"])

    @extend_schema(request=component(StanceIn), responses={201: component(StanceRow), 400: ERROR})
    def post(self, request: Request, set_id: int) -> Response:
        aset, _ = set_for(request, set_id, write=True)
        stance = row_services.stance_create(
            annotation_set=aset, data=_body(request), writer=request.user
        )
        return Response(STANCE.as_dict(stance), status=201)


class StanceDetailApi(APIView):
    @extend_schema(responses=component(StanceRow))
    def get(self, request: Request, stance_id: int) -> Response:
        return Response(STANCE.as_dict(row_for(request, Stance, stance_id)))

    @extend_schema(responses={204: None})
    def delete(self, request: Request, stance_id: int) -> Response:
        stance = row_for(request, Stance, stance_id, write=True)
        row_services.row_delete(row=stance, version=_version(request), writer=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
