"""Schema changes and set writes take turns (annotations/services/schema_lock.py), on real
PostgreSQL connections: a schema replace that drops a label waits for a save storing a span
with it and then refuses; two imports into an empty project do not both apply their schema."""

from __future__ import annotations

import copy
import threading
import time

import orjson
import pytest
from django.db import connection, transaction

from annotations.models import LabelSchema, Span
from annotations.presets import NEWS_ATTRIBUTION
from annotations.services.annotation_sets import annotation_set_open
from annotations.services.errors import DomainError
from annotations.services.imports import service as import_service
from annotations.services.projects import (
    project_create,
    project_documents_add,
    project_schema_replace,
)
from annotations.services.set_write import annotation_set_write
from tests import factories
from tests.exchange.helpers import imported

pytestmark = pytest.mark.django_db(transaction=True)


def without_cue() -> dict:
    definition = copy.deepcopy(NEWS_ATTRIBUTION)
    definition["span_labels"] = [x for x in definition["span_labels"] if x["key"] != "CUE"]
    definition["relation_types"] = [
        r for r in definition["relation_types"]
        if "CUE" not in r["from_labels"] + r["to_labels"]
    ]  # fmt: skip
    return definition


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


def test_a_schema_replace_dropping_a_label_waits_for_a_save_using_it_then_refuses():
    owner = factories.UserFactory(username="owner")
    project = project_create(name="Race", owner=owner)
    document = factories.DocumentFactory(text="Officials said the strike would end.")
    project_documents_add(project=project, documents=[document])
    aset, _ = annotation_set_open(project=project, document=document, author=owner)
    saved = threading.Event()
    commit = threading.Event()
    outcome: dict[str, object] = {}

    def save() -> None:
        try:
            with transaction.atomic():
                span = {"label": "CUE", "start": 10, "end": 14, "text": "said"}
                data = {"version": aset.version, "spans": [span]}
                annotation_set_write(annotation_set=aset, data=data, writer=owner)
                saved.set()
                commit.wait(timeout=10)
        except BaseException as exc:  # noqa: BLE001 - shown by the assertion below
            outcome["save"] = exc
        finally:
            saved.set()
            connection.close()

    def replace() -> None:
        try:
            project_schema_replace(project=project, definition=without_cue())
            outcome["replace"] = "done"
        except DomainError as exc:
            outcome["replace"] = exc.details
        finally:
            connection.close()

    saver = threading.Thread(target=save)
    saver.start()
    assert saved.wait(timeout=10)
    assert "save" not in outcome, outcome
    replacer = threading.Thread(target=replace)
    replacer.start()
    assert waiting_for_a_lock(), "the replace should wait for the save in flight"
    assert "replace" not in outcome
    commit.set()
    saver.join(timeout=10)
    replacer.join(timeout=10)
    assert outcome["replace"] == {
        "span_labels": "CUE is used by 1 span in 1 set; rename or remove them first"
    }
    assert Span.objects.filter(annotation_set=aset, label="CUE").count() == 1
    labels = {
        x["key"] for x in LabelSchema.objects.get(pk=project.schema_id).definition["span_labels"]
    }
    assert "CUE" in labels


def native(schema_labels: list[str], text: str) -> bytes:
    schema = {"span_labels": [{"key": k} for k in schema_labels]}
    header = {"claimlens": "project", "version": 1, "schema": schema}
    start = text.index("said")
    record = {
        "text": text,
        "sets": [{"kind": "annotator", "author": "ana", "spans": [
            {"id": 1, "label": schema_labels[0], "start": start, "end": start + 4, "text": "said"}
        ]}],
    }  # fmt: skip
    return orjson.dumps(header) + b"\n" + orjson.dumps(record) + b"\n"


def test_of_two_imports_into_an_empty_project_only_the_first_applies_its_schema(monkeypatch):
    owner = factories.people_importer("importer")  # the files name "ana", not yet a member
    project = project_create(name="Empty", owner=owner)
    first = native(["FIRST"], "The first report said so.")
    second = native(["SECOND"], "The second report said so.")
    check = import_service.documents_check
    outcomes = {}

    def first_lands_meanwhile(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        """While the second file is checked, the first import runs whole and commits."""
        monkeypatch.setattr(import_service, "documents_check", check)
        outcomes["first"] = imported(project, owner, first)
        return check(*args, **kwargs)

    monkeypatch.setattr(import_service, "documents_check", first_lands_meanwhile)
    outcomes["second"] = imported(project, owner, second)
    assert outcomes["first"].ok, outcomes["first"].errors
    assert not outcomes["second"].ok
    assert "changed while the file was checked" in outcomes["second"].errors[0].message
    keys = [
        x["key"] for x in LabelSchema.objects.get(pk=project.schema_id).definition["span_labels"]
    ]
    assert keys == ["FIRST"]
