"""The shapes the curation API returns, declared once as ``TypedDict``s (OpenAPI components
through ``annotations/api/openapi.py``). What it takes is parsed by the input serializers of
``annotations/api/curation.py``."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypedDict

from annotations.contracts import DocumentDetail, SetWithContents


class CurateQueueRow(TypedDict):
    """A document that reached its reviewers: its review state, how many of its annotators
    submitted (of ``needed``), its gold set, who it was returned to, and how much its
    annotators disagree (the share of units not every annotator made alike; None with
    fewer than two)."""

    id: int  # the document's
    title: str
    outlet: str | None
    story: int | None
    position: int
    review_status: str  # unreviewed, in_review, curated, returned
    submitted: int
    needed: int
    ready: bool  # unreviewed or in review, with every annotator's set submitted
    gold: int | None  # the gold set's id
    gold_status: str | None
    returned_to: list[str]
    disagreement: float | None
    disputed: int  # units not every annotator made alike
    units: int


class CurateSummary(TypedDict):
    """What a reviewer has to do: documents ready to curate, in each review state, and
    still waiting for their annotators."""

    documents: int
    ready: int
    waiting: int
    in_review: int
    curated: int
    returned: int


class CurationLayer(SetWithContents):
    """A layer's set on the document with its contents; ``name`` is the layer's name
    (``annotator:<username>``, ``model:<name>``, ``gold``)."""

    name: str


class CurationMember(TypedDict):
    layer: str
    row: dict[str, Any]  # the layer's row, as set responses show it


class CurationUnit(TypedDict):
    """One unit as the layers made it. ``state``: gold, rejected or open. ``agreed``: every
    layer made it alike (never when there is a single layer). ``unit``: the row most layers
    made (gold's own for a unit only gold has); ``gold``: the gold row matching it."""

    key: str
    kind: str  # span, relation, stance, answer
    state: str
    agreed: bool
    layers: list[str]
    members: list[CurationMember]
    unit: dict[str, Any]
    gold: dict[str, Any] | None


class LinkedSpan(TypedDict):
    """A span of another document of the story that a link points at."""

    id: int
    document: int
    title: str
    label: str
    start: int
    end: int
    text: str


class AnnotatorOnDocument(TypedDict):
    username: str
    set: int
    status: str


class CurationCounts(TypedDict):
    units: int  # made by the layers
    agreed: int
    gold: int
    rejected: int
    open: int


class CurationDocument(TypedDict):
    """The curation view of one document: its layers (submitted annotator sets, and the
    model sets asked for), its gold set, and every unit grouped across them."""

    document: DocumentDetail
    review_status: str
    matching: str  # exact, overlap
    layers: list[CurationLayer]
    gold: CurationLayer | None
    models: list[str]  # the model layers there are (ask for them with ?models=)
    annotators: list[AnnotatorOnDocument]
    units: list[CurationUnit]
    elsewhere: list[LinkedSpan]
    counts: CurationCounts


class MergeSummary(TypedDict):
    added: dict[str, int]  # units put into gold, by kind
    notes: list[str]  # what was left to the reviewer, and why


class CurationMerged(CurationDocument):
    """The curation view after an auto-merge, with what it did."""

    merged: MergeSummary


class MergeJobOut(TypedDict):
    """A background auto-merge: ``progress`` from 0 to 1; ``notes`` start with a summary
    once it is done, then what each document left to the reviewer."""

    id: int
    project: int
    min_agreeing: int
    matching: str
    models: list[str]
    status: str  # queued, running, done, failed
    documents_total: int
    documents_done: int
    progress: float
    notes: list[str]
    error: str
    created_at: datetime
    finished_at: datetime | None


class ReturnedSet(TypedDict):
    """A set of the caller's that a reviewer returned, with what the reviewer said."""

    set: int
    document: int
    title: str
    returned_by: str | None
    comment: str
    returned_at: datetime | None
