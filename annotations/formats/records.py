"""The plain records every format reads into or writes from (see ``docs/formats.md``).

A *header* is a dict: ``{"claimlens": "project", "version": 1, "project": {...},
"schema": {...}, "members": [{"username", "role"}]}``.

A *document record* is a dict: the document's fields (``id``, ``sha256``, ``title``,
``text``, ``raw``, ``url``, ``published_at``, ``language``, ``meta``, ``zones``, ``story``,
``outlet``) and ``sets``, a list of set records. A set record has ``kind`` (annotator, gold,
model), ``annotator`` (a username or None), ``model`` (a model name or None), ``status``,
``started_at``, ``submitted_at``, ``seconds_spent``, and its content: ``spans`` (``id``,
``label``, ``start``, ``end``, ``fragments``, ``text``, ``attributes``), ``relations``
(``type``, ``source``, ``target``, ``target_document``, ``attributes``), ``stances``
(``holder``, ``target``, ``object``, ``value``) and ``answers`` (``{question: value}``).
Offsets are code points over ``text``, half-open. Span ids are the exporting server's; they
only have to be unique within a file. ``target_document`` is None unless a relation links
into another document (its ``id``).

Readers of other formats fill what they know and leave the rest out; the import fills in
defaults. Each record a reader returns may carry ``"_where": {"file": ..., "line": ...}`` so
problems found later are reported at their place in the input.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import orjson

Header = dict[str, Any]
Record = dict[str, Any]

NATIVE_VERSION = 1


@dataclass(frozen=True)
class Issue:
    """A problem (or a note) at a place in the input: file, 1-based line (or None), message."""

    file: str
    line: int | None
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "message": self.message}

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.message}"


@dataclass
class ExportNotes:
    """What a writer could not express (a CoNLL overlap, ...): kept and shown to the user."""

    items: list[str] = field(default_factory=list)

    def add(self, message: str) -> None:
        self.items.append(message)


Writer = Callable[[Header, Iterable[Record], ExportNotes], Iterator[bytes]]


@dataclass(frozen=True)
class ExportSpec:
    """How a format is written. ``write`` gets the header and the document records (dicts;
    or, when ``wants_json``, each record's JSON text as bytes, as PostgreSQL built it)."""

    title: str
    media_type: str
    extension: str  # without the dot: "jsonl", "zip"
    write: Writer
    wants_json: bool = False


@dataclass
class ReadResult:
    """What a reader found: an optional header (schema, members), the document records, the
    errors (nothing is imported when there is one) and notes (what was read but cannot be
    represented, e.g. brat events: reported, not silently dropped)."""

    header: Header | None = None
    documents: list[Record] = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)
    notes: list[Issue] = field(default_factory=list)


Reader = Callable[[list[tuple[str, bytes]], dict[str, Any]], ReadResult]


@dataclass(frozen=True)
class ImportSpec:
    title: str
    names: tuple[str, ...]  # the registry names this reader answers to
    read: Reader
    archive: bool = False  # reads a folder tree (uploaded as a zip)


def layer_name(set_record: Record) -> str:
    """A set's layer as a folder-safe name: ``gold``, the annotator's username, or
    ``model-<name>``."""
    if set_record.get("kind") == "gold":
        return "gold"
    if set_record.get("kind") == "model":
        return f"model-{set_record.get('model') or 'unnamed'}"
    return str(set_record.get("annotator") or "annotator")


def span_pieces(span: Record) -> list[tuple[int, int]]:
    """A span's pieces: its fragments, or ``[(start, end)]``."""
    fragments = span.get("fragments")
    if fragments:
        return [(int(a), int(b)) for a, b in fragments]
    return [(int(span["start"]), int(span["end"]))]


def attribute_kinds(schema: dict[str, Any]) -> dict[tuple[str, str], str]:
    """(label, attribute key) -> the attribute's type (choice, multi_choice, bool, text)."""
    return {
        (label["key"], attribute["key"]): attribute["type"]
        for label in schema.get("span_labels", [])
        for attribute in label.get("attributes", [])
    }


def label_keys(header: Header) -> list[str]:
    return [label["key"] for label in header.get("schema", {}).get("span_labels", [])]


def where(record: Record) -> tuple[str, int | None]:
    place = record.get("_where") or {}
    return place.get("file", ""), place.get("line")


def header_with_schema(definition: dict[str, Any]) -> Header:
    """A header that brings only a schema (no project settings, no members)."""
    return {
        "claimlens": "project",
        "version": NATIVE_VERSION,
        "project": {},
        "schema": definition,
        "members": [],
    }


def json_lines(
    name: str, data: bytes, options: dict[str, Any], result: ReadResult
) -> Iterator[tuple[int, dict[str, Any]]]:
    """The JSON objects of a JSONL file with their 1-based line numbers. Bytes that do not
    decode, lines that are not JSON and lines that are not objects become errors in
    ``result``. Lines split on "\\n" only: a JSON string may hold U+2028 unescaped."""
    # imported here: importing corpus.importers loads every document reader (trafilatura)
    from corpus.importers.decoding import DecodeError, bytes_decode

    try:
        text = bytes_decode(name, data, options.get("encoding"))
    except DecodeError as error:
        result.errors.append(Issue(name, error.line, str(error)))
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            item = orjson.loads(line)
        except orjson.JSONDecodeError as error:
            result.errors.append(Issue(name, number, f"not JSON: {error}"))
            continue
        if not isinstance(item, dict):
            result.errors.append(Issue(name, number, "each line must be a JSON object"))
            continue
        yield number, item
