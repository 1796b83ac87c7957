"""CSV tables for spreadsheets and pandas: one row per span (``csv-spans``), one row per
stance (``csv-stances``).

The files are UTF-8 without a byte-order mark, quoted as RFC 4180 says (a cell holding a
comma, a quote or a line break is put in double quotes, quotes doubled) with ``\\r\\n`` line
ends: the ``csv`` module's defaults, which ``csv.DictReader``, pandas and LibreOffice read
as they are. (Excel guesses a legacy code page for a file without a BOM: open it through
Data > From Text/CSV and pick UTF-8.)

Spreadsheet (CSV) injection: a cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return gets an apostrophe in front, so Excel, LibreOffice and Google Sheets
show it as text instead of evaluating it as a formula (a quoted headline such as
``=HYPERLINK(...)`` or ``-5% in a week``). Readers of the file with other tools see the
apostrophe and can strip it; only text cells are touched, never numbers.

Columns of ``csv-spans``: ``document_id, title, outlet, story, layer, kind, author,
span_id, label, start, end, fragments, text, attributes``. ``start``/``end`` are code points,
end exclusive; ``fragments`` is ``3-9;12-20`` for a discontinuous span and empty otherwise;
``attributes`` is a JSON object.

Columns of ``csv-stances``: ``document_id, outlet, holder, holder_span_id, holder_label,
object, object_span_id, target, value, author, layer, story``. ``holder`` is the holder
span's text, or ``(document)`` for the document's own stance; ``object`` is the object
span's text, else the target's display name from the schema; ``author`` is the set's
author's username, ``gold`` for the gold set and ``model:<name>`` for a model's set.

Rows are written document by document (the writer yields after each one), so a large
project streams.

What a table has no place for is counted per kind in one line of the export notes
(``left_out.py``): ``csv-spans`` leaves out relations, stances, answers and comments,
``csv-stances`` relations, answers and comments. The files themselves stay plain tables:
CSV has no comment line that ``csv``, pandas and spreadsheets all read as one.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

import orjson

from annotations.formats.left_out import ANSWER, COMMENT, RELATION, STANCE, LeftOut
from annotations.formats.records import (
    DocumentRecord,
    ExportNotes,
    ExportSpec,
    Header,
    SetRecord,
    layer_name,
    outlet_name,
)

SPAN_COLUMNS = (
    "document_id", "title", "outlet", "story", "layer", "kind", "author", "span_id",
    "label", "start", "end", "fragments", "text", "attributes",
)  # fmt: skip
STANCE_COLUMNS = (
    "document_id", "outlet", "holder", "holder_span_id", "holder_label", "object",
    "object_span_id", "target", "value", "author", "layer", "story",
)  # fmt: skip
DOCUMENT_HOLDER = "(document)"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value: Any) -> Any:
    """A cell as written: text that a spreadsheet would run as a formula gets a leading
    apostrophe; anything else is left alone (None becomes an empty cell)."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _author(aset: SetRecord) -> str:
    kind = aset.get("kind")
    if kind == "gold":
        return "gold"
    if kind == "model":
        return f"model:{aset.get('model_name') or ''}"
    return str(aset.get("author") or "")


def _counted(documents: Iterable[DocumentRecord], left_out: LeftOut) -> Iterator[DocumentRecord]:
    """The documents, what the table leaves out of each counted as it passes."""
    for record in documents:
        if record.get("sets"):
            left_out.count_document(record)
        for aset in record.get("sets") or []:
            left_out.count_set(aset)
        yield record


def _rows_streamed(
    columns: Iterable[str],
    batches: Iterable[list[list[Any]]],
    left_out: LeftOut | None = None,
    notes: ExportNotes | None = None,
) -> Iterator[bytes]:
    """The header row, then each batch of rows (one document's) as soon as it is ready;
    at the end, what was left out goes to the notes."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # excel dialect: RFC 4180 quoting, "\r\n" line ends
    writer.writerow(columns)
    for batch in batches:
        for row in batch:
            writer.writerow([neutralised(cell) for cell in row])
        if buffer.tell():
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():  # no documents (or none with rows): the header alone
        yield buffer.getvalue().encode("utf-8")
    if left_out is not None and notes is not None:
        left_out.note(notes)


def span_rows(record: DocumentRecord) -> list[list[Any]]:
    """One document's rows of the span table, in ``SPAN_COLUMNS`` order."""
    rows = []
    for aset in record.get("sets") or []:
        layer, who = layer_name(aset), _author(aset)
        for span in aset.get("spans") or []:
            pieces = span.get("fragments") or []
            rows.append([
                record.get("id"), record.get("title"), outlet_name(record), record.get("story"),
                layer, aset.get("kind"), who, span.get("id"), span.get("label"),
                span.get("start"), span.get("end"), ";".join(f"{a}-{b}" for a, b in pieces),
                span.get("text"), orjson.dumps(span.get("attributes") or {}).decode(),
            ])  # fmt: skip
    return rows


def stance_rows(record: DocumentRecord, target_names: dict[str, str]) -> list[list[Any]]:
    """One document's rows of the stance table, in ``STANCE_COLUMNS`` order."""
    rows = []
    for aset in record.get("sets") or []:
        layer, who = layer_name(aset), _author(aset)
        spans = {span.get("id"): span for span in aset.get("spans") or []}
        for stance in aset.get("stances") or []:
            holder_id, object_id = stance.get("holder"), stance.get("object")
            holder = spans.get(holder_id) if holder_id is not None else None
            about = spans.get(object_id) if object_id is not None else None
            target = stance.get("target") or ""
            if about is not None:
                about_text = about.get("text")
            else:
                about_text = target_names.get(target, target)
            rows.append([
                record.get("id"), outlet_name(record),
                holder.get("text") if holder else DOCUMENT_HOLDER,
                holder_id if holder else "", holder.get("label") if holder else "",
                about_text, object_id if about else "", target, stance.get("value"),
                who, layer, record.get("story"),
            ])  # fmt: skip
    return rows


def write_spans(
    header: Header, documents: Iterable[DocumentRecord], notes: ExportNotes
) -> Iterator[bytes]:
    left_out = LeftOut(
        "csv-spans", (RELATION, STANCE, ANSWER, COMMENT), "a row per span: see csv-stances"
    )
    batches = (span_rows(record) for record in _counted(documents, left_out))
    return _rows_streamed(SPAN_COLUMNS, batches, left_out, notes)


def write_stances(
    header: Header, documents: Iterable[DocumentRecord], notes: ExportNotes
) -> Iterator[bytes]:
    stance = (header.get("schema") or {}).get("stance") or {}
    names = {t["key"]: t.get("name") or t["key"] for t in stance.get("targets") or []}
    left_out = LeftOut("csv-stances", (RELATION, ANSWER, COMMENT), "a row per stance")
    batches = (stance_rows(record, names) for record in _counted(documents, left_out))
    return _rows_streamed(STANCE_COLUMNS, batches, left_out, notes)


EXPORTS = {
    "csv-spans": ExportSpec(
        title="CSV: one row per span", media_type="text/csv", extension="csv", write=write_spans
    ),
    "csv-stances": ExportSpec(
        title="CSV: one row per stance (holder, object, target, value, author)",
        media_type="text/csv",
        extension="csv",
        write=write_stances,
    ),
}
