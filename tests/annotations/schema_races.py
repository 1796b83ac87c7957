"""What the schema-lock tests share: a set with one CUE span to race on, and the race itself
(a save that holds its transaction open while a schema change starts on another connection,
which must wait for it), on real PostgreSQL connections."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from django.db import connection, transaction

from annotations.models import AnnotationSet
from annotations.services.annotation_sets import annotation_set_open
from annotations.services.errors import DomainError
from annotations.services.projects import project_create, project_documents_add
from annotations.services.set_write import annotation_set_write
from tests import factories

CUE_SPAN = {"label": "CUE", "start": 10, "end": 14, "text": "said"}


def a_set_to_race_on(name: str) -> tuple[object, object, AnnotationSet]:
    """The owner, their project (news-attribution schema) and their set on one document."""
    owner = factories.UserFactory(username="owner")
    project = project_create(name=name, owner=owner)
    document = factories.DocumentFactory(text="Officials said the strike would end.")
    project_documents_add(project=project, documents=[document])
    aset, _ = annotation_set_open(project=project, document=document, author=owner)
    return owner, project, aset


def waiting_for_a_lock(timeout: float = 10.0) -> bool:
    """Whether another connection is waiting on a row lock (polled, at most ``timeout``)."""
    deadline = time.monotonic() + timeout
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND datname = current_database()"
            )
            if cursor.fetchone()[0]:
                return True
            time.sleep(0.02)
    return False


def change_during_a_save(
    aset: AnnotationSet, owner: object, change: Callable[[], None], name: str
) -> dict[str, object]:
    """Save the CUE span in a transaction held open, start ``change`` on another connection,
    check that it waits for the save, let the save commit, and give what each ended with:
    ``outcome[name]`` is "done" or the ``DomainError``'s details; ``"save"`` an exception."""
    saved, commit = threading.Event(), threading.Event()
    outcome: dict[str, object] = {}

    def save() -> None:
        try:
            with transaction.atomic():
                data = {"version": aset.version, "spans": [CUE_SPAN]}
                annotation_set_write(annotation_set=aset, data=data, writer=owner)
                saved.set()
                commit.wait(timeout=10)
        except BaseException as exc:  # noqa: BLE001 - shown by the caller's assertion
            outcome["save"] = exc
        finally:
            saved.set()
            connection.close()

    def changing() -> None:
        try:
            change()
            outcome[name] = "done"
        except DomainError as exc:
            outcome[name] = exc.details
        finally:
            connection.close()

    saver = threading.Thread(target=save)
    saver.start()
    assert saved.wait(timeout=10)
    assert "save" not in outcome, outcome
    changer = threading.Thread(target=changing)
    changer.start()
    assert waiting_for_a_lock(), f"the {name} should wait for the save in flight"
    assert name not in outcome
    commit.set()
    saver.join(timeout=10)
    changer.join(timeout=10)
    return outcome
