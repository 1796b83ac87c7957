"""The shape of an agreement report, declared once (``TypedDict``s; OpenAPI components through
``annotations/api/openapi.py``). ``report.py`` builds it; the API returns it as JSON, or as
CSV rows (``table.py``); the agreement page draws it.

Every measure has the same shape. ``value`` is its headline figure: for a pairwise statistic
(F1, Cohen's kappa, pairwise alpha) the mean over the pairs of layers and ``sd`` their
population standard deviation (bratiaa's "Mean F1" and "SD F1"); for a statistic over all
layers at once (Fleiss' kappa, Krippendorff's alpha) the figure itself, with ``sd`` null
(``averaged`` says which). A figure that cannot be computed (nothing to compare) is null.
"""

from __future__ import annotations

from datetime import datetime
from typing import TypedDict


class PairFigure(TypedDict):
    """Two layers compared; ``a`` is the reference (gold, with ``against``), so precision is
    ``matched / b_units`` and recall ``matched / a_units``."""

    a: str
    b: str
    value: float | None
    precision: float | None
    recall: float | None
    matched: int | None  # units matched (F1 measures)
    a_units: int | None
    b_units: int | None
    items: int | None  # items both rated (kappa, alpha) or mentions both marked (links)


class LabelFigure(TypedDict):
    """One label; ``precision`` and ``recall`` (F1 measures) are means over the pairs."""

    label: str
    value: float | None
    sd: float | None
    precision: float | None
    recall: float | None


class DocumentFigure(TypedDict):
    """One document (a story, for cross-document links); the list is sorted by ``value``,
    lowest (most disagreement) first, undefined last."""

    document: int
    title: str
    value: float | None
    sd: float | None
    pairs: int  # pairs of layers that both have it


class TrendPoint(TypedDict):
    """The measure over the documents whose last compared set was submitted in a period."""

    period: str  # the period's first day, ISO 8601
    value: float | None
    sd: float | None
    documents: int


class MeasureReport(TypedDict):
    measure: str  # e.g. "spans.exact"
    name: str
    statistic: str  # f1, link_f1, b_cubed_f1, cohen_kappa, fleiss_kappa, krippendorff_alpha
    averaged: bool  # value and sd are over pairs of layers
    value: float | None
    sd: float | None
    pairs: list[PairFigure]
    labels: list[LabelFigure]
    unit: str  # what ``documents`` lists: "document" or "story"
    documents: list[DocumentFigure]
    trend: list[TrendPoint]


class AgreementParameters(TypedDict):
    measures: list[str]
    labels: list[str] | None
    layers: list[str] | None
    documents: list[int] | None
    story: int | None
    against: str | None
    match: str  # exact or overlap: how stance holders, attributes' spans and mentions pair up
    min_iou: float
    period: str  # day, week or month


class AgreementReport(TypedDict):
    """``GET /api/v1/projects/{id}/agreement/``."""

    project: int
    data_version: str  # changes whenever a set of the project changes
    computed_at: datetime
    parameters: AgreementParameters
    layers: list[str]
    documents: int  # documents at least two of the layers have
    measures: list[MeasureReport]
