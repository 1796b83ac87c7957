"""JSON Lines: one JSON object per line with ``text`` and optional ``title``, ``url``,
``outlet``, ``published_at`` (ISO 8601), ``language``, ``meta`` (object), ``story``.

UTF-8 files (with or without a BOM) are parsed line by line straight from the bytes (orjson
checks the UTF-8), which is ~4x faster than decoding the whole file first; a line that is
not UTF-8 is an error for that line only. UTF-16 and UTF-32 files (with a BOM) are decoded
first."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from typing import NamedTuple

import orjson

from corpus.decoding import DecodeError, bytes_decode
from corpus.importers.records import SourceRecord, record_from_mapping
from corpus.issues import Issue

_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class JsonLine(NamedTuple):
    """One line of a JSON Lines file, not parsed yet (``record_of_line`` parses it). A named
    tuple: large imports send lines to worker processes, and a tuple pickles at a quarter
    of a dataclass's cost."""

    file: str
    line: int
    data: bytes


def read(name: str, data: bytes) -> Iterator[SourceRecord | Issue]:
    for item in lines(name, data):
        yield item if isinstance(item, Issue) else record_of_line(item)


def lines(name: str, data: bytes) -> Iterator[JsonLine | Issue]:
    """The file's non-blank lines as UTF-8 bytes, each with its 1-based number. An import
    of many lines parses them where it cleans them (``corpus.clean_pool``)."""
    if data.startswith(_WIDE_BOMS):
        try:
            data = bytes_decode(name, data).encode("utf-8")
        except DecodeError as error:
            yield Issue(name, error.line, str(error))
            return
    elif data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if not data.strip():
        yield Issue(name, None, "empty file: no JSON lines to import")
        return
    for number, line in enumerate(data.split(b"\n"), 1):
        if line.strip():
            yield JsonLine(name, number, line)


def record_of_line(item: JsonLine) -> SourceRecord | Issue:
    try:
        value = orjson.loads(item.data)
    except orjson.JSONDecodeError as error:
        return Issue(item.file, item.line, _not_json(item.file, item.data, error))
    if not isinstance(value, dict):
        return Issue(item.file, item.line, f"expected a JSON object, got {type(value).__name__}")
    return record_from_mapping(item.file, item.line, value)


def _not_json(name: str, line: bytes, error: orjson.JSONDecodeError) -> str:
    try:
        bytes_decode(name, line)
    except DecodeError as bad_bytes:
        return str(bad_bytes)
    return f"not valid JSON: {error}"
