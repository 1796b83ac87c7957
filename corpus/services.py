"""Writes to the corpus: importing documents (cleaned, deduplicated, batched)."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from typing import Any

import orjson
from django.db import IntegrityError, connection, transaction
from django.db.models import Field, JSONField
from django.db.models.functions import Lower
from django.utils import timezone

from corpus.cleaning import CleanResult, article_clean
from corpus.importers import IMPORTERS, RecordError, SourceRecord, format_guess, reader_for
from corpus.models import Document, Outlet, Story
from corpus.similarity import near_duplicates_find

BATCH_SIZE = 2000  # documents per transaction
_ATTEMPTS = 3  # a batch is retried when a concurrent import inserted one of its texts first
_COPY_FIELDS = [field for field in Document._meta.concrete_fields if not field.primary_key]
_EXISTING_FIELDS = ("id", "sha256", "title", "story_id", "outlet_id", "url", "language", "meta")


@dataclass
class ImportIssue:
    file: str
    line: int | None
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "message": self.message}


@dataclass
class ImportReport:
    """``created``: new documents; ``existing``: inputs whose cleaned text was already in the
    corpus (same sha256), returned so callers can attach them to a project; ``repeated``:
    inputs repeating an earlier input of the same import (not imported twice)."""

    created: list[Document] = field(default_factory=list)
    existing: list[Document] = field(default_factory=list)
    errors: list[ImportIssue] = field(default_factory=list)
    near_duplicates: list[dict] = field(default_factory=list)
    repeated: list[ImportIssue] = field(default_factory=list)
    removed_by_rule: Counter[str] = field(default_factory=Counter)
    files_imported: set[str] = field(default_factory=set)  # files that gave a document
    ordered: list[Document] = field(default_factory=list, repr=False)

    @property
    def documents(self) -> list[Document]:
        """Created and existing documents, in input order."""
        return list(self.ordered) if self.ordered else [*self.created, *self.existing]

    def to_dict(self) -> dict[str, Any]:
        created_ids = {doc.pk for doc in self.created}
        return {
            "counts": {
                "created": len(self.created),
                "existing": len(self.existing),
                "repeated": len(self.repeated),
                "errors": len(self.errors),
                "near_duplicates": len(self.near_duplicates),
            },
            "documents": [
                {"id": doc.pk, "title": doc.title, "created": doc.pk in created_ids}
                for doc in self.documents
            ],
            "errors": [issue.as_dict() for issue in self.errors],
            "repeated": [issue.as_dict() for issue in self.repeated],
            "near_duplicates": list(self.near_duplicates),
            "removed_lines": {
                "total": sum(self.removed_by_rule.values()),
                "by_rule": dict(sorted(self.removed_by_rule.items())),
            },
        }


@dataclass(slots=True)
class _Prepared:
    record: SourceRecord
    fmt: str
    clean: CleanResult
    sha256: str
    story: str


def documents_import(
    *,
    files: list[tuple[str, bytes]],
    fmt: str | None = None,
    story_name: str | None = None,
    clean: bool = True,
) -> ImportReport:
    """Import documents from files (name, bytes). ``fmt`` None guesses by extension.

    Every input is cleaned (unless ``clean`` is False: NFC and newlines only) and hashed
    before one transaction per batch inserts the new documents. ``story_name`` puts every
    document in that story (created if needed); without it a record's own ``story`` field
    is used. Bad inputs become ``errors`` (file, line, message) and never stop the others."""
    report = ImportReport()
    pending: list[_Prepared] = []
    for prepared in _records_prepare(files, fmt, story_name, clean, report):
        pending.append(prepared)
        if len(pending) >= BATCH_SIZE:
            _batch_import(pending, report)
            pending = []
    if pending:
        _batch_import(pending, report)
    _near_duplicates_flag(report)
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
            sha256 = hashlib.sha256(result.text.encode("utf-8")).hexdigest()
            yield _Prepared(item, file_fmt, result, sha256, story_name or item.story)


def _batch_import(batch: list[_Prepared], report: ImportReport) -> None:
    for attempt in range(_ATTEMPTS):
        try:
            with transaction.atomic():
                outcome = _batch_write(batch)
            break
        except IntegrityError:
            if attempt == _ATTEMPTS - 1:
                raise
    ordered, created, existing, repeated, files = outcome
    report.files_imported.update(files)
    report.ordered.extend(ordered)
    report.created.extend(created)
    report.existing.extend(existing)
    report.repeated.extend(repeated)
    for document in created:
        report.removed_by_rule.update(r["rule"] for r in document.meta["cleaning"]["removed"])


def _batch_write(
    batch: list[_Prepared],
) -> tuple[list[Document], list[Document], list[Document], list[ImportIssue], set[str]]:
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
    ordered: list[Document] = []
    created: list[Document] = []
    existing: list[Document] = []
    repeated: list[ImportIssue] = []
    first_seen: dict[str, _Prepared] = {}
    files: set[str] = set()
    now = timezone.now()
    for prepared in batch:
        record = prepared.record
        files.add(record.file)
        earlier = first_seen.get(prepared.sha256)
        if earlier is not None:
            where = f"{earlier.record.file}" + (
                f" line {earlier.record.line}" if earlier.record.line else ""
            )
            repeated.append(ImportIssue(record.file, record.line, f"same text as {where}"))
            continue
        first_seen[prepared.sha256] = prepared
        document = found.get(prepared.sha256)
        if document is not None:
            existing.append(document)
        else:
            document = _document_build(prepared, stories, outlets, now)
            created.append(document)
        ordered.append(document)
    _documents_insert(created)
    return ordered, created, existing, repeated, files


def _documents_insert(documents: list[Document]) -> None:
    """Insert with PostgreSQL COPY (no SQL text to build or parse), then read the new ids
    back by hash; the instances get their primary keys as if saved."""
    if not documents:
        return
    columns = [field.column for field in _COPY_FIELDS]
    table = connection.ops.quote_name(Document._meta.db_table)
    with connection.cursor() as cursor, connection.wrap_database_errors:
        with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for document in documents:
                copy.write_row([_copy_value(document, field) for field in _COPY_FIELDS])
        cursor.execute(
            f"SELECT id, sha256 FROM {table} WHERE sha256 = ANY(%s)",
            [[document.sha256 for document in documents]],
        )
        ids = {sha256: pk for pk, sha256 in cursor.fetchall()}
    for document in documents:
        document.pk = ids[document.sha256]
        document._state.adding = False
        document._state.db = connection.alias


def _copy_value(document: Document, field: Field) -> object:
    value = getattr(document, field.attname)
    if isinstance(field, JSONField):
        return orjson.dumps(value).decode()
    return value


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
    return Document(
        story=stories.get(prepared.story) if prepared.story else None,
        outlet=outlets.get(result.outlet.casefold()) if result.outlet else None,
        title=result.title[:500],
        text=result.text,
        raw=record.raw or record.text,
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


def _near_duplicates_flag(report: ImportReport) -> None:
    """Compare each created document with the earlier ones of this import and with the
    other documents of its story (``corpus.similarity``)."""
    groups: dict[int | None, list[Document]] = {}
    for document in report.created:
        groups.setdefault(document.story_id, []).append(document)
    created_ids = {document.pk for document in report.created}
    for story_id, documents in groups.items():
        old: list[tuple[int, str]] = []
        if story_id is not None:
            old = list(
                Document.objects.filter(story_id=story_id)
                .exclude(pk__in=created_ids)
                .values_list("id", "text")
                .iterator(chunk_size=500)
            )
        new = [(document.pk, document.text) for document in documents]
        for pair in near_duplicates_find(new, old):
            report.near_duplicates.append(
                {
                    "document": pair.document,
                    "similar_to": pair.similar_to,
                    "similarity": pair.similarity,
                }
            )
