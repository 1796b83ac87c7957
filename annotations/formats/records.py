"""The plain records every format reads into or writes from (see ``docs/formats.md``).

The native JSONL export writes them (``annotations/selectors/export.py`` builds them), every
other writer reads them, and every reader gives them. Their shapes are the ``TypedDict`` classes
below: a *header* (project settings, schema, members), then a *document record* per document,
whose ``sets`` are set records holding span, relation and stance records and answers.

Offsets are code points over ``text``, half-open. Span ids are the exporting server's; they
only have to be unique within a file. ``target_document`` is None unless a relation links
into another document (its ``id``).

The export writes every field. Readers of other formats fill what they know and leave the
rest out; the import fills in defaults. So a field is required below only when every record
of that kind has it; the others are ``NotRequired`` (or the class is ``total=False``). Each
document a reader returns may carry ``"_where": {"file": ..., "line": ...}``
(``ReadDocument``) so problems found later are reported at their place in the input.
"""

# No ``from __future__ import annotations`` here, unlike elsewhere: with it, Python 3.11 sees
# ``NotRequired[...]`` as a string and counts the key as required in ``__required_keys__``,
# which is what drf-spectacular reads. The names below are defined before they are used.

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal, NotRequired, Required, TypedDict

from annotations.provenance import Provenance
from corpus.issues import Issue  # the one problem type of every import

NATIVE_VERSION = 2
# Version 1 named a set's author ``annotator`` and its model ``model``: the new key -> the old.
SET_KEYS_OF_VERSION_1 = {"author": "annotator", "model_name": "model"}

# --- the shapes -------------------------------------------------------------------------------

SpanId = int | str  # the exporting server's ids are integers; other files may name their spans
SetKind = Literal["annotator", "gold", "model"]
SetStatus = Literal["assigned", "in_progress", "submitted", "skipped", "curated", "returned"]


class ProjectSettings(TypedDict, total=False):
    """The header's ``project``: empty when a file brings only a schema."""

    id: int
    name: str
    description: str
    guidelines: str
    blind: bool
    annotators_per_document: int


class Member(TypedDict):
    username: str
    role: str  # manager, reviewer, annotator


class SourceRecord(TypedDict):
    """An entry of the project's source registry (``annotations/models/sources.py``): spans
    link to it by ``key`` (a ``registry`` attribute's value)."""

    key: str
    name: str
    kind: str  # named_person, named_organisation, anonymous_official, other
    affiliation: NotRequired[str]
    aliases: NotRequired[list[str]]


class Header(TypedDict):
    """The first line of a native JSONL file."""

    claimlens: Literal["project"]
    version: int
    project: NotRequired[ProjectSettings]
    schema: NotRequired[dict[str, Any]]  # a definition as ``annotations.schema`` describes it
    members: NotRequired[list[Member]]
    sources: NotRequired[list[SourceRecord]]  # the source registry; the import adds missing keys


class SpanRecord(TypedDict):
    id: NotRequired[SpanId]
    label: str
    start: int
    end: int
    fragments: NotRequired[list[list[int]] | None]  # [[start, end], ...] of a discontinuous span
    text: NotRequired[str]  # the fragments' texts joined by one space
    attributes: NotRequired[dict[str, Any]]
    provenance: NotRequired[Provenance | None]  # a gold unit's origin (``annotations.provenance``)


class RelationRecord(TypedDict):
    type: str
    source: SpanId
    target: SpanId
    target_document: NotRequired[int | None]  # the other document's id, for a link across
    attributes: NotRequired[dict[str, Any]]
    provenance: NotRequired[Provenance | None]


class StanceRecord(TypedDict):
    """Held by a span (``holder``) or the document (None), toward a span (``object``) or a
    stance target's key (``target``)."""

    holder: NotRequired[SpanId | None]
    target: NotRequired[str | None]
    object: NotRequired[SpanId | None]
    value: str
    provenance: NotRequired[Provenance | None]


class RelationKey(TypedDict):
    type: str
    source: SpanId
    target: SpanId


class StanceKey(TypedDict):
    holder: SpanId | None
    target: str | None
    object: SpanId | None


