"""Background work on the corpus (django-tasks; worker: ``manage.py db_worker``).

Full-text vectors: an import leaves ``Document.search`` NULL (computing
``to_tsvector('english', text)`` costs ~2 ms a 7.7 KB article, more than storing it) and
enqueues ``search_index_fill`` with the new ids once its batch commits. The task fills them
in chunks of ``CHUNK`` documents, one short transaction each. ``manage.py index_search``
fills every NULL left (a worker that was not running, rows from before the column).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from django.db import connection, transaction
from django_tasks import task

from corpus.models import SEARCH_CONFIG, Document

logger = logging.getLogger(__name__)

CHUNK = 500  # documents per UPDATE (~1 s of PostgreSQL time)


def search_vectors_fill(ids: Sequence[int]) -> int:
    """Compute ``search`` for these documents (those still NULL); the number updated."""
    table = connection.ops.quote_name(Document._meta.db_table)
    updated = 0
    for start in range(0, len(ids), CHUNK):
        chunk = list(ids[start : start + CHUNK])
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET search = to_tsvector(%s::regconfig, text)"
                " WHERE id = ANY(%s) AND search IS NULL",
                [SEARCH_CONFIG, chunk],
            )
            updated += cursor.rowcount
    return updated


def search_vectors_fill_all(
    chunk: int = CHUNK, progress: Callable[[int], None] | None = None
) -> int:
    """Fill every NULL ``search``, ``chunk`` documents per transaction; the number filled."""
    total = 0
    while True:
        ids = list(
            Document.objects.filter(search__isnull=True)
            .order_by("id")
            .values_list("id", flat=True)[:chunk]
        )
        if not ids:
            return total
        total += search_vectors_fill(ids)
        if progress is not None:
            progress(total)


@task()
def search_index_fill(document_ids: list[int]) -> int:
    """Background: fill the search vectors of newly imported documents."""
    return search_vectors_fill(document_ids)


def search_index_enqueue(document_ids: list[int]) -> None:
    """Queue ``search_index_fill``; a queue that fails never fails the import (the rows
    stay NULL, searches still find them, ``index_search`` fills them later)."""
    try:
        search_index_fill.enqueue(document_ids=list(document_ids))
    except Exception:  # noqa: BLE001 - the import has committed; indexing can wait
        logger.exception("could not queue search indexing for %d documents", len(document_ids))
