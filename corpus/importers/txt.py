"""Plain text: one file is one document (a folder of files is several documents)."""

from __future__ import annotations

from collections.abc import Iterator

from corpus.decoding import text_read
from corpus.importers.records import SourceRecord
from corpus.issues import Issue


def read(name: str, data: bytes) -> Iterator[SourceRecord | Issue]:
    text = text_read(name, data, "text")
    if isinstance(text, Issue):
        yield text
        return
    yield SourceRecord(file=name, line=None, text=text)
