"""Pure: an agreement report as the rows of one CSV table.

One row per figure, with a ``section`` saying what it is: ``overall`` (the measure's value),
``pair`` (two layers), ``label``, ``document`` (or a story, for cross-document links: the
``unit`` column says which) and ``trend`` (a period). Columns that do not apply to a row are
empty. Numbers are written with 6 decimals; an undefined figure is empty. Text that a
spreadsheet would run as a formula (a title starting with ``=``, ``+``, ``-`` or ``@``) is
written with a leading ``'``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from typing import Any

COLUMNS = (
    "measure", "statistic", "section", "a", "b", "label", "unit", "document", "title",
    "period", "value", "sd", "precision", "recall", "matched", "a_units", "b_units", "items",
    "pairs", "documents",
)  # fmt: skip


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6f}"
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def report_rows(report: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    for measure in report["measures"]:
        head = {"measure": measure["measure"], "statistic": measure["statistic"]}
        yield {**head, "section": "overall", "value": measure["value"], "sd": measure["sd"]}
        for pair in measure["pairs"]:
            yield {**head, "section": "pair", **pair}
        for label in measure["labels"]:
            yield {**head, "section": "label", **label}
        for document in measure["documents"]:
            yield {**head, "section": "document", "unit": measure["unit"], **document}
        for point in measure["trend"]:
            yield {**head, "section": "trend", **point}


def report_csv(report: Mapping[str, Any]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in report_rows(report):
        writer.writerow({k: _cell(row.get(k)) for k in COLUMNS})
    return out.getvalue()
