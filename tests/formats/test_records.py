"""The native record's shapes (``records.py``): what they require, and that the export's
records fill every field they name (pure: no database)."""

from __future__ import annotations

import typing

import pytest

from annotations.formats.records import (
    CommentRecord,
    DocumentRecord,
    Header,
    ProjectSettings,
    ReadDocument,
    RelationRecord,
    SetRecord,
    SourceRecord,
    SpanRecord,
    StanceRecord,
)
from tests.formats.sample_records import documents, header


@pytest.mark.parametrize(
    ("shape", "required"),
    [
        (Header, {"claimlens", "version"}),
        (DocumentRecord, {"text"}),
        (ReadDocument, {"text"}),
        (SetRecord, set()),
        (SpanRecord, {"label", "start", "end"}),
        (RelationRecord, {"type", "source", "target"}),
        (StanceRecord, {"value"}),
        (CommentRecord, {"author", "created_at", "text"}),
    ],
)
def test_a_shape_requires_only_what_every_record_of_its_kind_has(shape, required):
    assert shape.__required_keys__ == required
    assert shape.__optional_keys__ == set(typing.get_type_hints(shape)) - required


def test_the_export_fills_every_field_of_every_shape():
    given = header()
    assert set(given) == set(typing.get_type_hints(Header))
    assert set(given["project"]) == set(typing.get_type_hints(ProjectSettings))
    for entry in given["sources"]:
        assert set(entry) == set(typing.get_type_hints(SourceRecord))
    for record in documents():
        assert set(record) == set(typing.get_type_hints(DocumentRecord))
        for aset in record["sets"]:
            assert set(aset) == set(typing.get_type_hints(SetRecord))
            for items, shape in (
                (aset["spans"], SpanRecord),
                (aset["relations"], RelationRecord),
                (aset["stances"], StanceRecord),
            ):
                for item in items:
                    assert set(item) == set(typing.get_type_hints(shape))
        for item in record["comments"] + [c for s in record["sets"] for c in s["comments"]]:
            assert set(item) == set(typing.get_type_hints(CommentRecord))


def test_a_read_document_is_a_document_record_with_its_place():
    assert set(typing.get_type_hints(ReadDocument)) == {
        *typing.get_type_hints(DocumentRecord),
        "_where",
    }
