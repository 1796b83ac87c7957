"""Large imports are prepared in worker processes; what they store and report is what the
calling process alone would have made of the same files."""

from __future__ import annotations

from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import pytest
from django.db import transaction

from corpus import clean_pool
from corpus.services import ImportReport, documents_import
from tests.corpus.sample_articles import LEAD, jsonl

pytestmark = pytest.mark.django_db

PAGE = "Skip to Content\n\nStory {n} of the bridge\n\nAdvertisement\n\n{lead}\n\nLeave a Comment\n"


def files() -> list[tuple[str, bytes]]:
    good = [
        {"text": PAGE.format(n=n, lead=LEAD), "url": f"https://ledger.example/{n}"}
        for n in range(9)
    ]
    lines = jsonl(*good[:4]) + b"{not json\n" + jsonl({"text": "Advertisement\n"}, *good[4:])
    plain = [(f"{n}.txt", PAGE.format(n=n + 20, lead=LEAD).encode()) for n in range(3)]
    return [("pages.jsonl", lines), *plain, ("again.txt", PAGE.format(n=0, lead=LEAD).encode())]


def summary(report: ImportReport) -> dict[str, Any]:
    body = report.to_dict()
    for document in body["documents"]:
        del document["id"]
    return {
        **body,
        "zones": [d.zones for d in report.documents],
        "meta": [d.meta for d in report.documents],
        "outlets": [d.outlet.name if d.outlet else None for d in report.documents],
    }


def imported_alone() -> dict[str, Any]:
    with transaction.atomic():
        report = documents_import(files=files(), story_name="Bridge")
        alone = summary(report)  # texts, zones and meta are read from the rows, before the rollback
        transaction.set_rollback(True)
    return alone


def test_a_large_import_prepared_in_worker_processes_gives_what_one_process_gives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    alone = imported_alone()
    monkeypatch.setattr(clean_pool, "PARALLEL_MIN_RECORDS", 5)
    monkeypatch.setattr(clean_pool, "CHUNK_RECORDS", 2)
    monkeypatch.setattr(clean_pool, "AHEAD_CHUNKS", 3)
    report = documents_import(files=files(), story_name="Bridge")
    assert clean_pool._pool is not None  # the workers did the work
    assert summary(report) == alone
    assert [(e.file, e.line) for e in report.errors] == [("pages.jsonl", 5), ("pages.jsonl", 6)]
    assert [(r.file, r.message) for r in report.repeated] == [
        ("again.txt", "same text as pages.jsonl line 1")
    ]
    assert report.to_dict()["counts"]["created"] == 12


class BrokenPool:
    """A pool whose workers died: every result is ``BrokenProcessPool``."""

    def submit(self, *args: object) -> Future:
        future: Future = Future()
        future.set_exception(BrokenProcessPool("a worker was killed"))
        return future

    def shutdown(self, **kwargs: object) -> None:
        pass


def test_a_broken_pool_leaves_the_work_to_the_calling_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    alone = imported_alone()
    monkeypatch.setattr(clean_pool, "PARALLEL_MIN_RECORDS", 5)
    monkeypatch.setattr(clean_pool, "_pool", BrokenPool())
    report = documents_import(files=files(), story_name="Bridge")
    assert summary(report) == alone
    assert clean_pool._pool is None  # dropped: the next import starts a new one


def test_a_small_import_is_prepared_in_the_calling_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clean_pool, "_pool", None)
    monkeypatch.setattr(clean_pool, "_pool_get", lambda: pytest.fail("no pool for a small import"))
    report = documents_import(files=files())
    assert len(report.created) == 12


def test_clean_workers_zero_prepares_every_import_in_the_calling_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CLAIMLENS_CLEAN_WORKERS", "0")
    monkeypatch.setattr(clean_pool, "PARALLEL_MIN_RECORDS", 5)
    monkeypatch.setattr(clean_pool, "_pool", None)
    monkeypatch.setattr(clean_pool, "_pool_get", lambda: pytest.fail("CLAIMLENS_CLEAN_WORKERS=0"))
    report = documents_import(files=files())
    assert len(report.created) == 12


def test_clean_workers_sets_how_many_processes_the_pool_starts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CLAIMLENS_CLEAN_WORKERS", "1")
    monkeypatch.setattr(clean_pool, "PARALLEL_MIN_RECORDS", 5)
    monkeypatch.setattr(clean_pool, "_pool", None)
    try:
        report = documents_import(files=files())
        assert clean_pool._pool is not None and clean_pool._pool._max_workers == 1
    finally:
        if clean_pool._pool is not None:
            clean_pool._pool.shutdown()
    assert len(report.created) == 12


def test_without_clean_workers_the_pool_has_a_process_per_core_and_none_on_one_core(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CLAIMLENS_CLEAN_WORKERS", raising=False)
    monkeypatch.setattr(clean_pool.os, "sched_getaffinity", lambda pid: {0, 1, 2})
    assert clean_pool.pool_size() == 3
    monkeypatch.setattr(clean_pool.os, "sched_getaffinity", lambda pid: {0})
    assert clean_pool.pool_size() == 0


def test_clean_workers_that_is_not_a_number_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMLENS_CLEAN_WORKERS", "all")
    with pytest.raises(ValueError, match="CLAIMLENS_CLEAN_WORKERS"):
        clean_pool.pool_size()
