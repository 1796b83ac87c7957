"""Every export that has no place for a kind of annotation counts what it left out, per
kind, in one line of the export's notes (pure: no database)."""

from __future__ import annotations

import csv
import io

import pytest

from annotations.formats import export_spec
from annotations.formats.records import ExportNotes

TEXT = "Officials said the strike would end soon."
COMMENT = {"author": "rhea", "created_at": "2026-01-01T00:00:00Z", "text": "Sure?"}


def record() -> dict:
    spans = [
        {"id": 1, "label": "SOURCE", "start": 0, "end": 9, "text": "Officials"},
        {"id": 2, "label": "CLAIM", "start": 15, "end": 40, "text": TEXT[15:40],
         "attributes": {"quote_type": "indirect"}},
    ]  # fmt: skip
    aset = {
        "kind": "annotator", "author": "anna", "status": "submitted", "spans": spans,
        "relations": [{"type": "ATTRIBUTED_TO", "source": 2, "target": 1,
                       "attributes": {"certainty": "high"}}],
        "stances": [{"holder": 1, "object": 2, "value": "favor"}],
        "answers": {"framing": "critical", "topic": "labour"},
        "comments": [COMMENT, COMMENT],
    }  # fmt: skip
    return {"id": 7, "title": "Strike", "text": TEXT, "sets": [aset], "comments": [COMMENT]}


def written(fmt: str) -> tuple[bytes, list[str]]:
    notes = ExportNotes()
    header = {"claimlens": "project", "version": 2, "schema": {}}
    data = b"".join(export_spec(fmt).write(header, [record()], notes))
    return data, notes.items


@pytest.mark.parametrize(
    ("fmt", "note"),
    [
        ("csv-spans", "csv-spans: left out 1 relation, 1 stance, 2 answers, 3 comments "
                      "(a row per span: see csv-stances)"),
        ("csv-stances", "csv-stances: left out 1 relation, 2 answers, 3 comments "
                        "(a row per stance)"),
        ("hf-jsonl", "hf-jsonl: left out 3 comments (a dataset row has no comment threads)"),
        ("hf-parquet", "hf-parquet: left out 3 comments (a dataset row has no comment threads)"),
        ("spacy", "spacy: left out 3 comments (a DocBin has no place for comment threads)"),
        ("label-studio", "label-studio: left out 3 comments, 1 relation attribute value (tasks "
                         "are written without comments and relation attributes)"),
    ],
)  # fmt: skip
def test_what_a_format_cannot_hold_is_counted_in_the_notes(fmt, note):
    _, notes = written(fmt)
    assert notes == [note]


def test_the_csv_file_itself_stays_a_plain_table_of_spans():
    # CSV has no comment syntax its readers agree on: the counts go to the notes only.
    data, _ = written("csv-spans")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert [row["span_id"] for row in rows] == ["1", "2"]


def test_a_document_without_anything_left_out_adds_no_note():
    notes = ExportNotes()
    plain = record()
    plain["comments"] = []
    plain["sets"][0].update(relations=[], stances=[], answers={}, comments=[])
    list(export_spec("csv-spans").write({"claimlens": "project", "version": 2}, [plain], notes))
    assert notes.items == []
