"""Writes to the corpus: importing documents (cleaned, deduplicated, batched)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from itertools import islice

import orjson
from django.db import IntegrityError, connection, transaction
from django.db.models.functions import Lower
from django.utils import timezone

from corpus.cleaning import CleanResult, article_clean
from corpus.importers import IMPORTERS, RecordError, SourceRecord, format_guess, reader_for
from corpus.importers.document_copy import DocumentCopy
from corpus.importers.report import ImportIssue, ImportReport
from corpus.models import Document, Outlet, Story
from corpus.similarity import clauses, near_duplicates_among

__all__ = ["BATCH_SIZE", "ImportIssue", "ImportReport", "documents_import"]

BATCH_SIZE = 2000  # documents per transaction
_ATTEMPTS = 3  # a batch is retried when a concurrent import inserted one of its texts first
_EXISTING_FIELDS = ("id", "sha256", "title", "story_id", "outlet_id", "url", "language", "meta")


@dataclass(slots=True)
class _Prepared:
    record: SourceRecord
    fmt: str
    clean: CleanResult
    sha256: str
    story: str
    clauses: set[int]  # for near-duplicate detection (``corpus.similarity``)


@dataclass
class _Batch:
    """What one batch gave, before it goes into the report."""

    ordered: list[Document] = field(default_factory=list)
    created: list[Document] = field(default_factory=list)
    existing: list[Document] = field(default_factory=list)
    repeated: list[ImportIssue] = field(default_factory=list)
    files: set[str] = field(default_factory=set)
    clauses: dict[int, set[int]] = field(default_factory=dict)  # by document id


@dataclass
class _Names:
    """Stories and outlets already fetched or created during this import."""

    stories: dict[str, Story] = field(default_factory=dict)
    outlets: dict[str, Outlet] = field(default_factory=dict)  # by case-folded name


def documents_import(
    *,
    files: list[tuple[str, bytes]],
    fmt: str | None = None,
    story_name: str | None = None,
    clean: bool = True,
) -> ImportReport:
    """Import documents from files (name, bytes). ``fmt`` None guesses by extension.

    Every input is cleaned (unless ``clean`` is False: NFC and newlines only) and hashed,
    and one transaction per batch inserts the new documents. ``story_name`` puts every
    document in that story (created if needed); without it a record's own ``story`` field
    is used. Bad inputs become ``errors`` (file, line, message) and never stop the others.

    Fast path: each batch streams into one binary COPY while the next inputs are cleaned,
    so PostgreSQL stores rows on one core while Python cleans on the other. A text already
    in the corpus makes that COPY fail; the batch is then redone the careful way (look up
    the hashes first, copy only the new texts), and so are the batches after it."""
    report = ImportReport()
    prepared = _records_prepare(files, fmt, story_name, clean, report)
    names = _Names()
    known: dict[str, Document] = {}  # created by this import, by sha256
    clause_sets: dict[int, set[int]] = {}
    streaming = True
    while True:
        batch: list[_Prepared] = []
        outcome: _Batch | None = None
        if streaming:
            try:
                with transaction.atomic():
                    outcome = _batch_stream(prepared, batch, names, known)
            except IntegrityError:
                streaming, names = False, _Names()
                batch.extend(islice(prepared, BATCH_SIZE - len(batch)))
        else:
            batch.extend(islice(prepared, BATCH_SIZE))
        if not batch:
            break
        if outcome is None:
            outcome = _batch_import(batch)
        _report_add(report, outcome, known, clause_sets)
    _near_duplicates_flag(report, clause_sets)
    return report


def _records_prepare(
    files: list[tuple[str, bytes]],
    fmt: str | None,
    story_name: str | None,
    clean: bool,
    report: ImportReport,
) -> Iterator[_Prepared]:
    for name, data in files:
        file_fmt = fmt or format_guess(name)
        if file_fmt not in IMPORTERS:
            known = ", ".join(sorted(IMPORTERS))
            what = f'unknown format "{file_fmt}"' if file_fmt else "cannot tell the format"
            report.errors.append(ImportIssue(name, None, f"{what}: use one of {known}"))
            continue
        for item in reader_for(file_fmt)(name, data):
            if isinstance(item, RecordError):
                report.errors.append(ImportIssue(item.file, item.line, item.message))
                continue
            nul = _nul_field(item)
            if nul is not None:
                message = f'"{nul}" holds a NUL character (U+0000), which cannot be stored'
                report.errors.append(ImportIssue(item.file, item.line, message))
                continue
            result = article_clean(
                item.text,
                enabled=clean,
                title=item.title or None,
                outlet=item.outlet or None,
                url=item.url or None,
            )
            if not result.text.strip():
                message = "no text left after cleaning" if clean else "the text is blank"
                report.errors.append(ImportIssue(item.file, item.line, message))
                continue
            encoded = result.text.encode("utf-8")
            yield _Prepared(
                item,
                file_fmt,
                result,
                hashlib.sha256(encoded).hexdigest(),
                story_name or item.story,
                clauses(encoded),
            )


_STORED_STRINGS = ("text", "raw", "title", "url", "outlet", "language", "story")


def _nul_field(record: SourceRecord) -> str | None:
    """The first field holding U+0000: PostgreSQL stores it in neither text nor jsonb, and
    one such row would fail the COPY of its whole batch."""
    for name in _STORED_STRINGS:
        if "\x00" in getattr(record, name):
            return name
    if record.meta and b"\\u0000" in orjson.dumps(record.meta):
        return "meta"
    return None


def _report_add(
    report: ImportReport,
    outcome: _Batch,
    known: dict[str, Document],
    clause_sets: dict[int, set[int]],
) -> None:
    report.files_imported.update(outcome.files)
    report.ordered.extend(outcome.ordered)
    report.created.extend(outcome.created)
    report.existing.extend(outcome.existing)
    report.repeated.extend(outcome.repeated)
    clause_sets.update(outcome.clauses)
    for document in outcome.created:
        known[document.sha256] = document
        report.removed_by_rule.update(r["rule"] for r in document.meta["cleaning"]["removed"])


def _repeat_issue(record: SourceRecord, earlier: SourceRecord) -> ImportIssue:
    where = f"{earlier.file}" + (f" line {earlier.line}" if earlier.line else "")
    return ImportIssue(record.file, record.line, f"same text as {where}")


def _batch_stream(
    prepared: Iterator[_Prepared],
    batch: list[_Prepared],
    names: _Names,
    known: dict[str, Document],
) -> _Batch:
    """Clean and copy up to ``BATCH_SIZE`` inputs in one COPY, assuming their texts are new
    to the corpus (an IntegrityError says otherwise). Stories and outlets not met before
    pause the COPY while they are fetched or created. ``batch`` gets every input taken."""
    outcome = _Batch()
    first_seen: dict[str, _Prepared] = {}
    pending: list[tuple[Document, _Prepared]] = []
    now = timezone.now()
    with DocumentCopy() as copy:
        for item in islice(prepared, BATCH_SIZE):
            batch.append(item)
            outcome.files.add(item.record.file)
            earlier = first_seen.get(item.sha256)
            if earlier is not None:
                outcome.repeated.append(_repeat_issue(item.record, earlier.record))
                continue
            first_seen[item.sha256] = item
            document = known.get(item.sha256)  # created by an earlier batch of this import
            if document is not None:
                outcome.existing.append(document)
                outcome.ordered.append(document)
                continue
            if _names_missing(item, names):
                copy.pause()
                _names_fetch(item, names)
            document = _document_build(item, names.stories, names.outlets, now)
            copy.write(document)
            pending.append((document, item))
            outcome.ordered.append(document)
        copy.close()
    _ids_assign([document for document, _ in pending])
    for document, item in pending:
        outcome.created.append(document)
        outcome.clauses[document.pk] = item.clauses
    _search_index_later([document.pk for document in outcome.created])
    return outcome


def _names_missing(item: _Prepared, names: _Names) -> bool:
    outlet = item.clean.outlet
    return bool(
        (item.story and item.story not in names.stories)
        or (outlet and outlet.casefold() not in names.outlets)
    )


def _names_fetch(item: _Prepared, names: _Names) -> None:
    if item.story and item.story not in names.stories:
        names.stories.update(_stories_get_or_create([item.story]))
    outlet = item.clean.outlet
    if outlet and outlet.casefold() not in names.outlets:
        names.outlets.update(_outlets_get_or_create({outlet: item.clean.outlet_domain or ""}))


def _batch_import(batch: list[_Prepared]) -> _Batch:
    for attempt in range(_ATTEMPTS):
        try:
            with transaction.atomic():
                return _batch_write(batch)
        except IntegrityError:
            if attempt == _ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def _batch_write(batch: list[_Prepared]) -> _Batch:
    """The careful way: look up which texts the corpus has, then copy only the new ones."""
    stories = _stories_get_or_create({p.story for p in batch if p.story})
    outlets = _outlets_get_or_create(
        {p.clean.outlet: p.clean.outlet_domain or "" for p in batch if p.clean.outlet}
    )
    found = {
        doc.sha256: doc
        for doc in Document.objects.filter(sha256__in=[p.sha256 for p in batch]).only(
            *_EXISTING_FIELDS
        )
    }
    outcome = _Batch()
    first_seen: dict[str, _Prepared] = {}
    now = timezone.now()
    for prepared in batch:
        record = prepared.record
        outcome.files.add(record.file)
        earlier = first_seen.get(prepared.sha256)
        if earlier is not None:
            outcome.repeated.append(_repeat_issue(record, earlier.record))
            continue
        first_seen[prepared.sha256] = prepared
        document = found.get(prepared.sha256)
        if document is not None:
            outcome.existing.append(document)
        else:
            document = _document_build(prepared, stories, outlets, now)
            outcome.created.append(document)
        outcome.ordered.append(document)
    if outcome.created:
        with DocumentCopy() as copy:
            for document in outcome.created:
                copy.write(document)
            copy.close()
        _ids_assign(outcome.created)
    for document in outcome.created:
        outcome.clauses[document.pk] = first_seen[document.sha256].clauses
    _search_index_later([document.pk for document in outcome.created])
    return outcome


def _ids_assign(documents: list[Document]) -> None:
    """Read the new ids back by hash; the instances get their primary keys as if saved."""
    if not documents:
        return
    table = connection.ops.quote_name(Document._meta.db_table)
    with connection.cursor() as cursor:  # raw SQL: the ORM takes ~50 ms to build the IN list
        cursor.execute(
            f"SELECT sha256, id FROM {table} WHERE sha256 = ANY(%s)",
            [[document.sha256 for document in documents]],
        )
        ids = dict(cursor.fetchall())
    for document in documents:
        document.pk = ids[document.sha256]
        document._state.adding = False
        document._state.db = Document.objects.db


def _search_index_later(ids: list[int]) -> None:
    """Fill the new documents' search vectors in the background once the batch commits."""
    if not ids:
        return
    from corpus.tasks import search_index_enqueue

    transaction.on_commit(lambda: search_index_enqueue(ids))


