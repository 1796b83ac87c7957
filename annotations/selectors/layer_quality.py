"""A layer's quality against a reference layer (gold, usually): precision, recall and F1
per span label and relation type, with exact offsets and with overlapping spans, from the
agreement report (``services/agreement.agreement_report_for``: the same units and counts,
and its cache), and for a model's layer the acceptance and rejection rates of its
suggestions (``selectors/suggestion_decisions.model_rates``).

``layer_quality`` is one layer (``manage.py evaluate_layer``); ``models_quality`` is every
model layer of a project against gold (the agreement page). The reference is ``a`` in the
report, so precision is matched / the layer's units and recall matched / the reference's.
"""

from __future__ import annotations

from typing import Any

from annotations.agreement.inputs import Options
from annotations.contracts_history import ModelRates
from annotations.contracts_quality import Figures, LabelQuality, LayerQuality
from annotations.models import Project
from annotations.selectors.agreement import LayerFilters, agreement_layer_names
from annotations.selectors.suggestion_decisions import model_rates
from annotations.services.agreement import agreement_report_for, story_error
from annotations.services.errors import DomainError

GOLD = "gold"
MODEL_PREFIX = "model:"
QUALITY_MEASURES = ("spans.exact", "spans.overlap", "relations.exact", "relations.overlap")
KINDS = {"spans": "span", "relations": "relation"}
NO_FIGURES: Figures = {"precision": None, "recall": None, "f1": None}


def _figures(row: dict[str, Any]) -> Figures:
    return {"precision": row["precision"], "recall": row["recall"], "f1": row["value"]}


def _proposed(row: LabelQuality) -> bool:
    """The layer has units of this label (so precision is defined) on compared documents."""
    return row["exact"]["precision"] is not None or row["overlap"]["precision"] is not None


def quality_from_report(
    report: dict[str, Any], layer: str, against: str, rates: ModelRates | None
) -> LayerQuality:
    """The report's F1 measures as one row per (kind, label) the layer proposes, exact and
    overlap side by side; the reference's labels the layer never proposes (recall 0, no
    precision) are named in ``unproposed``; labels neither layer uses are left out."""
    rows: dict[tuple[str, str], LabelQuality] = {}
    overall: dict[str, LabelQuality] = {}
    for measure in report["measures"]:
        family, counting = measure["measure"].split(".")
        kind = KINDS[family]
        total = overall.setdefault(
            kind, {"kind": kind, "label": "(all)", "exact": NO_FIGURES, "overlap": NO_FIGURES}
        )
        if measure["pairs"]:
            total[counting] = _figures(measure["pairs"][0])  # type: ignore[literal-required]
        for label in measure["labels"]:
            row = rows.setdefault(
                (kind, label["label"]),
                {"kind": kind, "label": label["label"], "exact": NO_FIGURES, "overlap": NO_FIGURES},
            )
            row[counting] = _figures(label)  # type: ignore[literal-required]
    return {
        "layer": layer,
        "against": against,
        "documents": report["documents"],
        "overall": list(overall.values()),
        "labels": [row for row in rows.values() if _proposed(row)],
        "unproposed": [
            row["label"]
            for row in rows.values()
            if not _proposed(row) and row["exact"]["recall"] is not None
        ],
        "rates": rates,
    }


def _rates(project: Project, layer: str) -> ModelRates | None:
    if not layer.startswith(MODEL_PREFIX):
        return None
    name = layer[len(MODEL_PREFIX) :]
    return next((r for r in model_rates(project) if r["model_name"] == name), None)


def story_checked(project: Project, story: int | None) -> None:
    """``DomainError`` naming ``story`` when it is given and no document of the project
    belongs to it (as the agreement report refuses it, ``services/agreement.story_error``;
    checked here too since a project without model layers asks for no report)."""
    if message := story_error(project, story):
        raise DomainError("No such story in this project.", {"story": message})


def layer_quality(
    project: Project, layer: str, *, against: str = GOLD, story: int | None = None
) -> LayerQuality:
    """``layer`` against ``against``; raises ``DomainError`` naming an unknown layer or
    story."""
    story_checked(project, story)
    report = agreement_report_for(
        project,
        LayerFilters(layers=(layer, against), story=story),
        Options(measures=QUALITY_MEASURES, against=against),
    )
    return quality_from_report(report, layer, against, _rates(project, layer))


def models_quality(
    project: Project, *, against: str = GOLD, story: int | None = None
) -> list[LayerQuality]:
    """Every model layer of the project but ``against`` itself, against ``against`` (none
    when the project has no such layer: nothing to compare with), in layer name order;
    ``DomainError`` naming ``story`` when the project holds no document of it."""
    story_checked(project, story)
    names = agreement_layer_names(project)
    if against not in names:
        return []
    rates = {r["model_name"]: r for r in model_rates(project)}
    out: list[LayerQuality] = []
    for layer in (n for n in names if n.startswith(MODEL_PREFIX) and n != against):
        report = agreement_report_for(
            project,
            LayerFilters(layers=(layer, against), story=story),
            Options(measures=QUALITY_MEASURES, against=against),
        )
        model = layer[len(MODEL_PREFIX) :]
        out.append(quality_from_report(report, layer, against, rates.get(model)))
    return out
