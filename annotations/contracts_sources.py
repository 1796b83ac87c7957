"""The shapes of the source registry in the API (``annotations/api/sources.py``), declared
once as ``TypedDict``s (OpenAPI components through ``annotations/api/openapi.py``)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal, TypedDict

SourceKindName = Literal["named_person", "named_organisation", "anonymous_official", "other"]


class SourceEntryOut(TypedDict):
    """One canonical source. ``key`` is what a SOURCE span's ``entry`` attribute holds;
    ``spans``: how many spans of the project link to it (in any layer)."""

    id: int
    key: str
    name: str
    kind: SourceKindName
    affiliation: str
    aliases: list[str]
    spans: int


class _SourceEntryKeys(TypedDict):
    name: str


class SourceEntryIn(_SourceEntryKeys, total=False):
    """A new entry: ``kind`` defaults to ``other``; ``key`` (a slug, fixed once made) is
    made from the name when left out."""

    kind: SourceKindName
    affiliation: str
    aliases: list[str]
    key: str


class SourceEntryChange(TypedDict, total=False):
    """What to change; ``aliases`` replaces the list. The key cannot change."""

    name: str
    kind: SourceKindName
    affiliation: str
    aliases: list[str]


class SourceSuggestion(TypedDict):
    """An entry the text may name: ``score`` 1.0 for its name or an alias (normalised),
    less for a partial match; ``matched`` is the name or alias that matched."""

    entry: SourceEntryOut
    score: float
    matched: str


class SourceSuggestions(TypedDict):
    results: list[SourceSuggestion]


class ClaimSpan(TypedDict):
    span: int
    text: str
    start: int
    end: int


class ClaimDocument(TypedDict):
    id: int
    title: str
    outlet: str | None
    published_at: datetime | None


class SourceClaim(TypedDict):
    """A CLAIM attributed (ATTRIBUTED_TO) to a SOURCE span linked to the entry: how the
    outlet named the source (``named_as``, the SOURCE span's text) and the cue, if any."""

    claim: ClaimSpan
    document: ClaimDocument
    named_as: str
    source_span: int
    cue: str | None


class NamedAs(TypedDict):
    """How often (in how many SOURCE spans) one outlet named the source one way
    (``outlet`` null: documents without an outlet)."""

    outlet: str | None
    named_as: str
    count: int


class SourceClaims(TypedDict):
    """The entry and its claims in ``layer``, ordered by outlet then publication time."""

    entry: SourceEntryOut
    layer: str
    claims: list[SourceClaim]
    named_as: list[NamedAs]
