"""Importing files into the corpus: read, clean, deduplicate, store in batches, report."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from django.db import IntegrityError, connection, transaction

from corpus.clean_pool import Pair, records_prepared
from corpus.importers import IMPORTERS, SourceRecord, format_guess, jsonl, reader_for
from corpus.importers.jsonl import JsonLine
from corpus.importers.report import ImportReport
from corpus.issues import Issue
from corpus.models import Document
from corpus.prepare import Item, Prepared
from corpus.services.document_writer import (
    Names,
    Written,
    documents_write,
    names_ensure,
)
from corpus.similarity import ClauseIndex, clauses

# Documents per transaction: while one batch is stored, the worker processes clean the
# next ones (``corpus.clean_pool``), so smaller batches overlap more of the two; each batch
# costs a few statements and a commit.
BATCH_SIZE = 500
_ATTEMPTS = 3  # a batch is retried when a concurrent import inserted one of its texts first


@dataclass
class _Batch:
    """The inputs of one batch that are new to this import, and what the batch gave."""

    inputs: list[Prepared] = field(default_factory=list)
    ordered: list[Document | int] = field(default_factory=list)  # a row, or an input's index
    sources: list[tuple[str, int | None]] = field(default_factory=list)  # file, line of each
    repeated: list[Issue] = field(default_factory=list)
    files: set[str] = field(default_factory=set)


def documents_import(
    *,
    files: list[tuple[str, bytes]],
    fmt: str | None = None,
    story_name: str | None = None,
    clean: bool = True,
    reader: Any = None,
    project_id: int | None = None,
) -> ImportReport:
    """Import documents from files (name, bytes). ``fmt`` None guesses by extension.

    Every input is cleaned (unless ``clean`` is False: NFC and newlines only) and hashed
    (``corpus.prepare``; on every core for large inputs, ``corpus.clean_pool``), and one
    transaction per batch of ``BATCH_SIZE`` stores the new documents through the corpus's
    one writer (``document_writer``). ``story_name`` puts every document in that story
    (created if needed); without it a record's own ``story`` field is used. Bad inputs
    become ``errors`` (file, line, message) and never stop the others.

    A batch's stories and outlets are created first, in a short transaction of their own.
    Its documents are then copied assuming their texts are new to the corpus; a text
    already there makes that COPY fail, and the batch is redone the careful way (look up
    the hashes first, copy only the new texts), and so are the batches after it. A stored
    text is reused only when ``reader`` can read it (``document_writer.documents_existing``,
    preferring the copy in project ``project_id``), else stored again as a new variant."""
    report = ImportReport()
    prepared = records_prepared(_records_read(files, fmt), clean)
    known: dict[str, Document] = {}  # created by this import, by sha256
    near = _NearDuplicates(reader)
    careful = False
    names = Names()
    while pairs := list(islice(prepared, BATCH_SIZE)):
        batch = _batch_make(pairs, story_name, known, report)
        written = Written()
        if batch.inputs:
            with transaction.atomic():
                names = names_ensure(batch.inputs, names)
            written, careful = _batch_store(batch, names, careful, reader, project_id)
        near.add(_report_add(report, batch, written, known))
    report.near_duplicates = near.found()
    return report


def _records_read(files: list[tuple[str, bytes]], fmt: str | None) -> Iterator[Item]:
    for name, data in files:
        file_fmt = fmt or format_guess(name)
        if file_fmt not in IMPORTERS:
            known = ", ".join(sorted(IMPORTERS))
            what = f'unknown format "{file_fmt}"' if file_fmt else "cannot tell the format"
            yield Issue(name, None, f"{what}: use one of {known}")
            continue
        if file_fmt == "jsonl":  # lines are parsed where they are cleaned
            yield from jsonl.lines(name, data)
            continue
        for item in reader_for(file_fmt)(name, data):
            if isinstance(item, SourceRecord):
                item.fmt = file_fmt
            yield item


def _batch_make(
    pairs: list[Pair],
    story_name: str | None,
    known: dict[str, Document],
    report: ImportReport,
) -> _Batch:
    """The batch's new inputs; errors go to the report, repeats of a text earlier in the
    batch are ``repeated``, texts created by an earlier batch are ``existing``."""
    batch = _Batch()
    first_seen: dict[str, SourceRecord | JsonLine] = {}
    for item, prepared in pairs:
        if isinstance(prepared, Issue):
            report.errors.append(prepared)
            continue
        assert not isinstance(item, Issue)  # an Issue read is its own result
        batch.files.add(item.file)
        earlier = first_seen.get(prepared.sha256)
        if earlier is not None:
            where = f"{earlier.file}" + (f" line {earlier.line}" if earlier.line else "")
            batch.repeated.append(Issue(item.file, item.line, f"same text as {where}"))
            continue
        first_seen[prepared.sha256] = item
        batch.sources.append((item.file, item.line))
        document = known.get(prepared.sha256)
        if document is not None:  # created by an earlier batch: ``existing``
            batch.ordered.append(document)
            continue
        batch.ordered.append(len(batch.inputs))
        batch.inputs.append(prepared._replace(story=story_name) if story_name else prepared)
    return batch


def _batch_store(
    batch: _Batch, names: Names, careful: bool, reader: Any, project_id: int | None
) -> tuple[Written, bool]:
    """Store the batch's inputs; also says whether the next batches must be careful."""
    for attempt in range(_ATTEMPTS):
        try:
            with transaction.atomic():
                written = documents_write(
                    batch.inputs,
                    names=names,
                    reuse=careful,
                    reader=reader,
                    project_id=project_id,
                )
                return written, careful
        except IntegrityError:
            if careful and attempt == _ATTEMPTS - 1:
                raise
            careful = True
    raise AssertionError("unreachable")