class CommentRecord(TypedDict):
    """One message of a comment thread. In a set: on the set as a whole (no unit), or on one
    of its units (``span`` by id, ``relation`` or ``stance`` by what identifies it in the
    set); in a document record: the document's general thread. Written by the native
    export; imports leave comments out, with a note."""

    author: str
    created_at: str  # ISO 8601
    text: str
    span: NotRequired[SpanId | None]
    relation: NotRequired[RelationKey | None]
    stance: NotRequired[StanceKey | None]


class SetRecord(TypedDict, total=False):
    """One annotation set: a layer (an annotator's, gold, a model's) of one document."""

    kind: SetKind
    author: str | None  # a username; for gold, the curator if any; None for a model's set
    model_name: str | None  # a model's name, for kind model
    status: SetStatus
    started_at: str | None  # ISO 8601
    submitted_at: str | None
    seconds_spent: int
    spans: list[SpanRecord]
    relations: list[RelationRecord]
    stances: list[StanceRecord]
    answers: dict[str, Any]  # question -> value, or {target: value} for a per-target question
    comments: list[CommentRecord]  # the set's threads (native export)


class Zone(TypedDict):
    kind: str  # headline, byline, dateline, caption, body
    start: int
    end: int


class Outlet(TypedDict):
    name: str
    domain: str


class DocumentRecord(TypedDict, total=False):
    """Every line of a native JSONL file after the header. On import only ``text`` is
    required."""

    claimlens: Literal["document"]
    id: int
    sha256: str
    title: str
    text: Required[str]
    raw: str
    url: str
    published_at: str | None  # ISO 8601
    language: str
    meta: dict[str, Any]
    zones: list[Zone]
    story: str | None  # the story's name
    outlet: Outlet | str | None  # readers of other formats may give the name alone
    sets: list[SetRecord]
    comments: list[CommentRecord]  # the document's general thread (native export)


class Where(TypedDict):
    file: str
    line: int | None


class ReadDocument(DocumentRecord, total=False):
    """A document record as a reader gives it: with its place in the input."""

    _where: Where


Record = DocumentRecord  # the name the import and export services know the record by

# --- reading and writing ----------------------------------------------------------------------


@dataclass
class ExportNotes:
    """What a writer could not express (a CoNLL overlap, ...): kept and shown to the user."""

    items: list[str] = field(default_factory=list)

    def add(self, message: str) -> None:
        self.items.append(message)


Writer = Callable[[Header, Iterable[DocumentRecord], ExportNotes], Iterator[bytes]]


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
    represented, e.g. brat normalisations: reported, not silently dropped)."""

    header: Header | None = None
    documents: list[ReadDocument] = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)
    notes: list[Issue] = field(default_factory=list)


Reader = Callable[[list[tuple[str, bytes]], dict[str, Any]], ReadResult]


@dataclass(frozen=True)
class ImportSpec:
    title: str
    names: tuple[str, ...]  # the registry names this reader answers to
    read: Reader
    archive: bool = False  # reads a folder tree (uploaded as a zip)


def layer_name(set_record: SetRecord) -> str:
    """A set's layer as a folder-safe name: ``gold``, the author's username, or
    ``model-<name>``."""
    if set_record.get("kind") == "gold":
        return "gold"
    if set_record.get("kind") == "model":
        return f"model-{set_record.get('model_name') or 'unnamed'}"
    return str(set_record.get("author") or "annotator")


def set_keys_current(set_record: dict[str, Any]) -> None:
    """Rename a version-1 set's ``annotator`` and ``model`` to ``author`` and ``model_name``
    in place, where the set does not already have the new key."""
    for key, former in SET_KEYS_OF_VERSION_1.items():
        if former in set_record:
            value = set_record.pop(former)
            set_record.setdefault(key, value)


def outlet_name(record: DocumentRecord) -> str | None:
    """The document's outlet by name (an export gives ``{"name", "domain"}``, other files
    may give the name alone); None when it has none."""
    outlet = record.get("outlet")
    if isinstance(outlet, dict):
        return outlet.get("name") or None
    return outlet or None


def span_pieces(span: SpanRecord) -> list[tuple[int, int]]:
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


def where(record: ReadDocument) -> tuple[str, int | None]:
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
