"""The Label Studio JSON export, without a database: every kind of annotation written and read
back (discontinuous spans, yes/no and text attributes), the notes on what it leaves out, and a
task per chunk."""

from __future__ import annotations

import json
from typing import Any

import orjson
from hypothesis import given
from hypothesis import strategies as st

from annotations.formats.label_studio import read, task, write
from annotations.formats.records import ExportNotes, header_with_schema
from tests.formats.label_studio_helpers import (
    TEXT,
    astral_texts,
    at,
    document,
    exported,
    schema,
    span,
)


def content(aset: dict[str, Any]) -> dict[str, Any]:
    """A set with span ids replaced by what the spans are, so sets read back (whose ids are
    region ids) compare with the sets written."""
    spans = {}
    for s in aset["spans"]:
        fragments = tuple(tuple(f) for f in s.get("fragments") or ())
        spans[s["id"]] = (s["label"], s["start"], s["end"], fragments, s["text"])
    return {
        "kind": aset["kind"],
        "who": aset.get("author") or aset.get("model_name"),
        "seconds": aset.get("seconds_spent", 0),
        "spans": sorted((spans[s["id"]], sorted(s["attributes"].items())) for s in aset["spans"]),
        "relations": sorted(
            (r["type"], spans[r["source"]], spans[r["target"]])
            for r in aset["relations"]
            if r.get("target_document") is None
        ),
        "stances": sorted(
            (
                spans.get(s["holder"], ()),
                s.get("target") or "",
                spans.get(s.get("object"), ()),
                s["value"],
            )  # fmt: skip
            for s in aset["stances"]
        ),
        "answers": aset["answers"],
    }


@given(st.data())
def test_any_spans_over_any_text_survive_writing_and_reading(data):
    text = data.draw(astral_texts.filter(str.strip))
    pairs = data.draw(
        st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))), max_size=6)
    )
    spans = [
        {"id": i, "label": "CLAIM", "start": a, "end": b, "text": text[a:b], "attributes": {}}
        for i, (a, b) in enumerate(sorted(p) for p in pairs)
        if a < b
    ]
    gold = {"kind": "gold", "author": "lead", "spans": spans}
    record = {"id": 1, "text": text, "sets": [gold]}

    [back] = read([("t.json", exported(record)[0])], {}).documents

    found = sorted((s["start"], s["end"], s["text"]) for s in back["sets"][0]["spans"])
    assert found == sorted((s["start"], s["end"], s["text"]) for s in spans)


def test_writing_then_reading_gives_back_every_set_of_the_document():
    data, _ = exported(document())

    result = read([("export.json", data)], {})

    assert result.errors == [] and result.notes == []
    [record] = result.documents
    assert record["text"] == TEXT and record["title"] == "Bridge closure to last until autumn"
    assert (record["story"], record["outlet"]) == ("varno-bridge", "Varno Courier")
    written = [content(s) for s in document()["sets"]]
    assert [content(s) for s in record["sets"]] == written


def test_the_discontinuous_claim_is_two_regions_joined_again_on_reading():
    tasks = orjson.loads(exported(document())[0])
    regions = [r for r in tasks[0]["annotations"][0]["result"] if r.get("claimlens_span") == "1"]

    assert [r["value"]["text"] for r in regions] == [
        "The Lindqvist Bridge",
        "will stay closed until autumn",
    ]
    spans = read([("export.json", orjson.dumps(tasks))], {}).documents[0]["sets"][0]["spans"]
    [claim] = [s for s in spans if s.get("fragments")]
    assert claim["fragments"] == [at("The Lindqvist Bridge"), at("will stay closed until autumn")]
    assert claim["text"] == "The Lindqvist Bridge will stay closed until autumn"


def test_yes_no_attributes_are_true_or_false_choices_and_a_choice_named_true_stays_text():
    record = {"id": 1, "text": TEXT, "sets": [{"kind": "annotator", "author": "mira",
              "spans": [span(5, "CLAIM", "the repairs would finish in time", hedged=True,
                             quote_type="true")]}]}  # fmt: skip
    results = task(record, {"discontinuous": 0, "across documents": 0})["annotations"][0]["result"]

    hedged = next(r for r in results if r["from_name"] == "hedged")
    assert hedged["type"] == "choices" and hedged["value"]["choices"] == ["true"]
    assert hedged["value"]["text"] == "the repairs would finish in time"
    tasks = orjson.dumps([task(record, {"discontinuous": 0, "across documents": 0})])
    [back] = read([("t.json", tasks)], {}).documents[0]["sets"][0]["spans"]
    assert back["attributes"] == {"hedged": True, "quote_type": "true"}


def test_text_attributes_are_per_region_text_areas():
    tasks = orjson.loads(exported(document())[0])
    [side] = [r for r in tasks[0]["annotations"][0]["result"] if r.get("from_name") == "side"]

    assert side["type"] == "textarea" and side["value"]["text"] == ["city hall"]
    assert side["id"] == "s2"  # the region of the source it describes


def test_the_export_notes_split_spans_and_links_to_other_documents_once_each():
    _, notes = exported(document(), document())

    assert len(notes.items) == 2
    assert "4 discontinuous spans written as one region per fragment" in notes.items[0]
    assert "2 relations across documents left out" in notes.items[1]


def test_the_export_streams_one_task_per_chunk_inside_a_json_array():
    notes = ExportNotes()
    chunks = list(write(header_with_schema(schema()), [document(), document()], notes))

    assert chunks[0] == b"[" and chunks[-1].strip() == b"]" and len(chunks) == 4
    assert [t["id"] for t in json.loads(b"".join(chunks))] == [12, 12]
    assert b"".join(write({}, [], ExportNotes())).strip() == b"[\n]"
