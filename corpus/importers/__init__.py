"""One module per input format; each has ``read(name, data) -> Iterator[SourceRecord |
Issue]``. A bad line is an ``Issue`` (``corpus.issues``); it never stops the others."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib import import_module
from pathlib import PurePath

from corpus.importers.records import SourceRecord
from corpus.issues import Issue

IMPORTERS: dict[str, str] = {
    "txt": "corpus.importers.txt",
    "jsonl": "corpus.importers.jsonl",
    "csv": "corpus.importers.csv",
    "html": "corpus.importers.html",
}
EXTENSIONS: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
}

Reader = Callable[[str, bytes], Iterator[SourceRecord | Issue]]


def format_guess(name: str) -> str | None:
    """The format a file name's extension stands for, or ``None``."""
    return EXTENSIONS.get(PurePath(name).suffix.lower())


def reader_for(fmt: str) -> Reader:
    """The ``read`` function of a format; ``KeyError`` for an unknown format."""
    return import_module(IMPORTERS[fmt]).read


__all__ = [
    "EXTENSIONS",
    "IMPORTERS",
    "Issue",
    "Reader",
    "SourceRecord",
    "format_guess",
    "reader_for",
]
