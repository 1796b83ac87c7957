"""Every field of every row travels every path: whole-set PUT -> set GET -> row GET -> native
export -> import -> export. The values are given per column of ``annotations/columns.py``, so
a new column fails here until it has a value and reaches every path."""

from __future__ import annotations

from typing import Any

import pytest

from annotations.columns import ANSWER, BOOKKEEPING, RELATION, ROWS, SPAN, STANCE
from annotations.models import AnnotationSet, Project
from annotations.services.annotation_sets import annotation_set_open
from annotations.services.projects import (
    project_create,
    project_documents_add,
    project_schema_replace,
)
from tests.exchange.helpers import canonical, exported, imported, lines
from tests.factories import DocumentFactory, people_importer
from tests.schemas import schema_with_targets

pytestmark = pytest.mark.django_db

TEXT = "Harbour talks stall. Officials said the strike would end soon, the port authority said."
OTHER = "Port strike drags on. The union said the strike would end soon; nobody believed it."


def place(text: str, words: str) -> list[int]:
    start = text.index(words)
    return [start, start + len(words)]


# A value for every column of every row, with the id of each span given by a ref.
CLAIM = {
    "label": "CLAIM",
    "start": place(TEXT, "the strike")[0],
    "end": place(TEXT, "end soon")[1],
    "fragments": [place(TEXT, "the strike"), place(TEXT, "end soon")],
    "text": "the strike end soon",
    "attributes": {"quote_type": "indirect", "check_worthy": "yes"},
    "provenance": {"method": "accepted", "layers": ["annotator:ana", "annotator:bob"]},
}
SOURCE = {
    "label": "SOURCE",
    "start": place(TEXT, "Officials")[0],
    "end": place(TEXT, "Officials")[1],
    "fragments": None,
    "text": "Officials",
    "attributes": {"source_type": "anonymous_official"},
    "provenance": None,
}
MERGED = {"method": "auto", "layers": ["annotator:ana", "model:rules"]}
RELATION_VALUES = {"type": "ATTRIBUTED_TO", "source": "claim", "target": "source",
                   "attributes": {"confidence": "high"}, "provenance": MERGED}  # fmt: skip
CROSS_VALUES = {"type": "SAME_CLAIM", "source": "claim", "target": "other-claim",
                "attributes": {"note": "same words"}, "provenance": None}  # fmt: skip
STANCE_VALUES = {"holder": "source", "target": None, "object": "claim", "value": "favor",
                 "provenance": {"method": "edited", "layers": ["annotator:bob"]}}  # fmt: skip
TARGET_STANCE = {"holder": None, "target": "union", "object": None, "value": "against",
                 "provenance": None}  # fmt: skip
ANSWER_VALUES = {"question": "framing", "value": {"union": "critical", "authority": "neutral"}}

GIVEN = {
    SPAN: [CLAIM, SOURCE],
    RELATION: [RELATION_VALUES, CROSS_VALUES],
    STANCE: [STANCE_VALUES, TARGET_STANCE],
    ANSWER: [ANSWER_VALUES],
}


def test_every_content_field_of_every_row_model_is_a_column():
    for columns in ROWS:
        fields = {f.name for f in columns.model._meta.concrete_fields} - set(BOOKKEEPING)
        assert {c.field for c in columns.columns} == fields, columns.model.__name__


def test_every_column_has_a_value_in_this_test():
    for columns, rows in GIVEN.items():
        for row in rows:
            assert set(row) == set(columns.keys()), columns.model.__name__


def by_ref(row: dict[str, Any], ids: dict[str, int]) -> dict[str, Any]:
    """The row with its span refs replaced by the span ids they got."""
    return {k: ids.get(v, v) if isinstance(v, str) else v for k, v in row.items()}