def _report_add(
    report: ImportReport, batch: _Batch, written: Written, known: dict[str, Document]
) -> list[tuple[Document, Collection[int]]]:
    """Add the batch to the report; the documents it created, with their clauses."""
    report.files_imported.update(batch.files)
    report.repeated.extend(batch.repeated)
    report.sources.extend(batch.sources)
    created = {id(document) for document in written.created}
    new: list[tuple[Document, Collection[int]]] = []
    for entry in batch.ordered:
        document = entry if isinstance(entry, Document) else written.documents[entry]
        report.ordered.append(document)
        if id(document) not in created:
            report.existing.append(document)
            continue
        known[document.sha256] = document
        report.created.append(document)
        prepared = batch.inputs[entry]  # an index: created by this batch
        new.append((document, prepared.clauses))
        report.removed_by_rule.update(prepared.removed)
    return new


class _NearDuplicates:
    """Each created document compared with the earlier ones of this import and with the
    other documents of its story (``corpus.similarity``), batch by batch as they are
    stored. A story's other documents are read when its first new document comes: those
    ``reader`` can read (``None``: every one), so the report names no document of a project
    they are not in."""

    def __init__(self, reader: Any = None) -> None:
        self.reader = reader
        self.indexes: dict[int | None, ClauseIndex] = {}  # by story id
        self.pairs: dict[int | None, list[dict[str, Any]]] = {}  # by story, as stories come
        self.created: list[int] = []

    def add(self, created: list[tuple[Document, Collection[int]]]) -> None:
        self.created.extend(document.pk for document, _ in created)
        for document, mine in created:
            story = document.story_id
            index = self.indexes.get(story)
            if index is None:
                index = self.indexes[story] = ClauseIndex()
                self.pairs[story] = []
                if story is not None:
                    for pk, text in _story_texts(story, self.created, self.reader):
                        index.add_old(pk, clauses(text))
            self.pairs[story].extend(
                {"document": p.document, "similar_to": p.similar_to, "similarity": p.similarity}
                for p in index.add(document.pk, mine)
            )

    def found(self) -> list[dict[str, Any]]:
        return [pair for pairs in self.pairs.values() for pair in pairs]


def _story_texts(
    story_id: int, leave_out: list[int], reader: Any = None
) -> Iterator[tuple[int, str]]:
    """(id, text) of the story's documents but those left out, of those ``reader`` can
    read (in a project they are a member of; ``None`` or a superuser: all)."""
    table = connection.ops.quote_name(Document._meta.db_table)
    sql = f"SELECT id, text FROM {table} WHERE story_id = %s AND NOT (id = ANY(%s))"
    params: list[Any] = [story_id, leave_out]
    if reader is not None and not getattr(reader, "is_superuser", False):
        readable = Document.objects.filter(projects__members=reader).values("pk").order_by().query
        readable_sql, readable_params = readable.sql_with_params()
        sql += f" AND id IN ({readable_sql})"
        params.extend(readable_params)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(500):
            yield from rows
