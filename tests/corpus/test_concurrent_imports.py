"""Imports running at once, each on its own connection: the outlets they share are one row
each, and neither import fails."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import orjson
import pytest
from django.db import connection, transaction

from annotations.services.imports import annotations_import
from annotations.services.projects import project_create
from corpus.models import Document, Outlet
from corpus.services import documents_import
from tests.corpus.sample_articles import LEAD, jsonl
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

FIRST = ["Harbour Ledger", "Quay Observer", "Coastline Wire"]
SECOND = ["coastline  wire", "Veyra Evening Post", "HARBOUR LEDGER"]  # same outlets, other case


def records(outlets: list[str], tag: str) -> list[dict[str, Any]]:
    return [{"text": f"{tag} {n}. {LEAD}", "outlet": o} for n, o in enumerate(outlets)]


class Importer(threading.Thread):
    """Runs ``work`` on its own database connection and keeps its result or error."""

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.work, self.result, self.error, self.backend = work, None, None, 0

    def run(self) -> None:
        try:
            connection.ensure_connection()
            self.backend = connection.connection.info.backend_pid
            self.result = self.work()
        except BaseException as error:  # noqa: BLE001 - reported by the test
            self.error = error
        finally:
            connection.close()


def waiting_on_a_lock(backend: int, timeout: float = 10.0) -> bool:
    """Whether the backend ``backend`` is (or comes to be) waiting for a row lock."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [backend])
            row = cursor.fetchone()
        if row and row[0] == "Lock":
            return True
        time.sleep(0.02)
    return False


def first_holds_its_outlets_until_second_waits(first: Callable[[], Any], second: Importer) -> Any:
    """Run ``first`` in a transaction left open until ``second`` is blocked on its rows."""
    written = threading.Event()
    waited: list[bool] = []

    def hold() -> Any:
        with transaction.atomic():
            result = first()
            written.set()
            while not second.backend:
                time.sleep(0.01)
            waited.append(waiting_on_a_lock(second.backend))
        return result

    holder = Importer(hold)
    holder.start()
    assert written.wait(30), holder.error
    second.start()
    for thread in (holder, second):
        thread.join(60)
    assert holder.error is None and second.error is None, (holder.error, second.error)
    assert waited == [True], "the second import never had to wait for the first's outlets"
    return holder.result


def outlet_rows() -> list[str]:
    return sorted(name.casefold() for name in Outlet.objects.values_list("name", flat=True))


def test_two_corpus_imports_of_overlapping_outlets_at_once_share_one_row_per_name() -> None:
    second = Importer(lambda: documents_import(files=[("b.jsonl", jsonl(*records(SECOND, "B")))]))
    first = first_holds_its_outlets_until_second_waits(
        lambda: documents_import(files=[("a.jsonl", jsonl(*records(FIRST, "A")))]), second
    )
    assert first.errors == [] and second.result.errors == []
    assert len(first.created) == len(second.result.created) == 3
    assert outlet_rows() == [
        "coastline wire",
        "harbour ledger",
        "quay observer",
        "veyra evening post",
    ]
    by_text = {d.text[:3]: d.outlet.name for d in Document.objects.select_related("outlet")}
    assert by_text["B 0"] == by_text["A 2"] == "Coastline Wire"
    assert by_text["B 2"] == by_text["A 0"] == "Harbour Ledger"


def test_a_corpus_import_and_an_annotation_import_at_once_share_one_row_per_outlet() -> None:
    owner = UserFactory(username="owner")
    project = project_create(name="Concurrent", owner=owner)
    data = b"".join(orjson.dumps({**r, "sets": []}) + b"\n" for r in records(SECOND, "B"))

    def annotation_import() -> Any:
        return annotations_import(project=project, user=owner, fmt="jsonl", files=[("b", data)])

    second = Importer(annotation_import)
    first = first_holds_its_outlets_until_second_waits(
        lambda: documents_import(files=[("a.jsonl", jsonl(*records(FIRST, "A")))]), second
    )
    assert first.errors == [] and second.result.ok, second.result.errors
    assert second.result.counts["documents_created"] == 3
    assert outlet_rows() == [
        "coastline wire",
        "harbour ledger",
        "quay observer",
        "veyra evening post",
    ]
