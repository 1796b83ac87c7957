"""JSON Lines: one JSON object per line with ``text`` and optional ``title``, ``url``,
``outlet``, ``published_at`` (ISO 8601), ``language``, ``meta`` (object), ``story``."""

from __future__ import annotations

from collections.abc import Iterator

import orjson

from corpus.importers.decoding import DecodeError, bytes_decode
from corpus.importers.records import RecordError, SourceRecord, record_from_mapping


def read(name: str, data: bytes) -> Iterator[SourceRecord | RecordError]:
    try:
        content = bytes_decode(name, data)
    except DecodeError as error:
        yield RecordError(name, error.line, str(error))
        return
    if not content.strip():
        yield RecordError(name, None, "empty file: no JSON lines to import")
        return
    for number, line in enumerate(content.split("\n"), 1):
        if not line.strip():
            continue
        try:
            value = orjson.loads(line)
        except orjson.JSONDecodeError as error:
            yield RecordError(name, number, f"not valid JSON: {error}")
            continue
        if not isinstance(value, dict):
            yield RecordError(name, number, f"expected a JSON object, got {type(value).__name__}")
            continue
        yield record_from_mapping(name, number, value)
