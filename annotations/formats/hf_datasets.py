"""Hugging Face datasets: JSONL (``hf-jsonl``) and Parquet (``hf-parquet``) that
``datasets.load_dataset("json" | "parquet", data_files=...)`` reads.

One row per (document, set): ``document_id``, ``title``, ``text``, ``outlet``, ``story``,
``layer`` (``gold``, a username, ``model-<name>``), ``kind``, ``annotator``, ``model``,
``status``, ``spans`` (``id``, ``label``, ``start``, ``end``, ``text``, ``fragments`` (a list
of ``[start, end]``, empty for a contiguous span), ``attributes`` as JSON text), ``relations``
(``type``, ``source``, ``target``, ``target_document``), ``stances`` (``holder``, ``target``,
``object``, ``value``) and ``answers`` (JSON text). Offsets are code points (Python string
indices, as ``datasets`` gives ``text``). Attributes and answers are JSON text because their
shape depends on the schema, and Parquet needs one type per column.

Parquet is written one row group of ``ROW_GROUP`` rows at a time, each sent as soon as it is
written; pyarrow is imported only when this format is used.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import orjson

from annotations.formats.records import ExportNotes, ExportSpec, Header, Record, layer_name

ROW_GROUP = 500


def rows(record: Record) -> Iterator[dict[str, Any]]:
    outlet = record.get("outlet")
    outlet = outlet.get("name") if isinstance(outlet, dict) else outlet
    for aset in record.get("sets", []):
        yield {
            "document_id": record.get("id"),
            "title": record.get("title") or "",
            "text": record["text"],
            "outlet": outlet,
            "story": record.get("story"),
            "layer": layer_name(aset),
            "kind": aset.get("kind"),
            "annotator": aset.get("annotator"),
            "model": aset.get("model"),
            "status": aset.get("status"),
            "spans": [
                {
                    "id": span.get("id"),
                    "label": span["label"],
                    "start": span["start"],
                    "end": span["end"],
                    "text": span["text"],
                    "fragments": span.get("fragments") or [],
                    "attributes": orjson.dumps(span.get("attributes") or {}).decode(),
                }
                for span in aset.get("spans", [])
            ],
            "relations": [
                {
                    "type": r["type"],
                    "source": r["source"],
                    "target": r["target"],
                    "target_document": r.get("target_document"),
                }
                for r in aset.get("relations", [])
            ],
            "stances": [
                {
                    "holder": s.get("holder"),
                    "target": s.get("target"),
                    "object": s.get("object"),
                    "value": s["value"],
                }
                for s in aset.get("stances", [])
            ],
            "answers": orjson.dumps(aset.get("answers") or {}).decode(),
        }


def write_jsonl(header: Header, documents: Iterable[Record], notes: ExportNotes) -> Iterator[bytes]:
    for record in documents:
        lines = [orjson.dumps(row) for row in rows(record)]
        if lines:
            yield b"\n".join(lines) + b"\n"


def arrow_schema():  # noqa: ANN201 - pyarrow.Schema, imported lazily
    import pyarrow as pa

    span = pa.struct(
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
    relation = pa.struct(
        [
            ("type", pa.string()),
            ("source", pa.int64()),
            ("target", pa.int64()),
            ("target_document", pa.int64()),
        ]
    )
    stance = pa.struct(
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
            ("annotator", pa.string()),
            ("model", pa.string()),
            ("status", pa.string()),
            ("spans", pa.list_(span)),
            ("relations", pa.list_(relation)),
            ("stances", pa.list_(stance)),
            ("answers", pa.string()),
        ]
    )


class _Sink:
    """A write-only file for pyarrow that hands over what was written since the last take."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.position = 0
        self.closed = False

    def write(self, data: bytes) -> int:
        self.parts.append(bytes(data))
        self.position += len(data)
        return len(data)

    def tell(self) -> int:
        return self.position

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True

    def take(self) -> bytes:
        data, self.parts = b"".join(self.parts), []
        return data


def write_parquet(
    header: Header, documents: Iterable[Record], notes: ExportNotes
) -> Iterator[bytes]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema()
    sink = _Sink()
    writer = pq.ParquetWriter(sink, schema, compression="zstd")
    batch: list[dict[str, Any]] = []
    for record in documents:
        batch.extend(rows(record))
        if len(batch) >= ROW_GROUP:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            batch = []
            yield sink.take()
    if batch:
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    writer.close()
    yield sink.take()


EXPORTS = {
    "hf-jsonl": ExportSpec(
        title="Hugging Face datasets: JSONL, one row per document and set",
        media_type="application/x-ndjson",
        extension="jsonl",
        write=write_jsonl,
    ),
    "hf-parquet": ExportSpec(
        title="Hugging Face datasets: Parquet, one row per document and set",
        media_type="application/vnd.apache.parquet",
        extension="parquet",
        write=write_parquet,
    ),
}
