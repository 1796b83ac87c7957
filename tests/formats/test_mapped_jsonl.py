"""JSONL read through a field mapping, NewsMTSC above all (pure: no database)."""

from __future__ import annotations

import orjson
import pytest

from annotations.formats import import_spec
from annotations.formats.mapped_jsonl import mapping_problems, read
from annotations.schema import validate_definition

# The mapping documented in annotations/formats/mapped_jsonl.py for NewsMTSC.
NEWSMTSC = {
    "text": "sentence_normalized",
    "id": "primary_gid",
    "kind": "gold",
    "author": {"const": "newsmtsc"},
    "spans": {
        "path": "targets",
        "start": "from",
        "end": "to",
        "label": {"const": "SOURCE"},
        "text": "mention",
        "stance": {"value": "polarity", "map": {"2": "against", "4": "neutral", "6": "favor"}},
    },
}
POLARITY = {2.0: "against", 4.0: "neutral", 6.0: "favor"}
SIMPLE = {
    "text": "body",
    "spans": {"path": "quotes", "start": "a", "end": "b", "label": {"const": "CLAIM"}},
}
TEXT = "Officials said the strike would end soon."


def jsonl(*items: object) -> bytes:
    return b"".join(orjson.dumps(item) + b"\n" for item in items)


def errors_of(result) -> list[tuple[str, int | None, str]]:  # noqa: ANN001
    return [(e.file, e.line, e.message) for e in result.errors]


def test_mapped_jsonl_is_registered_as_an_import():
    assert import_spec("mapped-jsonl").read is read


@pytest.mark.parametrize("name", ["devtest_mt.head150.jsonl", "devtest_rw.head150.jsonl"])
def test_newsmtsc_reads_with_its_documented_mapping(datasets_dir, name: str):
    data = (datasets_dir / "newsmtsc-sample" / name).read_bytes()
    sentences = [orjson.loads(line) for line in data.splitlines()]

    result = read([(name, data)], {"mapping": NEWSMTSC})

    assert result.errors == []
    assert len(result.documents) == len(sentences) == 150
    for record, sentence in zip(result.documents, sentences, strict=True):
        assert record["text"] == sentence["sentence_normalized"]
        assert record["meta"] == {"source_id": sentence["primary_gid"]}
        [gold] = record["sets"]
        assert (gold["kind"], gold["author"]) == ("gold", "newsmtsc")
        targets = sentence["targets"]
        assert [(s["label"], s["start"], s["end"], s["text"]) for s in gold["spans"]] == [
            ("SOURCE", t["from"], t["to"], t["mention"]) for t in targets
        ]
        spans = {span["id"]: span for span in gold["spans"]}
        assert [(spans[x["object"]]["text"], x["holder"], x["value"]) for x in gold["stances"]] == [
            (t["mention"], None, POLARITY[t["polarity"]]) for t in targets
        ]


def test_newsmtsc_with_derive_schema_brings_a_valid_schema(datasets_dir):
    path = datasets_dir / "newsmtsc-sample" / "devtest_mt.head150.jsonl"
    result = read([(path.name, path.read_bytes())], {"mapping": NEWSMTSC, "derive_schema": True})
    schema = validate_definition(result.header["schema"])
    assert [label["key"] for label in schema["span_labels"]] == ["SOURCE"]
    assert sorted(schema["stance"]["values"]) == ["against", "favor", "neutral"]
    assert schema["stance"]["object_labels"] == ["SOURCE"]


def test_a_minimal_mapping_gives_the_importers_own_set():
    data = jsonl({"body": TEXT, "quotes": [{"a": 15, "b": 40}]})
    [record] = read([("m.jsonl", data)], {"mapping": SIMPLE}).documents
    [aset] = record["sets"]
    assert aset["kind"] == "annotator" and "author" not in aset
    assert [(s["label"], s["text"]) for s in aset["spans"]] == [
        ("CLAIM", "the strike would end soon")
    ]
    assert aset["stances"] == [] and record["_where"] == {"file": "m.jsonl", "line": 1}


def test_dotted_paths_reach_into_objects_and_lists():
    mapping = {
        "text": "doc.body",
        "title": "doc.headline",
        "outlet": "source.0.name",
        "meta": {"section": "doc.section", "absent": "doc.nowhere"},
        "spans": {
            "path": "doc.quotes",
            "start": "at.start",
            "end": "at.end",
            "label": "kind",
            "attributes": {"side": "who.side", "weight": "weight", "none": "missing"},
        },
    }
    line = {
        "doc": {
            "body": TEXT,
            "headline": "Strike",
            "section": "labour",
            "quotes": [{"at": {"start": 0, "end": 9}, "kind": "SOURCE",
                        "who": {"side": "port"}, "weight": 2.0}],
        },
        "source": [{"name": "Harbour Ledger"}],
    }  # fmt: skip
    [record] = read([("m.jsonl", jsonl(line))], {"mapping": mapping}).documents
    assert (record["title"], record["outlet"], record["meta"]) == (
        "Strike",
        "Harbour Ledger",
        {"section": "labour"},
    )
    [span] = record["sets"][0]["spans"]
    assert (span["label"], span["text"]) == ("SOURCE", "Officials")
    assert span["attributes"] == {"side": "port", "weight": "2"}


