"""Hugging Face datasets: JSONL (``hf-jsonl``) and Parquet (``hf-parquet``), for
``datasets.load_dataset("json" | "parquet", data_files=...)``.

One row per (document, set), the same columns with the same types in both files (the
Parquet file carries ``parquet_schema()`` below):

==================  ==============================================================
``document_id``     int
``title``           string ("" when the document has none)
``text``            string, the document text the offsets index
``outlet``          string or null (the outlet's name)
``story``           string or null
``layer``           string: ``gold``, the author's username or ``model-<name>``
``kind``            string: ``annotator``, ``gold`` or ``model``
``author``          string or null (a username; a gold set's curator, if any)
``model_name``      string or null (a model's name, for kind ``model``)
``status``          string: ``assigned``, ``in_progress``, ``submitted``, ...
``spans``           list of {``id`` int, ``label``, ``start`` int, ``end`` int, ``text``,
                    ``fragments`` list of [start, end], ``attributes`` JSON text}
``relations``       list of {``type``, ``source`` int, ``target`` int,
                    ``target_document`` int or null, ``attributes`` JSON text}
``stances``         list of {``holder`` int or null, ``target`` string or null,
                    ``object`` int or null, ``value``}
``answers``         JSON text (``{question: value}``)
==================  ==============================================================

Offsets are code points, i.e. Python string indices into ``text`` as ``datasets`` returns
it. ``fragments`` always lists a span's pieces, one ``[start, end]`` for a contiguous span,
so ``" ".join(text[a:b] for a, b in span["fragments"]) == span["text"]`` holds for every
span. ``target_document`` is the other document's ``document_id`` for a link across
documents (the target span is in that document's row of the same layer). Attributes and
answers are JSON text (``json.loads``) because their shape depends on the schema and a
Parquet column has one type.

The JSON loader guesses types from the values; a column that is null in every row of a file
(no stories at all) or a list that is empty in every row (no relations) comes out as null
type instead of the Parquet file's. Loading the JSONL with the Parquet file's features
(``features=datasets.Features.from_arrow_schema(parquet_schema())``) avoids that.

Comments are not written: their number is one line of the export notes (``left_out.py``).

Both are streamed: JSONL a chunk per document; Parquet a row group of about ``ROW_GROUP`` rows
at a time (a document's rows stay together), each row group's bytes sent as soon as pyarrow
has written them, the footer at the end.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

import orjson

from annotations.formats.handover import Handover
from annotations.formats.left_out import COMMENT, LeftOut
from annotations.formats.records import DocumentRecord, ExportNotes, ExportSpec, Header
from annotations.formats.set_rows import set_row

ROW_GROUP = 500


@cache
def parquet_schema() -> Any:
    """The Parquet file's ``pyarrow.Schema``. pyarrow comes with the optional ``training``
    extra, so it is imported here, when a Parquet file is written, never at import time."""
    import pyarrow as pa

    SPAN = pa.struct(
        [
            ("id", pa.int64()),
            ("label", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("text", pa.string()),
            ("fragments", pa.list_(pa.list_(pa.int64()))),
            ("attributes", pa.string()),
        ]
    )
    RELATION = pa.struct(
        [
            ("type", pa.string()),
            ("source", pa.int64()),
            ("target", pa.int64()),
            ("target_document", pa.int64()),
            ("attributes", pa.string()),
        ]
    )
    STANCE = pa.struct(
        [
            ("holder", pa.int64()),
            ("target", pa.string()),
            ("object", pa.int64()),
            ("value", pa.string()),
        ]
    )
    return pa.schema(
        [
            ("document_id", pa.int64()),
            ("title", pa.string()),
            ("text", pa.string()),
            ("outlet", pa.string()),
            ("story", pa.string()),
            ("layer", pa.string()),
            ("kind", pa.string()),
            ("author", pa.string()),
            ("model_name", pa.string()),
            ("status", pa.string()),
            ("spans", pa.list_(SPAN)),
            ("relations", pa.list_(RELATION)),
            ("stances", pa.list_(STANCE)),
            ("answers", pa.string()),
        ]
    )


def _json(value: Any) -> str:
    return orjson.dumps(value or {}).decode()


def _left_out(fmt: str) -> LeftOut:
    return LeftOut(fmt, (COMMENT,), "a dataset row has no comment threads")


def rows(record: DocumentRecord, left_out: LeftOut | None = None) -> Iterator[dict[str, Any]]:
    """The rows of one document: one per set, keys in ``parquet_schema()`` order. ``left_out``
    counts the comments the rows leave out."""
    if left_out is not None and record.get("sets"):
        left_out.count_document(record)
    for aset in record.get("sets") or []:
        if left_out is not None:
            left_out.count_set(aset)
        yield set_row(record, aset, encode=_json)


def write_jsonl(
    header: Header, documents: Iterable[DocumentRecord], notes: ExportNotes
) -> Iterator[bytes]:
    """A chunk per document: its rows, a JSON object a line."""
    left_out = _left_out("hf-jsonl")
    for record in documents:
        chunk = b"".join(orjson.dumps(row) + b"\n" for row in rows(record, left_out))
        if chunk:
            yield chunk
    left_out.note(notes)


def write_parquet(
    header: Header, documents: Iterable[DocumentRecord], notes: ExportNotes
) -> Iterator[bytes]:
    """Row groups of about ``ROW_GROUP`` rows, each yielded once written; then the footer."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    stream = Handover()
    writer = pq.ParquetWriter(stream, schema, compression="zstd")
    pending: list[dict[str, Any]] = []
    left_out = _left_out("hf-parquet")
    try:
        for record in documents:
            pending.extend(rows(record, left_out))
            if len(pending) >= ROW_GROUP:
                writer.write_table(pa.Table.from_pylist(pending, schema=schema))
                pending = []
                data = stream.take()
                if data:
                    yield data
        if pending:
            writer.write_table(pa.Table.from_pylist(pending, schema=schema))
    finally:
        writer.close()
    left_out.note(notes)
    yield stream.take()


EXPORTS = {
    "hf-jsonl": ExportSpec(
        title="Hugging Face datasets JSONL",
        media_type="application/x-ndjson",
        extension="jsonl",
        write=write_jsonl,
    ),
    "hf-parquet": ExportSpec(
        title="Hugging Face datasets Parquet",
        media_type="application/vnd.apache.parquet",
        extension="parquet",
        write=write_parquet,
    ),
}
