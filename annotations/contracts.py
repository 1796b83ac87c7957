"""The shapes the annotation API returns, declared once as ``TypedDict``s.

Selectors build these dicts; the API views return them; ``annotations/api/openapi.py`` turns
each into a named component of the OpenAPI document, so a client generator gets real types.
The rows' shapes are made from their columns (``annotations/columns.py``); the native record
of exports and imports is declared in ``annotations/formats/records.py``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypedDict

from annotations.columns import RELATION, SPAN, STANCE

SpanRow = SPAN.typed_dict("SpanRow")
RelationRow = RELATION.typed_dict("RelationRow")
StanceRow = STANCE.typed_dict("StanceRow")


class Zone(TypedDict):
    kind: str  # headline, byline, dateline, caption, body
    start: int
    end: int


class DocumentDetail(TypedDict):
    """A document as the workspace reads it: its text and where it comes from."""

    id: int
    title: str
    text: str
    outlet: str | None  # the outlet's name
    story: int | None  # the story's id
    url: str
    published_at: datetime | None
    language: str
    zones: list[Zone]


class SetHeader(TypedDict):
    """An annotation set without its contents. ``author`` is the username of the person who
    writes it (None for a model's set); ``model_name`` names a model's set ("" otherwise)."""

    id: int
    project: int
    document: int
    kind: str  # annotator, gold, model
    author: str | None
    model_name: str
    status: str  # assigned, in_progress, submitted, skipped, curated
    version: int
    created_at: datetime
    updated_at: datetime
    submitted_at: datetime | None


class SetContents(TypedDict):
    spans: list[SpanRow]  # type: ignore[valid-type]
    relations: list[RelationRow]  # type: ignore[valid-type]
    stances: list[StanceRow]  # type: ignore[valid-type]
    answers: dict[str, Any]  # question key -> answer


class SetWithContents(SetHeader, SetContents):
    """A set with its spans, relations, stances and answers."""


class SetDetail(SetWithContents, total=False):
    """``GET /sets/{id}/``: the set with its contents and its document (``document_detail``;
    left out of the answer to a write)."""

    document_detail: DocumentDetail


class SetWritten(SetWithContents):
    """The answer to a whole-set write: the set as stored, and ``refs``, the ids the new
    spans got, by the ``ref`` the payload gave them."""

    refs: dict[str, int]


class FarEnd(TypedDict):
    """The far end of a relation into another document of the story: the span and the
    document it sits in, so a link reads "the claim in <outlet>'s <title>" after a reload."""

    id: int
    label: str
    text: str
    document: int
    document_title: str
    outlet: str | None  # the outlet's name


class ProjectDocumentDetail(DocumentDetail):
    """``GET /projects/{p}/documents/{d}/``: the document with every set the caller may see,
    and ``linked_spans``: the far ends of those sets' links into other documents (only ends
    in sets the caller may see too)."""

    sets: list[SetWithContents]
    linked_spans: list[FarEnd]


class ProjectDocumentRow(TypedDict):
    """One entry of a project's document list."""

    id: int
    title: str
    outlet: str | None
    story: int | None
    position: int
    assigned: int  # annotator sets counting against ``annotators_per_document``
    submitted: int  # annotator sets submitted
    length: int  # code points
    story_name: str | None
    published_at: str | None  # ISO 8601
    url: str
    language: str
    review_status: str


# --- what the annotation API takes (checked field by field by the services) ---------------


# A TypedDict's required keys are those of a class with ``total=True``; ``Required[...]`` is
# not seen under ``from __future__ import annotations`` on Python 3.11, so each payload is a
# class of its required keys and a subclass of the optional ones.


class _SpanKeys(TypedDict):
    label: str
    start: int
    end: int
    text: str


class SpanIn(_SpanKeys, total=False):
    """A span to write. Offsets are code points, half-open; ``text`` must equal what they
    select (the fragments' texts joined by a space). ``id`` keeps an existing span; ``ref``
    names a new one for relations and stances of the same payload."""

    id: int
    ref: str
    fragments: list[list[int]] | None
    attributes: dict[str, Any]
    version: int  # fine-grained writes only: the set's version you loaded


class _RelationKeys(TypedDict):
    type: str
    source: int | str
    target: int | str


class RelationIn(_RelationKeys, total=False):
    """A relation: ``source`` and ``target`` are span ids, or refs of the same payload; a
    ``target`` may lie in another document of the story when the type allows it."""

    attributes: dict[str, Any]
    version: int


class _StanceKeys(TypedDict):
    value: str


