"""Preparing many records on every core: cleaning, hashing and clause-cutting
(``corpus.prepare``) in worker processes while the request's own process stores what is
ready.

``records_prepared`` yields ``(item, prepared)`` pairs in input order: the item as read
(a record, a JSON line not parsed yet, or an ``Issue``) and what ``items_prepare`` made of
it. An input of fewer than ``PARALLEL_MIN_RECORDS`` records (most API uploads) is prepared
in the calling process: starting workers would cost more than it saves. A larger one goes
to a pool of ``pool_size()`` processes, in chunks of ``CHUNK_RECORDS``, at most
``AHEAD_CHUNKS`` chunks ahead of the consumer (memory stays bounded).

``pool_size()``: ``CLAIMLENS_CLEAN_WORKERS`` when it is set (``0``: no pool, every import
is prepared in the calling process), else one process per core this process may run on
(none on one core). The pool is started on first use and kept for the life of the process
(a gunicorn worker starts its own; ``spawn`` processes share nothing with the server's
threads and database connections). The workers import only pure modules, and, as
``spawn`` does, the parent's main module: a script that imports many records must keep its
work under ``if __name__ == "__main__"`` (``manage.py``, gunicorn and pytest do). If the
pool breaks (a worker killed), the chunks still to come are prepared in the calling
process and the next import starts a new pool.
"""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from multiprocessing import get_context

from corpus.issues import Issue
from corpus.prepare import Item, Prepared, items_prepare

WORKERS_VARIABLE = "CLAIMLENS_CLEAN_WORKERS"
PARALLEL_MIN_RECORDS = 200
CHUNK_RECORDS = 50
AHEAD_CHUNKS = 40

Pair = tuple[Item, Prepared | Issue]  # an item as read, and what it became

_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


def pool_size() -> int:
    """Processes in the pool (``0``: none). ``WORKERS_VARIABLE`` is read on every import,
    but a pool already started keeps its size."""
    setting = os.environ.get(WORKERS_VARIABLE, "").strip()
    if setting:
        if not setting.isdigit():
            raise ValueError(f"{WORKERS_VARIABLE} must be a number of processes, not {setting!r}")
        return int(setting)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return cores if cores and cores > 1 else 0


def records_prepared(items: Iterable[Item], clean: bool) -> Iterator[Pair]:
    """Each item and what ``items_prepare`` makes of it, in input order."""
    iterator = iter(items)
    head = list(islice(iterator, PARALLEL_MIN_RECORDS))
    if len(head) < PARALLEL_MIN_RECORDS or pool_size() == 0:
        for chunk in _chunks(chain(head, iterator)):
            yield from _pairs(chunk, items_prepare(chunk, clean))
        return
    yield from _in_pool(chain(head, iterator), clean)


def _in_pool(items: Iterator[Item], clean: bool) -> Iterator[Pair]:
    pending: deque[tuple[list[Item], Future[list[Prepared | Issue]] | None]] = deque()
    pool: ProcessPoolExecutor | None = _pool_get()
    try:
        for chunk in _chunks(items):
            future = None
            if pool is not None:
                try:
                    future = pool.submit(items_prepare, chunk, clean)
                except BrokenProcessPool:
                    _pool_drop()
                    pool = None
            pending.append((chunk, future))
            if len(pending) >= AHEAD_CHUNKS:
                yield from _results(*pending.popleft(), clean)
        while pending:
            yield from _results(*pending.popleft(), clean)
    finally:
        for _, future in pending:  # the consumer stopped early (an error): drop the rest
            if future is not None:
                future.cancel()


def _results(
    chunk: list[Item], future: Future[list[Prepared | Issue]] | None, clean: bool
) -> list[Pair]:
    try:
        prepared = future.result() if future is not None else items_prepare(chunk, clean)
    except BrokenProcessPool:
        _pool_drop()
        prepared = items_prepare(chunk, clean)
    return _pairs(chunk, prepared)


def _pairs(chunk: list[Item], prepared: list[Prepared | Issue]) -> list[Pair]:
    return list(zip(chunk, prepared, strict=True))


def _chunks(items: Iterator[Item]) -> Iterator[list[Item]]:
    while chunk := list(islice(items, CHUNK_RECORDS)):
        yield chunk


def _pool_get() -> ProcessPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ProcessPoolExecutor(max_workers=pool_size(), mp_context=get_context("spawn"))
        return _pool


def _pool_drop() -> None:
    """Forget a broken pool (its processes are gone); the next import starts a new one."""
    global _pool
    with _pool_lock:
        if _pool is not None:
            _pool.shutdown(wait=False, cancel_futures=True)
            _pool = None
