"""A set's history: its revisions, one revision, and "restore this version"."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api.access import set_for
from annotations.api.openapi import ERROR, component, paginated
from annotations.contracts import SetWritten
from annotations.contracts_history import RestoreIn, RevisionDetail, RevisionRow
from annotations.selectors.history import (
    revision_detail,
    revision_rows,
    set_revision,
    set_revisions,
)
from annotations.selectors.sets import annotation_set_detail
from annotations.services.set_restore import set_revision_restore
from config.api import Pagination


class SetHistoryApi(APIView):
    @extend_schema(operation_id="v1_sets_history_list", responses=paginated(RevisionRow))
    def get(self, request: Request, set_id: int) -> Response:
        """Every write to the set, newest first: who, when, and how many spans, relations,
        stances and answers it added, removed and changed."""
        aset, _ = set_for(request, set_id)
        paginator = Pagination()
        page = paginator.paginate_queryset(set_revisions(aset), request, view=self)
        return paginator.get_paginated_response(revision_rows(aset, page))


class SetRevisionApi(APIView):
    @extend_schema(responses=component(RevisionDetail))
    def get(self, request: Request, set_id: int, version: int) -> Response:
        """The set as the write that left ``version`` made it, and the rows that write
        added, removed and changed."""
        aset, _ = set_for(request, set_id)
        detail = revision_detail(aset, version)
        if detail is None:
            raise Http404("This set has no such revision.")
        return Response(detail)


class SetRevisionRestoreApi(APIView):
    @extend_schema(
        request=component(RestoreIn),
        responses={200: component(SetWritten), 400: ERROR, 409: ERROR},
    )
    def post(self, request: Request, set_id: int, version: int) -> Response:
        """Write revision ``version`` back as the set's contents (a new revision). Send the
        ``version`` you have loaded: if the set moved on since, 409 and nothing is written.
        Spans the set still has keep their ids; ``refs`` maps ``r<old id>`` to the ids of
        spans that come back."""
        aset, _ = set_for(request, set_id, write=True)
        if not isinstance(request.data, dict):
            raise ValidationError({"non_field": ["expected a JSON object"]})
        revision = set_revision(aset, version)
        if revision is None:
            raise Http404("This set has no such revision.")
        refs = set_revision_restore(
            annotation_set=aset,
            revision=revision,
            loaded_version=request.data.get("version"),
            writer=request.user,
        )
        return Response({**annotation_set_detail(aset, with_document=False), "refs": refs})