class StanceIn(_StanceKeys, total=False):
    """A stance of ``holder`` (a span id or ref; null: the document) toward exactly one of
    ``target`` (a stance target's key) or ``object`` (a span id or ref)."""

    holder: int | str | None
    target: str
    object: int | str | None
    version: int


class _SetWriteKeys(TypedDict):
    version: int


class SetWrite(_SetWriteKeys, total=False):
    """A whole-set write: each part sent replaces what the set has; a part left out stays.
    ``version`` is the one you loaded: a stale one gets 409 and nothing is written."""

    spans: list[SpanIn]
    relations: list[RelationIn]
    stances: list[StanceIn]
    answers: dict[str, Any]  # question key -> answer (null removes it)


# --- other answers ------------------------------------------------------------------------


class ErrorBody(TypedDict):
    code: str
    message: str
    details: dict[str, Any]


class ErrorEnvelope(TypedDict):
    """Every error: ``{"error": {"code", "message", "details"}}``; ``details`` names the
    fields (or paths such as ``spans[3].text``) at fault."""

    error: ErrorBody


class ProjectProgress(TypedDict):
    documents: int
    documents_done: int  # submitted by ``annotators_per_document`` annotators
    sets_by_status: dict[str, int]


class DocumentsAdded(TypedDict):
    added: int


class Issue(TypedDict):
    """A problem (or a note) at a place in an uploaded file."""

    file: str
    line: int | None
    message: str


class ImportCounts(TypedDict):
    documents_created: int
    documents_existing: int
    added_to_project: int
    sets: int
    spans: int
    relations: int
    stances: int
    answers: int


class AnnotationImportResult(TypedDict):
    """What an import of annotated data did (or, with ``imported`` false, why nothing)."""

    imported: bool
    errors: list[Issue]
    error_count: int
    notes: list[Issue]
    counts: ImportCounts
    users_created: list[str]
    schema_replaced: bool
    raw_articles: list[str]  # files that are articles without annotations (Add documents)


class ExportJobOut(TypedDict):
    """A background export: ``progress`` from 0 to 1; ``download`` once it is done."""

    id: int
    project: int
    format: str
    filters: dict[str, Any]
    status: str  # queued, running, done, failed
    documents_total: int
    documents_done: int
    progress: float
    size_bytes: int
    notes: list[str]
    error: str
    created_at: datetime
    finished_at: datetime | None
    download: str | None


class ExportFormat(TypedDict):
    name: str
    title: str
    extension: str
    unavailable: str | None  # why this server cannot write it (an optional extra is missing)


class ImportFormat(TypedDict):
    name: str
    title: str
    archive: bool  # reads a folder tree, uploaded as a zip
    unavailable: str | None  # why this server cannot read it (an optional extra is missing)


# "import" is a keyword: the functional form names the key.
Formats = TypedDict("Formats", {"export": list[ExportFormat], "import": list[ImportFormat]})


class DuplicatePair(TypedDict):
    document: int
    similar_to: int
    similarity: float


class RemovedLine(TypedDict):
    """A line cleaning removed: its 1-based line in the file, the rule, the removed text."""

    line: int
    rule: str
    text: str


class Resemblance(TypedDict):
    """A document an imported one is a near-duplicate of (``corpus.similarity``)."""

    id: int
    title: str
    outlet: str
    similarity: float


class _ImportedDocumentKeys(TypedDict):
    id: int
    title: str
    created: bool  # false: the text was in the corpus already
    in_project: bool  # the project held it before this import: nothing of it was changed
    file: str
    line: int | None  # of a JSONL or CSV record; None when the whole file is the document


class ImportedDocument(_ImportedDocumentKeys, total=False):
    """A document an import gave; the keys below only with ``details`` (the Add documents
    page): what the document holds, what cleaning removed (a created document only) and
    the documents it resembles."""

    outlet: str
    story: str
    published_at: datetime | None
    url: str
    language: str
    zones: dict[str, int]  # kind -> how many (headline, byline, dateline, caption, body)
    removed: list[RemovedLine]
    resembles: list[Resemblance]


class RemovedLines(TypedDict):
    total: int
    by_rule: dict[str, int]


class DocumentImportCounts(TypedDict):
    created: int
    existing: int
    repeated: int
    errors: int
    near_duplicates: int


class DocumentImportReport(TypedDict):
    """What a document import did: every input is accounted for, a bad one never stops
    the others."""

    counts: DocumentImportCounts
    documents: list[ImportedDocument]
    errors: list[Issue]
    repeated: list[Issue]
    near_duplicates: list[DuplicatePair]
    removed_lines: RemovedLines
    added_to_project: int
