"""Annotation sets: list, open, read and write whole, submit, skip."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api import serializers as s
from annotations.api.access import project_for, set_for
from annotations.api.openapi import ERROR, component, paginated
from annotations.contracts import SetDetail, SetHeader, SetWrite, SetWritten
from annotations.permissions import OPEN_REFUSALS, can_open_set
from annotations.selectors.documents import document_get
from annotations.selectors.payloads import set_header
from annotations.selectors.sets import SET_LIST_FILTERS, annotation_set_detail, sets_listed
from annotations.services.annotation_sets import (
    annotation_set_open,
    annotation_set_skip,
    annotation_set_submit,
)
from annotations.services.set_write import annotation_set_write
from config.api import Pagination, query_int, renamed_refused


class AnnotationSetListApi(APIView):
    @extend_schema(
        operation_id="v1_sets_list",
        parameters=[
            OpenApiParameter("project", int, required=True),
            OpenApiParameter("document", int),
            OpenApiParameter("status", str),
            OpenApiParameter("kind", str),
            OpenApiParameter("author", str, description="the author's username"),
        ],
        responses=paginated(SetHeader),
    )
    def get(self, request: Request) -> Response:
        params = request.query_params
        renamed_refused(params)
        project, role = project_for(request, query_int(params, "project", required=True))
        filters = {name: params.get(name) for name in SET_LIST_FILTERS}
        filters["document"] = query_int(params, "document")
        sets = sets_listed(request.user, role, project, filters)
        paginator = Pagination()
        page = paginator.paginate_queryset(sets, request, view=self)
        return paginator.get_paginated_response([set_header(a) for a in page])

    @extend_schema(
        request=s.SetOpenSerializer,
        responses={200: component(SetDetail), 201: component(SetDetail), 409: ERROR},
    )
    def post(self, request: Request) -> Response:
        """Open (get or create) a set: your own, the gold set (reviewers) or a model's
        (managers, e.g. to import suggestions). A new annotator set takes one of the
        document's annotator slots; when it has all its annotators, 409."""
        serializer = s.SetOpenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        kind = data["kind"]
        project, _ = project_for(
            request,
            data["project"],
            allowed=lambda role: can_open_set(role, kind),
            refusal=OPEN_REFUSALS[kind],
        )
        document = document_get(data["document"])
        if document is None:
            raise Http404("No such document.")
        aset, created = annotation_set_open(
            project=project,
            document=document,
            author=request.user,
            kind=kind,
            model_name=data.get("model_name", ""),
        )
        aset.document = document
        return Response(annotation_set_detail(aset), status=201 if created else 200)


class AnnotationSetDetailApi(APIView):
    @extend_schema(responses=component(SetDetail))
    def get(self, request: Request, set_id: int) -> Response:
        aset, _ = set_for(request, set_id)
        return Response(annotation_set_detail(aset))

    @extend_schema(
        request=component(SetWrite),
        responses={200: component(SetWritten), 400: ERROR, 409: ERROR},
    )
    def put(self, request: Request, set_id: int) -> Response:
        """Replace the set's spans, relations, stances and answers (each part you send; a part
        you leave out stays as it is). Send the ``version`` you loaded: if someone saved in
        between, you get 409 and nothing is written. ``refs`` in the answer maps the refs you
        gave new spans to their ids."""
        aset, _ = set_for(request, set_id, write=True)
        if not isinstance(request.data, dict):
            raise ValidationError({"non_field": ["expected a JSON object"]})
        refs = annotation_set_write(annotation_set=aset, data=request.data, writer=request.user)
        return Response({**annotation_set_detail(aset, with_document=False), "refs": refs})


class AnnotationSetSubmitApi(APIView):
    @extend_schema(request=None, responses={200: component(SetHeader), 409: ERROR})
    def post(self, request: Request, set_id: int) -> Response:
        aset, _ = set_for(request, set_id, write=True)
        aset = annotation_set_submit(annotation_set=aset)
        return Response(set_header(aset))


class AnnotationSetSkipApi(APIView):
    @extend_schema(request=None, responses={200: component(SetHeader), 409: ERROR})
    def post(self, request: Request, set_id: int) -> Response:
        aset, _ = set_for(request, set_id, write=True)
        aset = annotation_set_skip(annotation_set=aset)
        return Response(set_header(aset))
