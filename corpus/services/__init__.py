"""Writes to the corpus: ``documents_import`` (files in, a report out) and the one writer
of documents that every import stores through (``document_writer``)."""

from corpus.importers.report import ImportReport
from corpus.issues import Issue
from corpus.services.document_import import BATCH_SIZE, documents_import
from corpus.services.document_writer import (
    DocumentInput,
    Names,
    Written,
    documents_existing,
    documents_write,
    names_ensure,
)

__all__ = [
    "BATCH_SIZE",
    "DocumentInput",
    "ImportReport",
    "Issue",
    "Names",
    "Written",
    "documents_existing",
    "documents_import",
    "documents_write",
    "names_ensure",
]
