"""A rename and set writes take turns on the schema's row (schema_lock.py), on real
PostgreSQL connections: a rename waits for a save in flight that stores the old key and then
moves that row too; a save that comes after the rename with the old key is refused."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction

from annotations.models import AnnotationSet, Span
from annotations.schema_renames import KeyRename
from annotations.services.annotation_sets import annotation_set_open
from annotations.services.errors import DomainError, VersionConflict
from annotations.services.projects import project_create, project_documents_add
from annotations.services.schema_changes import project_schema_change
from annotations.services.set_write import annotation_set_write
from tests import factories
from tests.annotations.test_schema_write_order import waiting_for_a_lock

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_rename_waits_for_a_save_storing_the_old_key_and_then_moves_that_span_too():
    owner = factories.UserFactory(username="owner")
    project = project_create(name="Race", owner=owner)
    document = factories.DocumentFactory(text="Officials said the strike would end.")
    project_documents_add(project=project, documents=[document])
    aset, _ = annotation_set_open(project=project, document=document, author=owner)
    saved, commit = threading.Event(), threading.Event()
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

    def rename() -> None:
        try:
            project_schema_change(project=project, renames=[KeyRename("label", "CUE", "VERB")])
            outcome["rename"] = "done"
        except DomainError as exc:
            outcome["rename"] = exc.details
        finally:
            connection.close()

    saver = threading.Thread(target=save)
    saver.start()
    assert saved.wait(timeout=10)
    assert "save" not in outcome, outcome
    renamer = threading.Thread(target=rename)
    renamer.start()
    assert waiting_for_a_lock(), "the rename should wait for the save in flight"
    assert "rename" not in outcome
    commit.set()
    saver.join(timeout=10)
    renamer.join(timeout=10)
    assert outcome == {"rename": "done"}
    assert list(Span.objects.filter(annotation_set=aset).values_list("label", flat=True)) == [
        "VERB"
    ]


def test_a_save_holding_the_version_from_before_a_rename_is_a_conflict_not_an_old_key():
    owner = factories.UserFactory(username="owner")
    project = project_create(name="Late", owner=owner)
    document = factories.DocumentFactory(text="Officials said the strike would end.")
    project_documents_add(project=project, documents=[document])
    aset, _ = annotation_set_open(project=project, document=document, author=owner)
    span = {"label": "CUE", "start": 10, "end": 14, "text": "said"}
    annotation_set_write(
        annotation_set=aset, data={"version": aset.version, "spans": [span]}, writer=owner
    )
    loaded = AnnotationSet.objects.get(pk=aset.pk).version
    project_schema_change(project=project, renames=[KeyRename("label", "CUE", "VERB")])
    stale = {"version": loaded, "spans": [span]}
    with pytest.raises(VersionConflict):
        annotation_set_write(annotation_set=aset, data=stale, writer=owner)
    assert list(Span.objects.filter(annotation_set=aset).values_list("label", flat=True)) == [
        "VERB"
    ]