@pytest.fixture
def written(people, client_for):  # noqa: ANN001, ANN201
    """The annotator's set on the first document, written whole through the API, with a
    claim on the second document (same story) for the cross-document link."""
    project = people.project
    first, second = (DocumentFactory(text=t, story=people.story) for t in (TEXT, OTHER))
    project_documents_add(project=project, documents=[first, second])
    project_schema_replace(project=project, definition=schema_with_targets())
    client = client_for(people.annotator)
    other_set, _ = annotation_set_open(project=project, document=second, author=people.annotator)
    other_claim = {"ref": "c", "label": "CLAIM", "text": "the strike would end soon",
                   "start": place(OTHER, "the strike would end soon")[0],
                   "end": place(OTHER, "the strike would end soon")[1]}  # fmt: skip
    response = client.put(
        f"/api/v1/sets/{other_set.pk}/", {"version": 1, "spans": [other_claim]}, format="json"
    )
    assert response.status_code == 200, response.content
    aset, _ = annotation_set_open(project=project, document=first, author=people.annotator)
    payload = {
        "version": aset.version,
        "spans": [{**CLAIM, "ref": "claim"}, {**SOURCE, "ref": "source"}],
        "relations": [
            RELATION_VALUES,
            {**CROSS_VALUES, "target": response.json()["refs"]["c"]},
        ],
        "stances": [STANCE_VALUES, TARGET_STANCE],
        "answers": {ANSWER_VALUES["question"]: ANSWER_VALUES["value"]},
    }
    put = client.put(f"/api/v1/sets/{aset.pk}/", payload, format="json")
    assert put.status_code == 200, put.content
    ids = {**put.json()["refs"], "other-claim": response.json()["refs"]["c"]}
    return client, aset, ids, put.json()


def without_id(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != "id"}


def assert_rows_as_given(body: dict[str, Any], ids: dict[str, int]) -> None:
    assert [without_id(s) for s in body["spans"]] == [SOURCE, CLAIM]  # in text order
    assert [without_id(r) for r in body["relations"]] == [
        by_ref(RELATION_VALUES, ids),
        by_ref(CROSS_VALUES, ids),
    ]
    assert [without_id(s) for s in body["stances"]] == [
        by_ref(STANCE_VALUES, ids),
        TARGET_STANCE,
    ]
    assert body["answers"] == {ANSWER_VALUES["question"]: ANSWER_VALUES["value"]}


def test_the_written_set_answers_with_every_field(written):
    _, _, ids, body = written
    assert_rows_as_given(body, ids)


def test_the_set_read_gives_back_every_field(written):
    client, aset, ids, _ = written
    assert_rows_as_given(client.get(f"/api/v1/sets/{aset.pk}/").json(), ids)


def test_each_row_read_gives_back_every_field(written):
    client, aset, ids, body = written
    for part, path in (("spans", "spans"), ("relations", "relations"), ("stances", "stances")):
        for row in body[part]:
            one = client.get(f"/api/v1/{path}/{row['id']}/")
            assert one.status_code == 200, one.content
            assert one.json() == row
        listed = client.get(f"/api/v1/sets/{aset.pk}/{path}/")
        assert listed.json() == body[part]


def test_the_native_export_holds_every_field(written):
    _, aset, ids, _ = written
    project = Project.objects.get(pk=aset.project_id)
    [record] = [r for r in lines(exported(project))[1:] if r["id"] == aset.document_id]
    [exported_set] = [s for s in record["sets"] if s["spans"] and len(s["spans"]) == 2]
    assert_rows_as_given(
        {
            **exported_set,
            "relations": [
                {k: v for k, v in r.items() if k != "target_document"}
                for r in exported_set["relations"]
            ],
        },
        ids,
    )
    cross = exported_set["relations"][1]
    assert cross["target_document"] != aset.document_id and cross["target_document"]


def test_an_import_of_the_export_exports_the_same(written):
    _, aset, _, _ = written
    before = exported(Project.objects.get(pk=aset.project_id))
    owner = people_importer("copier")  # the file names the annotator, not yet a member
    target = project_create(name="Copy", owner=owner)

    outcome = imported(target, owner, before)

    assert outcome.ok, outcome.errors
    assert AnnotationSet.objects.filter(project=target).count() == 2
    assert canonical(exported(Project.objects.get(pk=target.pk))) == canonical(before)
