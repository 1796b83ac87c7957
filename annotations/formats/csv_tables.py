"""CSV tables: one row per span (``csv-spans``), one row per stance (``csv-stances``).

RFC 4180 quoting, UTF-8 without a byte-order mark, ``\\r\\n`` line ends (the ``csv`` module's
defaults). A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
leading apostrophe, so a spreadsheet shows it as text instead of running it as a formula.
Rows are written as each document arrives.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

import orjson

from annotations.formats.records import ExportNotes, ExportSpec, Header, Record, layer_name

SPAN_COLUMNS = [
    "document_id", "title", "outlet", "story", "layer", "kind", "annotator", "span_id",
    "label", "start", "end", "fragments", "text", "attributes",
]  # fmt: skip
STANCE_COLUMNS = [
    "document_id", "outlet", "story", "holder", "holder_span_id", "holder_label", "object",
    "object_span_id", "target", "value", "annotator", "layer",
]  # fmt: skip
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _outlet(record: Record) -> str:
    outlet = record.get("outlet")
    return (outlet or {}).get("name", "") if isinstance(outlet, dict) else (outlet or "")


def _who(aset: Record) -> str:
    if aset.get("kind") == "gold":
        return "gold"
    if aset.get("kind") == "model":
        return f"model:{aset.get('model') or ''}"
    return aset.get("annotator") or ""


def _table(columns: list[str], rows: Iterable[list[list[Any]]]) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for batch in rows:
        writer.writerows([_cell(v) for v in row] for row in batch)
        yield buffer.getvalue().encode("utf-8")
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def _span_rows(record: Record) -> list[list[Any]]:
    rows = []
    for aset in record.get("sets", []):
        for span in aset.get("spans", []):
            fragments = ";".join(f"{a}-{b}" for a, b in span.get("fragments") or [])
            rows.append([
                record.get("id"), record.get("title", ""), _outlet(record),
                record.get("story") or "", layer_name(aset), aset.get("kind"), _who(aset),
                span.get("id"), span["label"], span["start"], span["end"], fragments,
                span["text"], orjson.dumps(span.get("attributes") or {}).decode(),
            ])  # fmt: skip
    return rows


def write_spans(header: Header, documents: Iterable[Record], notes: ExportNotes) -> Iterator[bytes]:
    return _table(SPAN_COLUMNS, (_span_rows(record) for record in documents))


def _stance_rows(record: Record, targets: dict[str, str]) -> list[list[Any]]:
    rows = []
    for aset in record.get("sets", []):
        spans = {span.get("id"): span for span in aset.get("spans", [])}
        for stance in aset.get("stances", []):
            holder = spans.get(stance.get("holder")) if stance.get("holder") is not None else None
            about = spans.get(stance.get("object")) if stance.get("object") is not None else None
            target = stance.get("target") or ""
            rows.append([
                record.get("id"), _outlet(record), record.get("story") or "",
                holder["text"] if holder else "(document)",
                holder.get("id") if holder else "", holder["label"] if holder else "",
                about["text"] if about else targets.get(target, target),
                about.get("id") if about else "", target, stance.get("value"), _who(aset),
                layer_name(aset),
            ])  # fmt: skip
    return rows


def write_stances(
    header: Header, documents: Iterable[Record], notes: ExportNotes
) -> Iterator[bytes]:
    targets = {t["key"]: t["name"] for t in header["schema"].get("stance", {}).get("targets", [])}
    return _table(STANCE_COLUMNS, (_stance_rows(record, targets) for record in documents))


EXPORTS = {
    "csv-spans": ExportSpec(
        title="CSV: one row per span", media_type="text/csv", extension="csv", write=write_spans
    ),
    "csv-stances": ExportSpec(
        title="CSV: one row per stance (holder, object, target, value, annotator)",
        media_type="text/csv",
        extension="csv",
        write=write_stances,
    ),
}