def _document_build(
    prepared: _Prepared, stories: dict[str, Story], outlets: dict[str, Outlet], now: datetime
) -> Document:
    record, result = prepared.record, prepared.clean
    published_at = record.published_at
    if published_at is None and result.published is not None:
        published_at = datetime.combine(result.published, time(), tzinfo=UTC)
    meta = {
        **record.meta,
        "cleaning": result.audit(),
        "source": {"file": record.file, "line": record.line, "format": prepared.fmt},
    }
    raw = record.raw or record.text
    return Document(
        story=stories.get(prepared.story) if prepared.story else None,
        outlet=outlets.get(result.outlet.casefold()) if result.outlet else None,
        title=result.title[:500],
        text=result.text,
        raw="" if raw == result.text else raw,  # empty: the same as ``text``
        url=record.url,
        published_at=published_at,
        language=record.language or "en",
        meta=meta,
        sha256=prepared.sha256,
        zones=result.zones_as_dicts(),
        created_at=now,
    )


def _stories_get_or_create(names: Iterable[str]) -> dict[str, Story]:
    return {name: Story.objects.get_or_create(name=name)[0] for name in sorted(names)}


def _outlets_get_or_create(wanted: dict[str, str]) -> dict[str, Outlet]:
    """Outlets by case-folded name; missing ones are created (name, domain)."""
    if not wanted:
        return {}
    by_fold = {name.casefold(): (name, domain) for name, domain in wanted.items()}

    def lookup() -> dict[str, Outlet]:
        rows = Outlet.objects.annotate(folded=Lower("name")).filter(folded__in=list(by_fold))
        return {outlet.name.casefold(): outlet for outlet in rows}

    outlets = lookup()
    missing = [
        Outlet(name=name, domain=domain)
        for key, (name, domain) in by_fold.items()
        if key not in outlets
    ]
    if missing:
        Outlet.objects.bulk_create(missing, ignore_conflicts=True)
        outlets = lookup()
    return outlets


def _near_duplicates_flag(report: ImportReport, clause_sets: dict[int, set[int]]) -> None:
    """Compare each created document with the earlier ones of this import and with the
    other documents of its story (``corpus.similarity``)."""
    groups: dict[int | None, list[Document]] = {}
    for document in report.created:
        groups.setdefault(document.story_id, []).append(document)
    created_ids = [document.pk for document in report.created]
    for story_id, documents in groups.items():
        old: list[tuple[int, set[int]]] = []
        if story_id is not None:
            old = [(pk, clauses(text)) for pk, text in _story_texts(story_id, created_ids)]
        new = [(document.pk, clause_sets[document.pk]) for document in documents]
        for pair in near_duplicates_among(new, old):
            report.near_duplicates.append(
                {
                    "document": pair.document,
                    "similar_to": pair.similar_to,
                    "similarity": pair.similarity,
                }
            )


def _story_texts(story_id: int, leave_out: list[int]) -> Iterator[tuple[int, str]]:
    """(id, text) of the story's documents but those left out."""
    table = connection.ops.quote_name(Document._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, text FROM {table} WHERE story_id = %s AND NOT (id = ANY(%s))",
            [story_id, leave_out],
        )
        while rows := cursor.fetchmany(500):
            yield from rows
