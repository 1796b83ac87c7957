"""What the project documents API answers (``annotations/api/project_documents.py``); the
list's rows are ``contracts.ProjectDocumentRow``."""

from __future__ import annotations

from typing import TypedDict


class DocumentRemoved(TypedDict):
    """A document taken out of a project's queue, and how many of its sets were archived."""

    document: int
    archived_sets: int


class QueuePlace(TypedDict):
    id: int
    position: int  # 1 is the front of the queue


class QueueOrdered(TypedDict):
    """The documents given, each with its new place in the queue."""

    documents: list[QueuePlace]
