"""JSON Lines: one JSON object per line with ``text`` and optional ``title``, ``url``,
``outlet``, ``published_at`` (ISO 8601), ``language``, ``meta`` (object), ``story``.

UTF-8 files (with or without a BOM) are parsed line by line straight from the bytes (orjson
checks the UTF-8), which is ~4x faster than decoding the whole file first; a line that is
not UTF-8 is an error for that line only. UTF-16 and UTF-32 files (with a BOM) are decoded
first."""

from __future__ import annotations

import codecs
from collections.abc import Iterator

import orjson

from corpus.importers.decoding import DecodeError, bytes_decode
from corpus.importers.records import RecordError, SourceRecord, record_from_mapping

_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def read(name: str, data: bytes) -> Iterator[SourceRecord | RecordError]:
    if data.startswith(_WIDE_BOMS):
        try:
            data = bytes_decode(name, data).encode("utf-8")
        except DecodeError as error:
            yield RecordError(name, error.line, str(error))
            return
    elif data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if not data.strip():
        yield RecordError(name, None, "empty file: no JSON lines to import")
        return
    for number, line in enumerate(data.split(b"\n"), 1):
        if not line.strip():
            continue
        try:
            value = orjson.loads(line)
        except orjson.JSONDecodeError as error:
            yield RecordError(name, number, _not_json(name, line, error))
            continue
        if not isinstance(value, dict):
            yield RecordError(name, number, f"expected a JSON object, got {type(value).__name__}")
            continue
        yield record_from_mapping(name, number, value)


def _not_json(name: str, line: bytes, error: orjson.JSONDecodeError) -> str:
    try:
        bytes_decode(name, line)
    except DecodeError as bad_bytes:
        return str(bad_bytes)
    return f"not valid JSON: {error}"
