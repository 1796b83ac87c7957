"""Plain text: one file is one document (a folder of files is several documents)."""

from __future__ import annotations

from collections.abc import Iterator

from corpus.importers.decoding import text_read
from corpus.importers.records import RecordError, SourceRecord


def read(name: str, data: bytes) -> Iterator[SourceRecord | RecordError]:
    text = text_read(name, data, "text")
    if isinstance(text, RecordError):
        yield text
        return
    yield SourceRecord(file=name, line=None, text=text)
