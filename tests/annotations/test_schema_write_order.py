"""Schema changes and set writes take turns (annotations/services/schema_lock.py), on real
PostgreSQL connections: a schema replace that drops a label waits for a save storing a span
with it and then refuses; two imports into an empty project do not both apply their schema."""

from __future__ import annotations

import copy

import orjson
import pytest

from annotations.models import LabelSchema, Span
from annotations.presets import NEWS_ATTRIBUTION
from annotations.services.imports import service as import_service
from annotations.services.projects import (
    project_create,
    project_schema_replace,
)
from tests import factories
from tests.annotations.schema_races import a_set_to_race_on, change_during_a_save
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


def test_a_schema_replace_dropping_a_label_waits_for_a_save_using_it_then_refuses():
    owner, project, aset = a_set_to_race_on("Race")

    outcome = change_during_a_save(
        aset,
        owner,
        lambda: project_schema_replace(project=project, definition=without_cue()),
        "replace",
    )

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
