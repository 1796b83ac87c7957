"""Pure: the agreement report of some layers over some documents (``contracts.py``'s shape).

``agreement_report(inputs, options)`` makes each layer's units once (``inputs.layer_units``),
counts every measure in one pass (``counting.counted``) and turns counts and items into
figures: by pair of layers, overall, by label, by document (by story for cross-document
links) and by period of submission (the trend). A document's period is that of the latest
``submitted_at`` of the sets compared on it.

Pairs of layers are every two of them, or each layer with ``against`` (a layer against gold:
precision and recall of the layer, gold being the reference).
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np

from annotations.agreement.coded import Coded
from annotations.agreement.contracts import (
    DocumentFigure,
    LabelFigure,
    MeasureReport,
    PairFigure,
    TrendPoint,
)
from annotations.agreement.counting import Counted, Item, counted
from annotations.agreement.inputs import (
    MEASURES,
    Inputs,
    LayerUnits,
    Options,
    cross_document_types,
    layer_units,
)
from annotations.agreement.tally import Counts, Pair, Tally, mean_sd

Figure = tuple[float | None, float | None]


def agreement_report(inputs: Inputs, options: Options) -> dict[str, Any]:
    """``{"layers", "documents", "measures"}`` of ``AgreementReport``."""
    with collector_paused():
        return _report(inputs, options)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused for the block. A large report makes a few
    million small objects (units, places, tuples, counts) that hold no reference cycles, and
    each of the collector's full passes would walk all of them and the inputs again: 1.1 s
    of the 3.5 s the benchmark's report took. Objects are still freed as their last
    reference goes; cycles made meanwhile (anywhere in the process) wait for the next pass."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _report(inputs: Inputs, options: Options) -> dict[str, Any]:
    units = layer_units(inputs, options)
    counts = counted(inputs, units, options)
    layers = sorted(units)
    periods = _periods(units, options.period)
    coded: dict[str, Coded] = {}  # each kind's items coded once for its three statistics
    measures = [
        _measure(measure, inputs, counts, coded, layers, periods, options)
        for measure in options.measures
    ]
    compared = sum(1 for d in inputs.documents if sum(d in by_doc for by_doc in units.values()) > 1)
    return {"layers": layers, "documents": compared, "measures": measures}


def _measure(
    measure: str,
    inputs: Inputs,
    counts: Counted,
    coded: dict[str, Coded],
    layers: list[str],
    periods: dict[int, str],
    options: Options,
) -> MeasureReport:
    name, statistic, averaged = MEASURES[measure]
    kind = measure.split(".")[0]
    report: MeasureReport = {
        "measure": measure,
        "name": name,
        "statistic": statistic,
        "averaged": averaged,
        "value": None,
        "sd": None,
        "pairs": [],
        "labels": [],
        "unit": "story" if kind == "links" else "document",
        "documents": [],
        "trend": [],
    }
    if kind in ("stances", "attributes", "answers"):
        items = counts.items.get(kind, [])
        if kind not in coded:
            coded[kind] = Coded.of(items, layers, value_orders(kind, inputs.schema))
        _categorical(report, coded[kind], items, counts.pairs, inputs, periods)
    else:
        tally = counts.tallies.get(measure, Tally())
        _counted(report, tally, counts.pairs, _labels(kind, inputs, options), inputs, periods)
    report["documents"].sort(key=lambda d: (d["value"] is None, d["value"] or 0, d["document"]))
    return report


def _labels(kind: str, inputs: Inputs, options: Options) -> list[str]:
    schema = inputs.schema
    labels = {
        "spans": [label["key"] for label in schema.get("span_labels", [])],
        "relations": [t["key"] for t in schema.get("relation_types", [])],
        "attribution": ["pair", "triple"],
        "links": [t["key"] for t in cross_document_types(schema)],
    }[kind]
    return [x for x in labels if options.labels is None or x in options.labels]


# --- F1 measures ----------------------------------------------------------------------------


def _pair_figure(pair: Pair, cell: Any) -> PairFigure:
    is_counts = isinstance(cell, Counts)
    return {
        "a": pair[0],
        "b": pair[1],
        "value": cell.f1,
        "precision": cell.precision,
        "recall": cell.recall,
        "matched": cell.tp if is_counts else None,
        "a_units": cell.a if is_counts else None,
        "b_units": cell.b if is_counts else None,
        "items": None if is_counts else cell.mentions,
    }


def _counted(
    report: MeasureReport,
    tally: Tally,
    pairs: list[Pair],
    labels: list[str],
    inputs: Inputs,
    periods: dict[int, str],
) -> None:
    totals = tally.summed()
    report["pairs"] = [_pair_figure(p, totals[p]) for p in pairs if p in totals]
    report["value"], report["sd"] = mean_sd([totals[p].f1 for p in pairs if p in totals])
    for label, by_pair in tally.by_label(labels).items():
        cells = list(by_pair.values())
        value, sd = mean_sd([cell.f1 for cell in cells])
        precision, recall = (
            mean_sd([getattr(c, k) for c in cells])[0] for k in ("precision", "recall")
        )
        report["labels"].append(
            LabelFigure(label=label, value=value, sd=sd, precision=precision, recall=recall)
        )
    by_document = tally.by_document()
    for document, by_pair in by_document.items():
        value, sd = mean_sd([cell.f1 for cell in by_pair.values()])
        report["documents"].append(_document(report, inputs, document, value, sd, len(by_pair)))
    if report["unit"] == "story":
        return  # a story's documents are submitted at different times: no trend
    in_period: dict[str, list[int]] = defaultdict(list)
    for document in by_document:
        if document in periods:
            in_period[periods[document]].append(document)
    for period, documents in sorted(in_period.items()):
        summed: dict[Pair, Any] = {}
        for document in documents:
            for pair, cell in by_document[document].items():
                summed.setdefault(pair, tally.cell()).add(cell)
        value, sd = mean_sd([cell.f1 for cell in summed.values()])
        report["trend"].append(_point(period, value, sd, len(documents)))


def _document(
    report: MeasureReport, inputs: Inputs, document: int, value: Any, sd: Any, pairs: int
) -> DocumentFigure:
    if report["unit"] == "story":
        title = inputs.stories.get(document, f"story {document}")
    else:
        title = inputs.documents[document].title
    return {"document": document, "title": title, "value": value, "sd": sd, "pairs": pairs}


def _point(period: str, value: Any, sd: Any, documents: int) -> TrendPoint:
    return {"period": period, "value": value, "sd": sd, "documents": documents}


# --- categories -----------------------------------------------------------------------------

Orders = Mapping[str, tuple[str, ...]]  # item label -> its values in order


def value_orders(kind: str, schema: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """The labels of a kind's items whose values the schema says are in order (``ordered``),
    with those values: stance targets (and object labels) when the stance values are ordered,
    ``LABEL.attribute`` of ordered choice attributes, ordered single-choice questions."""
    if kind == "stances":
        stance = schema.get("stance") or {}
        if not stance.get("ordered"):
            return {}
        values = tuple(stance.get("values", []))
        labels = [t["key"] for t in stance.get("targets", [])]
        labels += [label["key"] for label in schema.get("span_labels", [])]
        return dict.fromkeys(labels, values)
    if kind == "attributes":
        return {
            f"{label['key']}.{a['key']}": tuple(a["choices"])
            for label in schema.get("span_labels", [])
            for a in label.get("attributes", [])
            if a.get("ordered")
        }
    return {
        q["key"]: tuple(q["choices"])
        for q in schema.get("document_questions", [])
        if q.get("ordered")
    }


def _categorical(
    report: MeasureReport,
    coded: Coded,
    items: list[Item],
    pairs: list[Pair],
    inputs: Inputs,
    periods: dict[int, str],
) -> None:
    """The figures of a kind's items overall, by pair, label, document and period, each
    group's from the items coded once (``coded.py``)."""
    statistic = report["statistic"]
    report["value"], report["sd"] = coded.figures(
        statistic, np.zeros(len(items), dtype=np.int64), 1, pairs
    )[0]
    if statistic != "fleiss_kappa":
        order = coded.order()
        for pair in pairs:
            value, rated = coded.pair_figure(statistic, pair, order)
            if rated:
                report["pairs"].append(_categorical_pair(pair, value, rated))
    labels = sorted({item.label for item in items})
    groups = _groups([labels.index(item.label) for item in items])
    for label, (value, sd) in zip(labels, coded.figures(statistic, groups, len(labels), pairs),
                                  strict=True):  # fmt: skip
        report["labels"].append(
            LabelFigure(label=label, value=value, sd=sd, precision=None, recall=None)
        )
    documents = list(dict.fromkeys(item.document for item in items))
    index = {document: g for g, document in enumerate(documents)}
    groups = _groups([index[item.document] for item in items])
    rated = coded.rated_layers(groups, len(documents))
    columns = [(coded.layers.index(a), coded.layers.index(b)) for a, b in pairs]
    figures = coded.figures(statistic, groups, len(documents), pairs)
    for g, (document, (value, sd)) in enumerate(zip(documents, figures, strict=True)):
        compared = sum(1 for a, b in columns if rated[g, a] and rated[g, b])
        report["documents"].append(_document(report, inputs, document, value, sd, compared))
    chosen = sorted({periods[d] for d in documents if d in periods})
    index = {period: g for g, period in enumerate(chosen)}
    groups = _groups([index.get(periods.get(item.document, ""), -1) for item in items])
    figures = coded.figures(statistic, groups, len(chosen), pairs)
    for period, (value, sd) in zip(chosen, figures, strict=True):
        in_period = sum(1 for d in documents if periods.get(d) == period)
        report["trend"].append(_point(period, value, sd, in_period))


def _groups(indices: list[int]) -> np.ndarray:
    return np.array(indices, dtype=np.int64)


def _categorical_pair(pair: Pair, value: float | None, rated: int) -> PairFigure:
    return {
        "a": pair[0],
        "b": pair[1],
        "value": value,
        "precision": None,
        "recall": None,
        "matched": None,
        "a_units": None,
        "b_units": None,
        "items": rated,
    }


# --- periods -------------------------------------------------------------------------------


def period_start(moment: datetime | date, period: str) -> date:
    day = moment.date() if isinstance(moment, datetime) else moment
    if period == "week":
        return day - timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    return day


def _periods(units: Mapping[str, Mapping[int, LayerUnits]], period: str) -> dict[int, str]:
    """Each document's period: that of the latest submission of a set on it."""
    latest: dict[int, datetime] = {}
    for by_document in units.values():
        for document, layer in by_document.items():
            when = layer.submitted_at
            if when is not None and (document not in latest or when > latest[document]):
                latest[document] = when
    return {d: period_start(when, period).isoformat() for d, when in latest.items()}
