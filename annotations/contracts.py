"""The shapes the annotation API returns, declared once as ``TypedDict``s.

Selectors build these dicts; the API views return them; ``annotations/api/openapi.py`` turns
each into a named component of the OpenAPI document, so a client generator gets real types.
The rows' shapes are made from their columns (``annotations/columns.py``); the native record
of exports and imports is declared in ``annotations/formats/records.py``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypedDict

from annotations.columns import RELATION, SPAN, STANCE

SpanRow = SPAN.typed_dict("SpanRow")
RelationRow = RELATION.typed_dict("RelationRow")
StanceRow = STANCE.typed_dict("StanceRow")


class Zone(TypedDict):
    kind: str  # headline, byline, dateline, caption, body
    start: int
    end: int


class DocumentDetail(TypedDict):
    """A document as the workspace reads it: its text and where it comes from."""

    id: int
    title: str
    text: str
    outlet: str | None  # the outlet's name
    story: int | None  # the story's id
    url: str
    published_at: datetime | None
    language: str
    zones: list[Zone]


class SetHeader(TypedDict):
    """An annotation set without its contents. ``author`` is the username of the person who
    writes it (None for a model's set); ``model_name`` names a model's set ("" otherwise)."""

    id: int
    project: int
    document: int
    kind: str  # annotator, gold, model
    author: str | None
    model_name: str
    status: str  # assigned, in_progress, submitted, skipped, curated
    version: int
    created_at: datetime
    updated_at: datetime
    submitted_at: datetime | None


class SetContents(TypedDict):
    spans: list[SpanRow]  # type: ignore[valid-type]
    relations: list[RelationRow]  # type: ignore[valid-type]
    stances: list[StanceRow]  # type: ignore[valid-type]
    answers: dict[str, Any]  # question key -> answer


class SetWithContents(SetHeader, SetContents):
    """A set with its spans, relations, stances and answers."""


class SetDetail(SetWithContents, total=False):
    """``GET /sets/{id}/``: the set with its contents and its document (``document_detail``;
    left out of the answer to a write)."""

    document_detail: DocumentDetail


class SetWritten(SetWithContents):
    """The answer to a whole-set write: the set as stored, and ``refs``, the ids the new
    spans got, by the ``ref`` the payload gave them."""

    refs: dict[str, int]


class ProjectDocumentDetail(DocumentDetail):
    """``GET /projects/{p}/documents/{d}/``: the document with every set the caller may see."""

    sets: list[SetWithContents]


class ProjectDocumentRow(TypedDict):
    """One entry of a project's document list."""

    id: int
    title: str
    outlet: str | None
    story: int | None
    position: int
    assigned: int  # annotator sets counting against ``annotators_per_document``
    length: int  # code points
