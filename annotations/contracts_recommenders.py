"""The shapes of external recommenders in the API (``docs/recommender.md``), declared once
as ``TypedDict``s (OpenAPI components through ``annotations/api/openapi.py``)."""

from __future__ import annotations

from datetime import datetime
from typing import TypedDict


class RecommenderOut(TypedDict):
    """A recommender of the project: its layer is ``model:<name>``."""

    id: int
    name: str
    layer: str
    url: str
    timeout_seconds: int
    labels: list[str]
    relation_types: list[str]
    stances: bool
    enabled: bool
    created_at: datetime


class RecommenderIn(TypedDict, total=False):
    """A new recommender (``name`` and ``url`` required) or the fields to change."""

    name: str
    url: str
    timeout_seconds: int
    labels: list[str]
    relation_types: list[str]
    stances: bool
    enabled: bool


class ProposedSpan(TypedDict):
    label: str
    text: str


class SampleDocument(TypedDict):
    title: str
    text: str


class RecommenderCheck(TypedDict):
    """What the recommender answered for the sample document: ``ok`` and the spans it
    proposed (label, text) with the counts of relations and stances; or why the answer is
    bad (``reason``). Nothing is written."""

    ok: bool
    reason: str | None
    spans: list[ProposedSpan]
    relations: int
    stances: int
    seconds: float
    sample: SampleDocument