def test_a_missing_field_is_reported_at_its_line_by_name():
    data = jsonl({"body": TEXT, "quotes": []}, {"other": "x"}, {"body": TEXT, "quotes": [{"a": 0}]})
    result = read([("m.jsonl", data)], {"mapping": SIMPLE})
    assert errors_of(result) == [
        ("m.jsonl", 2, 'field "body" (text) is missing'),
        ("m.jsonl", 3, 'field "quotes[0].b" (span end) is missing'),
    ]
    assert [d["_where"]["line"] for d in result.documents] == [1]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"a": "15", "b": 40}, "field \"quotes[0].a\" (span start): '15' is not a whole number"),
        ({"a": 15, "b": 40.5}, 'field "quotes[0].b" (span end): 40.5 is not a whole number'),
        ({"a": True, "b": 40}, 'field "quotes[0].a" (span start): True is not a whole number'),
        ({"a": 15, "b": 99}, '"quotes[0]": [15, 99) is not a range inside the text (41 code'),
        ({"a": 20, "b": 15}, '"quotes[0]": [20, 15) is not a range inside the text'),
        ("15-40", 'field "quotes[0]" (span) is not an object'),
    ],
)
def test_bad_offsets_are_reported_naming_the_field(entry: object, message: str):
    result = read([("m.jsonl", jsonl({"body": TEXT, "quotes": [entry]}))], {"mapping": SIMPLE})
    [(file, line, said)] = errors_of(result)
    assert (file, line) == ("m.jsonl", 1) and said.startswith(message)


def test_whole_number_floats_are_taken_as_offsets():
    data = jsonl({"body": TEXT, "quotes": [{"a": 15.0, "b": 40.0}]})
    [record] = read([("m.jsonl", data)], {"mapping": SIMPLE}).documents
    assert record["sets"][0]["spans"][0]["start"] == 15


def test_quoted_text_that_differs_from_the_offsets_is_an_error():
    mapping = {**NEWSMTSC, "spans": {**NEWSMTSC["spans"], "stance": None}}
    line = {"sentence_normalized": TEXT, "targets": [{"from": 0, "to": 9, "mention": "Officers"}]}
    [(_, line_number, message)] = errors_of(read([("m.jsonl", jsonl(line))], {"mapping": mapping}))
    assert line_number == 1
    assert message == (
        "field \"targets[0].mention\" (span text): 'Officers' is not the text at [0, 9), "
        "'Officials'"
    )


def test_a_value_missing_from_the_map_is_an_error_naming_it():
    line = {
        "sentence_normalized": TEXT,
        "targets": [{"from": 0, "to": 9, "mention": "Officials", "polarity": 5.0}],
    }
    [(_, _, message)] = errors_of(read([("m.jsonl", jsonl(line))], {"mapping": NEWSMTSC}))
    assert message == 'field "targets[0].polarity": 5.0 is not in the map (2, 4, 6)'


@pytest.mark.parametrize(
    ("mapping", "problem"),
    [
        ("text", 'the option "mapping" must be a JSON object naming at least "text"'),
        ({}, "text: required (where each line keeps its text)"),
        ({"text": "body", "txt": "x"}, "txt: not a mapping key"),
        ({"text": "body", "annotator": "who"}, 'annotator: not a mapping key (now "author")'),
        ({"text": "body", "model": "m"}, 'model: not a mapping key (now "model_name")'),
        ({"text": ""}, "text: '' is not a field path (\"a.b\") or {\"const\": value}"),
        ({"text": "a..b"}, "text: 'a..b' is not a field path"),
        ({"text": "body", "kind": "expert"}, "kind: 'expert' is not one of annotator, gold, model"),
        ({"text": "body", "spans": {"path": "q"}}, "spans.start: required"),
        ({"text": "body", "spans": {**SIMPLE["spans"], "start": {"const": 0}}},
         "spans.start: {'const': 0} is not a field path"),
        ({"text": "body", "spans": {**SIMPLE["spans"], "label": {"const": ""}}},
         "spans.label: the constant label '' is not a name"),
        ({"text": "body", "spans": {**SIMPLE["spans"], "stance": {"map": {}}}},
         'spans.stance: must be an object {"value": source, "map": {...}}'),
        ({"text": "body", "spans": {**SIMPLE["spans"], "stance": {"value": "p", "map": []}}},
         "spans.stance.map: must be an object {raw value: stance value}"),
    ],
)  # fmt: skip
def test_a_bad_mapping_is_refused_before_any_line_is_read(mapping: object, problem: str):
    result = read([("m.jsonl", jsonl({"body": TEXT}))], {"mapping": mapping})
    assert result.documents == []
    assert any(e.file == "mapping" and e.line is None and e.message.startswith(problem)
               for e in result.errors), errors_of(result)  # fmt: skip


def test_a_model_set_takes_its_model_name_from_the_line():
    mapping = {"text": "body", "kind": "model", "model_name": "tagger"}
    line = {"body": TEXT, "tagger": "claim-tagger-v3"}
    [record] = read([("m.jsonl", jsonl(line))], {"mapping": mapping}).documents
    [aset] = record["sets"]
    assert (aset["kind"], aset["model_name"]) == ("model", "claim-tagger-v3")


def test_the_documented_newsmtsc_mapping_has_no_problems():
    assert mapping_problems(NEWSMTSC) == []


def test_an_empty_file_is_an_error():
    result = read([("m.jsonl", b"")], {"mapping": SIMPLE})
    assert errors_of(result) == [("m.jsonl", None, "no lines with a text: an empty file?")]
