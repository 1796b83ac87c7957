"""A set write linking a span to an entry and the entry's deletion, at the same time: the
write holds the project's registry keys (FOR KEY SHARE) until it commits, so the deletion
waits for it and then sees the span and is refused; nothing is left linking to a key that
is gone. On real PostgreSQL connections."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction

from annotations.models import SourceEntry, Span
from annotations.services.set_write import annotation_set_write
from annotations.services.sources import SourceInUse, source_create, source_delete
from tests.annotations.schema_races import a_set_to_race_on, waiting_for_a_lock

pytestmark = pytest.mark.django_db(transaction=True)

OFFICIALS = {"label": "SOURCE", "start": 0, "end": 9, "text": "Officials"}


def test_a_delete_during_a_save_that_links_the_entry_waits_and_is_refused():
    owner, project, aset = a_set_to_race_on("Registry race")
    entry = source_create(project=project, data={"name": "US officials"})
    saved, commit = threading.Event(), threading.Event()
    outcome: dict[str, object] = {}

    def save() -> None:
        try:
            with transaction.atomic():
                span = {**OFFICIALS, "attributes": {"entry": entry.key}}
                data = {"version": aset.version, "spans": [span]}
                annotation_set_write(annotation_set=aset, data=data, writer=owner)
                saved.set()
                commit.wait(timeout=10)
        except BaseException as exc:  # noqa: BLE001 - shown by the assertion below
            outcome["save"] = exc
        finally:
            saved.set()
            connection.close()

    def delete() -> None:
        try:
            source_delete(entry=entry)
            outcome["delete"] = "done"
        except SourceInUse as exc:
            outcome["delete"] = exc.spans
        finally:
            connection.close()

    saver = threading.Thread(target=save)
    saver.start()
    assert saved.wait(timeout=10) and "save" not in outcome, outcome
    deleter = threading.Thread(target=delete)
    deleter.start()
    assert waiting_for_a_lock(), "the delete should wait for the save in flight"
    assert "delete" not in outcome
    commit.set()
    saver.join(timeout=10)
    deleter.join(timeout=10)
    assert outcome == {"delete": 1}
    assert SourceEntry.objects.filter(pk=entry.pk).exists()
    assert Span.objects.get(annotation_set=aset).attributes == {"entry": entry.key}
