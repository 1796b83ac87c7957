"""The source registry of a project: list and create entries, read, change and delete one,
add aliases, suggest entries for a span's text, and an entry's claims across outlets.

Who may: every member reads; every member adds entries and aliases (annotators link
sources in the workspace, reviewers in the gold layer); managers and reviewers change and
delete entries (the only ones told how many spans block a delete). Writes in an archived
project are refused (409). An entry's ``spans`` counts the links of every layer, but for
a blind project's annotator only those of their own sets.
"""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api.access import project_for
from annotations.api.openapi import ERROR, component, many
from annotations.contracts_sources import (
    SourceClaims,
    SourceEntryChange,
    SourceEntryIn,
    SourceEntryOut,
    SourceSuggestions,
)
from annotations.models import Project, SourceEntry
from annotations.permissions import can_review
from annotations.selectors.source_claims import source_claims
from annotations.selectors.sources import (
    entries_out,
    source_entries,
    source_get,
    source_suggestions,
    spans_counted_for,
)
from annotations.selectors.story_layers import layer_readable_or_refuse
from annotations.services.sources import (
    source_aliases_add,
    source_create,
    source_delete,
    source_update,
)

EDIT_REFUSAL = "Only the project's managers and reviewers may change or delete registry entries."
MAX_TEXT = 200


def _member(role: str | None) -> bool:
    return role is not None


def _body(request: Request) -> dict:
    if not isinstance(request.data, dict):
        raise ValidationError({"non_field": ["expected a JSON object"]})
    return dict(request.data)


def _text_param(request: Request, name: str, *, required: bool = False) -> str:
    value = request.query_params.get(name, "")
    if required and not value.strip():
        raise ValidationError({name: ["this parameter is required"]})
    if len(value) > MAX_TEXT or "\x00" in value:
        raise ValidationError({name: [f"at most {MAX_TEXT} characters"]})
    return value


def _entry(project: Project, entry_id: int) -> SourceEntry:
    entry = source_get(project, entry_id)
    if entry is None:
        raise Http404("No such source in this project.")
    return entry


def _out(
    request: Request, project: Project, role: str | None, entry: SourceEntry
) -> SourceEntryOut:
    counted_for = spans_counted_for(request.user, role, project)
    return entries_out(project, [source_get(project, entry.pk)], counted_for=counted_for)[0]


class ProjectSourcesApi(APIView):
    @extend_schema(
        parameters=[OpenApiParameter("q", str, description="part of a name or an alias")],
        responses=many(SourceEntryOut),
    )
    def get(self, request: Request, project_id: int) -> Response:
        """The project's registry by name; ``?q=`` keeps the entries whose name or an alias
        contains it (case-insensitive)."""
        project, role = project_for(request, project_id)
        q = _text_param(request, "q")
        entries = source_entries(project, q)
        counted_for = spans_counted_for(request.user, role, project)
        return Response(entries_out(project, entries, every=not q.strip(), counted_for=counted_for))

    @extend_schema(
        request=component(SourceEntryIn), responses={201: component(SourceEntryOut), 400: ERROR}
    )
    def post(self, request: Request, project_id: int) -> Response:
        """Add an entry: ``name``, ``kind``, ``affiliation``, ``aliases``; ``key`` is made
        from the name (unique in the project) when not given."""
        project, role = project_for(request, project_id, allowed=_member)
        entry = source_create(project=project, data=_body(request))
        return Response(_out(request, project, role, entry), status=status.HTTP_201_CREATED)


class SourceDetailApi(APIView):
    @extend_schema(responses=component(SourceEntryOut))
    def get(self, request: Request, project_id: int, entry_id: int) -> Response:
        """One entry, with its aliases and how many spans link to it."""
        project, role = project_for(request, project_id)
        return Response(_out(request, project, role, _entry(project, entry_id)))

    @extend_schema(request=component(SourceEntryChange), responses={200: component(SourceEntryOut)})
    def patch(self, request: Request, project_id: int, entry_id: int) -> Response:
        """Change the name, kind, affiliation or aliases (the list replaces the entry's);
        the key stays (spans store it)."""
        project, role = project_for(request, project_id, allowed=can_review, refusal=EDIT_REFUSAL)
        entry = source_update(entry=_entry(project, entry_id), data=_body(request))
        return Response(_out(request, project, role, entry))

    @extend_schema(responses={204: None})
    def delete(self, request: Request, project_id: int, entry_id: int) -> Response:
        """Delete an entry no span links to; 409 with the count when spans link to it."""
        project, _ = project_for(request, project_id, allowed=can_review, refusal=EDIT_REFUSAL)
        source_delete(entry=_entry(project, entry_id))
        return Response(status=status.HTTP_204_NO_CONTENT)


class AliasesIn(serializers.Serializer):
    aliases = serializers.ListField(child=serializers.CharField())


class SourceAliasesApi(APIView):
    @extend_schema(request=AliasesIn, responses={200: component(SourceEntryOut)})
    def post(self, request: Request, project_id: int, entry_id: int) -> Response:
        """Add aliases to an entry (those it has, compared normalised, are kept as they
        are): every member may, as they meet the source under another name."""
        project, role = project_for(request, project_id, allowed=_member)
        entry = _entry(project, entry_id)
        source_aliases_add(entry=entry, aliases=_body(request).get("aliases"))
        return Response(_out(request, project, role, entry))


class SourceSuggestApi(APIView):
    @extend_schema(
        parameters=[OpenApiParameter("text", str, required=True, description="a span's text")],
        responses=component(SourceSuggestions),
    )
    def get(self, request: Request, project_id: int) -> Response:
        """The entries a SOURCE span's text may name, best first (at most five): 1.0 for
        the entry's name or an alias (ignoring case, punctuation, a leading article and a
        possessive), less for names sharing words ("Netanyahu" for "Prime Minister
        Benjamin Netanyahu")."""
        project, role = project_for(request, project_id)
        text = _text_param(request, "text", required=True)
        counted_for = spans_counted_for(request.user, role, project)
        return Response({"results": source_suggestions(project, text, counted_for)})


class SourceClaimsApi(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter("layer", str, description="gold, annotator:<username> or model:<name>")
        ],
        responses=component(SourceClaims),
    )
    def get(self, request: Request, project_id: int, entry_id: int) -> Response:
        """Every claim attributed to a SOURCE span linked to this entry in ``layer`` (gold
        for managers and reviewers, the annotator's own layer otherwise), across documents
        by outlet then time, and how each outlet named the source. A blind project's
        annotator reads only their own layer (403 for another)."""
        project, role = project_for(request, project_id)
        entry = _entry(project, entry_id)
        layer = _text_param(request, "layer")
        layer = layer_readable_or_refuse(request.user, role, project, layer)
        return Response(source_claims(request.user, role, project, entry, layer))
