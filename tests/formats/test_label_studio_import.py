"""A file as Label Studio writes it, read without a database: sets with code-point offsets,
relations drawn either way, notes on what is not imported, a schema derived from it and
usernames made from its users."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import orjson

from annotations.formats.label_studio import read
from annotations.schema import validate_definition

SAMPLE = Path(__file__).parent / "samples" / "label_studio_export.json"


def test_a_label_studio_export_reads_as_sets_with_code_point_offsets():
    result = read([(SAMPLE.name, SAMPLE.read_bytes())], {})

    assert result.errors == []
    first, second = result.documents
    assert first["meta"] == {"label_studio_task": 101}
    annotator, gold, model = first["sets"]
    assert (annotator["kind"], annotator["author"]) == ("annotator", "label-studio-user-4")
    assert annotator["seconds_spent"] == 438
    assert (gold["kind"], gold["author"]) == ("gold", "ines.moreau@example.org")
    assert (model["kind"], model["model_name"]) == ("model", "bridge-claims-0.3")
    claim = next(s for s in annotator["spans"] if s["text"] == "will stay closed until autumn")
    raw = json.loads(SAMPLE.read_text(encoding="utf-8"))[0]["annotations"][0]["result"][0]
    assert claim["start"] == first["text"].index("will stay") == raw["value"]["start"] - 1
    assert claim["attributes"] == {"quote_type": "indirect"}
    assert annotator["answers"] == {"tone": "critical"}  # a classification by its own name


def test_a_relation_drawn_leftwards_is_read_from_its_other_end():
    [first, _] = read([(SAMPLE.name, SAMPLE.read_bytes())], {}).documents
    spans = {s["id"]: s["text"] for s in first["sets"][0]["spans"]}

    pairs = [(spans[r["source"]], spans[r["target"]]) for r in first["sets"][0]["relations"]]

    assert ("the repairs would finish in time", "Ferry operators") in pairs


def test_what_cannot_be_imported_is_listed_in_the_notes():
    result = read([(SAMPLE.name, SAMPLE.read_bytes())], {})

    messages = [(n.file, n.line, n.message) for n in result.notes]
    assert messages == [
        (SAMPLE.name, 1, "task 1, annotation 1: a 'rating' result (confidence) was not imported"),
        (SAMPLE.name, 1, "task 1, annotation 3: cancelled, not imported"),
        (SAMPLE.name, 2, "task 2, annotation 1: a 'textarea' result (notes) was not imported"),
    ]


def test_a_derived_schema_is_valid_and_uses_keys_made_from_label_studio_names():
    where = {"start": 0, "end": 5, "text": "Varno"}
    region = {"id": "r1", "from_name": "ner", "to_name": "text", "type": "labels",
              "value": {**where, "labels": ["Named Place"]}}  # fmt: skip
    kind = {"id": "r1", "from_name": "place kind", "to_name": "text", "type": "choices",
            "value": {**where, "choices": ["town"]}}  # fmt: skip
    extra = orjson.dumps([{"id": 3, "data": {"text": "Varno, 3 May"},
                           "annotations": [{"result": [region, kind]}]}])  # fmt: skip
    files = [(SAMPLE.name, SAMPLE.read_bytes()), ("extra.json", extra)]

    result = read(files, {"derive_schema": True})

    definition = validate_definition(result.header["schema"])
    labels = {label["key"]: label for label in definition["span_labels"]}
    assert set(labels) == {"CLAIM", "SOURCE", "CUE", "Named_Place"}
    assert [a["key"] for a in labels["Named_Place"]["attributes"]] == ["place_kind"]
    assert [r["key"] for r in definition["relation_types"]] == ["ATTRIBUTED_TO"]
    assert [q["key"] for q in definition["document_questions"]] == ["tone"]
    [place] = result.documents[-1]["sets"][0]["spans"]
    assert place["label"] == "Named_Place" and place["attributes"] == {"place_kind": "town"}


def test_a_username_is_made_from_an_email_or_a_user_id():
    def annotator(completed_by: Any) -> Any:
        annotation = {"completed_by": completed_by, "result": []}
        file = orjson.dumps([{"id": 1, "data": {"text": "Varno"}, "annotations": [annotation]}])
        return read([("a.json", file)], {}).documents[0]["sets"][0]["author"]

    assert annotator({"id": 2, "email": "ana lee@example.org"}) == "ana_lee@example.org"
    assert annotator({"id": 2, "email": ""}) == "label-studio-user-2"
    assert annotator(17) == "label-studio-user-17"
    assert annotator(None) is None  # the import gives the set to the importing person
