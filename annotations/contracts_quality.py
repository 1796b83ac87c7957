"""The shape of a layer's quality against a reference layer (gold, usually), declared once:
``selectors/layer_quality.py`` builds it, ``GET /api/v1/projects/{id}/suggestions/quality/``
returns it, ``manage.py evaluate_layer`` prints it and the agreement page draws it."""

from __future__ import annotations

from typing import TypedDict

from annotations.contracts_history import ModelRates


class Figures(TypedDict):
    """Precision, recall and F1 of the layer against the reference (null: nothing to count)."""

    precision: float | None
    recall: float | None
    f1: float | None


class LabelQuality(TypedDict):
    """One span label or relation type (``label`` "(all)": every one of that kind), counted
    with exact offsets and with overlapping spans."""

    kind: str  # "span" or "relation"
    label: str
    exact: Figures
    overlap: Figures


class LayerQuality(TypedDict):
    """One layer against the reference: the documents both have (a document the layer has
    no set on is not compared), per label, and for a model's layer how people decided on
    its suggestions in the workspace (null for other layers)."""

    layer: str
    against: str
    documents: int
    overall: list[LabelQuality]
    labels: list[LabelQuality]  # the labels the layer proposes
    unproposed: list[str]  # the reference's labels the layer never proposes (recall 0)
    rates: ModelRates | None
