"""Plain text: one file is one document (a folder of files is several documents)."""

from __future__ import annotations

from collections.abc import Iterator

from corpus.importers.decoding import DecodeError, bytes_decode
from corpus.importers.records import RecordError, SourceRecord


def read(name: str, data: bytes) -> Iterator[SourceRecord | RecordError]:
    try:
        text = bytes_decode(name, data)
    except DecodeError as error:
        yield RecordError(name, error.line, str(error))
        return
    if not text.strip():
        yield RecordError(name, None, "empty file: no text to import")
        return
    yield SourceRecord(file=name, line=None, text=text)
