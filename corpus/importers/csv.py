"""CSV with a header row: a ``text`` column and optional ``title``, ``url``, ``outlet``,
``published_at``, ``language``, ``meta`` (a JSON object), ``story`` columns."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator

import orjson

from corpus.decoding import text_read
from corpus.importers.records import SourceRecord, record_from_mapping
from corpus.issues import Issue

# Articles are longer than the csv module's default field limit (128 KiB).
FIELD_SIZE_LIMIT = min(sys.maxsize, 2**31 - 1)


def read(name: str, data: bytes) -> Iterator[SourceRecord | Issue]:
    content = text_read(name, data, "rows")
    if isinstance(content, Issue):
        yield content
        return
    csv.field_size_limit(FIELD_SIZE_LIMIT)
    reader = csv.reader(io.StringIO(content, newline=""))
    try:
        header = [column.strip().lower() for column in next(reader)]
    except csv.Error as error:
        yield Issue(name, 1, f"unreadable header row: {error}")
        return
    if "text" not in header:
        yield Issue(name, 1, 'the header row has no "text" column')
        return
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield Issue(name, start, f"unreadable row: {error}")
            return
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            yield Issue(name, start, f"{len(row)} cells but {len(header)} columns")
            continue
        values: dict[str, object] = dict(zip(header, row, strict=False))
        meta = values.get("meta")
        if isinstance(meta, str) and meta.strip():
            try:
                values["meta"] = orjson.loads(meta)
            except orjson.JSONDecodeError as error:
                yield Issue(name, start, f'"meta" is not valid JSON: {error}')
                continue
        yield record_from_mapping(name, start, values)
