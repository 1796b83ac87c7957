"""Label Studio JSON (pure: no database): UTF-16 offsets out and in, a round trip of every kind
of annotation, our export read by the Label Studio SDK's own converter, a file as Label
Studio writes it, and bad input named by file and task."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotations.formats.label_studio import labeling_config, read, task, write
from annotations.formats.records import ExportNotes, header_with_schema
from annotations.presets import NEWS_ATTRIBUTION
from annotations.schema import validate_definition
from annotations.spans import Utf16Offsets, codepoint_to_utf16_index, utf16_index_to_codepoint

SAMPLE = Path(__file__).parent / "samples" / "label_studio_export.json"

# A made-up event. The bridge emoji before every span puts each UTF-16 offset one unit after
# its code-point offset.
TEXT = (
    "Varno, 3 May 🌉 The Lindqvist Bridge, officials said on Tuesday, will stay closed until "
    "autumn. Ferry operators doubted that the repairs would finish in time, a union "
    "spokesperson said."
)


def js_slice(text: str, start: int, end: int) -> str:
    """``text.slice(start, end)`` as JavaScript (and so Label Studio) computes it."""
    return text.encode("utf-16-le")[start * 2 : end * 2].decode("utf-16-le")


def at(words: str, occurrence: int = 0) -> list[int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(words, start + 1)
    return [start, start + len(words)]


def span(span_id: int, label: str, words: str, **attributes: Any) -> dict[str, Any]:
    start, end = at(words)
    return {"id": span_id, "label": label, "start": start, "end": end, "text": words,
            "attributes": attributes}  # fmt: skip


def schema() -> dict[str, Any]:
    definition = copy.deepcopy(NEWS_ATTRIBUTION)
    definition["stance"]["targets"] = [
        {"key": "city", "name": "The city council"},
        {"key": "ferries", "name": "The ferry operators"},
    ]
    claim = definition["span_labels"][0]
    claim["attributes"].append({"key": "hedged", "name": "Hedged", "type": "bool"})
    definition["document_questions"].append(
        {
            "key": "topics",
            "text": "Topics",
            "type": "multi",
            "choices": ["transport", "labour", "weather"],
        }  # fmt: skip
    )
    return validate_definition(definition)


def document() -> dict[str, Any]:
    """One report with an annotator's set (a discontinuous claim, attributes of every kind,
    relations, one into another document, stances of every shape, answers), a gold set and
    a model set."""
    first, second = at("The Lindqvist Bridge"), at("will stay closed until autumn")
    bridge = {
        "id": 1,
        "label": "CLAIM",
        "start": first[0],
        "end": second[1],
        "fragments": [first, second],
        "text": "The Lindqvist Bridge will stay closed until autumn",
        "attributes": {"quote_type": "indirect", "check_worthy": "yes", "hedged": False},
    }
    annotator = {
        "kind": "annotator",
        "author": "mira",
        "model_name": None,
        "status": "submitted",
        "started_at": "2026-05-04T09:12:44+00:00",  # the gold set has no time: as imported
        "submitted_at": "2026-05-04T09:20:01+00:00",
        "seconds_spent": 312,
        "spans": [
            bridge,
            span(2, "SOURCE", "officials", source_type="anonymous_official", side="city hall"),
            span(3, "CUE", "said"),
            span(4, "SOURCE", "Ferry operators", source_type="anonymous_other"),
            span(
                5, "CLAIM", "the repairs would finish in time", quote_type="indirect", hedged=True
            ),  # fmt: skip
            span(6, "CUE", "doubted"),
            span(7, "SOURCE", "a union spokesperson"),
        ],
        "relations": [
            {"type": "ATTRIBUTED_TO", "source": 1, "target": 2, "target_document": None},
            {"type": "CUE_OF", "source": 3, "target": 1, "target_document": None},
            {"type": "ATTRIBUTED_TO", "source": 5, "target": 4, "target_document": None},
            {"type": "CUE_OF", "source": 6, "target": 5, "target_document": None},
            {"type": "SAME_CLAIM", "source": 1, "target": 40, "target_document": 8},
        ],
        "stances": [
            {"holder": 4, "target": None, "object": 1, "value": "against"},
            {"holder": 2, "target": "city", "object": None, "value": "favor"},
            {"holder": None, "target": "ferries", "object": None, "value": "neutral"},
            {"holder": None, "target": None, "object": 5, "value": "unclear"},
        ],
        "answers": {
            "framing": {"city": "critical", "ferries": "sympathetic"},
            "topics": ["transport", "labour"],
        },
    }
    gold = {
        "kind": "gold",
        "author": "lead",
        "model_name": None,
        "status": "curated",
        "seconds_spent": 40,
        "spans": [bridge, span(2, "SOURCE", "officials")],
        "relations": [{"type": "ATTRIBUTED_TO", "source": 1, "target": 2}],
        "stances": [],
        "answers": {},
    }
    model = {
        "kind": "model",
        "author": None,
        "model_name": "claim-tagger-v2",
        "spans": [span(9, "CLAIM", "will stay closed until autumn")],
        "relations": [],
        "stances": [],
        "answers": {},
    }
    return {"id": 12, "title": "Bridge closure to last until autumn", "text": TEXT,
            "story": "varno-bridge", "outlet": {"name": "Varno Courier", "domain": ""},
            "sets": [annotator, gold, model]}  # fmt: skip


def exported(*records: dict[str, Any]) -> tuple[bytes, ExportNotes]:
    notes = ExportNotes()
    data = b"".join(write(header_with_schema(schema()), records, notes))
    return data, notes


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


# --- offsets -------------------------------------------------------------------------------


def test_an_emoji_before_a_span_moves_its_label_studio_offsets_one_unit_on():
    record = {"id": 1, "text": TEXT, "sets": [
        {"kind": "gold", "spans": [span(2, "SOURCE", "officials")]}]}  # fmt: skip

    [region] = task(record, {"discontinuous": 0, "across documents": 0})["annotations"][0]["result"]

    start, end = at("officials")
    assert (region["value"]["start"], region["value"]["end"]) == (start + 1, end + 1)
    assert js_slice(TEXT, region["value"]["start"], region["value"]["end"]) == "officials"


def test_every_exported_region_selects_its_text_in_javascript_terms():
    tasks = orjson.loads(exported(document())[0])
    layers = tasks[0]["annotations"] + tasks[0]["predictions"]
    regions = [r["value"] for layer in layers for r in layer["result"] if r["type"] == "labels"]

    assert len(regions) == 8 + 3 + 1  # the split claim is two regions in two sets
    for value in regions:
        assert js_slice(TEXT, value["start"], value["end"]) == value["text"]
        assert TEXT[value["start"] : value["end"]] != value["text"]  # code points would miss


def test_reading_moves_utf16_offsets_back_to_code_points():
    start, end = at("officials")
    region = {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
              "value": {"start": start + 1, "end": end + 1, "text": "officials",
                        "labels": ["SOURCE"]}}  # fmt: skip
    file = orjson.dumps([{"id": 1, "data": {"text": TEXT}, "annotations": [{"result": [region]}]}])

    [found] = read([("ls.json", file)], {}).documents[0]["sets"][0]["spans"]

    assert (found["start"], found["end"], found["text"]) == (start, end, "officials")


astral_texts = st.text(alphabet=st.sampled_from(["a", " ", "é", "中", "🌉", "😟", "\U0010ffff"]))


@given(astral_texts)
def test_the_many_offsets_converter_agrees_with_the_one_offset_functions(text):
    offsets = Utf16Offsets(text)
    for index in range(len(text) + 1):
        assert offsets.to_utf16(index) == codepoint_to_utf16_index(text, index)
        assert offsets.to_codepoint(codepoint_to_utf16_index(text, index)) == index
    units = len(text.encode("utf-16-le")) // 2
    for index in range(-1, units + 2):
        try:
            expected: Any = utf16_index_to_codepoint(text, index)
        except ValueError as error:
            expected = str(error)
        try:
            got: Any = offsets.to_codepoint(index)
        except ValueError as error:
            got = str(error)
        if index == units - 1 and text and ord(text[-1]) > 0xFFFF:
            # inside the last character: the one-offset function says "past the end"
            assert "inside a surrogate pair" in got
        else:
            assert got == expected


# --- round trip ----------------------------------------------------------------------------


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


# --- a real reader: the Label Studio SDK ---------------------------------------------------


def test_the_label_studio_converter_reads_our_spans_and_choices(tmp_path):
    # The converter sorts annotations by created_at; one with and one without would stop it.
    from label_studio_sdk.converter import Converter

    path = tmp_path / "export.json"
    path.write_bytes(exported(document())[0])
    converter = Converter(config=labeling_config(schema()), project_dir=str(tmp_path),
                          download_resources=False)  # fmt: skip

    converter.convert(str(path), str(tmp_path / "out"), "JSON_MIN", is_dir=False)

    converted = json.loads((tmp_path / "out" / "result.json").read_text(encoding="utf-8"))
    by_annotator = {item["annotation_id"]: item for item in converted}
    assert sorted(by_annotator) == [1, 2]  # the two annotations; predictions are not output
    mira = by_annotator[1]
    regions = sorted((r["start"], r["end"], r["text"], r["labels"][0]) for r in mira["label"])
    pieces = sorted(
        (a + 1, b + 1, TEXT[a:b], s["label"])
        for s in document()["sets"][0]["spans"]
        for a, b in s.get("fragments") or [(s["start"], s["end"])]
    )
    assert regions == pieces
    for start, end, text, _ in regions:
        assert js_slice(mira["text"], start, end) == text
    assert mira["answer:framing:city"] == "critical"
    assert mira["answer:topics"] == {"choices": ["transport", "labour"]}
    assert mira["quote_type"] == ["indirect", "indirect"]  # the two claims'
    assert mira["side"] == "city hall"


def test_the_labeling_config_parses_with_the_sdk_and_offers_every_name_we_write():
    from label_studio_sdk.converter.utils import parse_config

    parsed = parse_config(labeling_config(schema()))

    assert parsed["label"]["labels"] == ["CLAIM", "SOURCE", "CUE"]
    assert parsed["label"]["to_name"] == ["text"]
    tasks = orjson.loads(exported(document())[0])
    results = [r for a in tasks[0]["annotations"] for r in a["result"]]
    named = {r["from_name"] for r in results if "from_name" in r}
    assert named <= set(parsed)
    assert parsed["hedged"]["labels"] == ["true", "false"]
    assert parsed["answer:topics"]["type"] == "Choices"


def test_the_labeling_config_names_each_control_once():
    from xml.etree import ElementTree

    root = ElementTree.fromstring(labeling_config(schema()))
    names = [tag.get("name") for tag in root if tag.get("name")]

    assert len(names) == len(set(names)), sorted(names)
    assert {"stance:city", "stance_of_document:city", "stance_of_document"} <= set(names)


# --- a file as Label Studio writes it ------------------------------------------------------


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


# --- bad input -----------------------------------------------------------------------------


def two_tasks(*results: dict[str, Any]) -> bytes:
    """A good task, then a task whose annotation holds ``results``."""
    good = {"id": 1, "data": {"text": "Varno, 3 May"}, "annotations": []}
    bad = {"id": 2, "data": {"text": TEXT}, "annotations": [{"id": 9, "result": list(results)}]}
    return orjson.dumps([good, bad])


def region_at(start: int, end: int, text: str) -> dict[str, Any]:
    return {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": end, "text": text, "labels": ["SOURCE"]}}  # fmt: skip


def test_a_file_that_is_not_json_is_an_error_naming_the_file():
    result = read([("broken.json", b'[{"id": 1, "data": ')], {})

    [error] = result.errors
    assert error.file == "broken.json" and error.message.startswith("neither JSON nor JSONL")
    assert result.documents == []


def test_a_bad_line_of_jsonl_tasks_is_named_by_its_line():
    good = orjson.dumps({"id": 1, "data": {"text": "Varno, 3 May"}})
    result = read([("tasks.jsonl", good + b"\n" + good + b"\n{oops\n")], {})

    [error] = result.errors
    assert (error.file, error.line) == ("tasks.jsonl", 3)


def test_offsets_past_the_end_of_the_text_are_an_error_naming_file_and_task():
    units = len(TEXT.encode("utf-16-le")) // 2

    [error] = read([("bad.json", two_tasks(region_at(5, units + 4, "x")))], {}).errors

    assert (error.file, error.line) == ("bad.json", 2)
    assert str(error) == (
        f"bad.json:2: task 2, annotation 1: region r1: UTF-16 index {units + 4} is past the end "
        "of the text"
    )


def test_an_offset_inside_the_emoji_is_an_error():
    inside = TEXT.index("🌉") + 1  # the emoji's second UTF-16 unit

    [error] = read([("bad.json", two_tasks(region_at(inside, inside + 4, "x")))], {}).errors

    assert error.line == 2
    assert error.message == (
        f"task 2, annotation 1: region r1: UTF-16 index {inside} falls inside a surrogate pair"
    )


def test_quoted_text_that_the_offsets_do_not_select_is_an_error():
    start, end = at("officials")
    # Offsets counted in code points (no allowance for the emoji) select the wrong text.

    [error] = read([("bad.json", two_tasks(region_at(start, end, "officials")))], {}).errors

    assert error.line == 2
    assert "task 2, annotation 1: region r1: quoted text 'officials' does not match" in str(error)


def test_links_to_missing_regions_and_regions_without_one_label_are_errors():
    start, end = at("officials")
    loose = {"from_id": "r1", "to_id": "nowhere", "type": "relation", "labels": ["CUE_OF"]}
    twice = region_at(start + 1, end + 1, "officials")
    twice["value"]["labels"] = ["SOURCE", "CUE"]

    errors = read([("bad.json", two_tasks(twice, loose))], {}).errors

    assert [e.message for e in errors] == [
        "task 2, annotation 1: region r1: one label per region, not ['SOURCE', 'CUE']",
        "task 2, annotation 1: relation r1 -> nowhere: there is no region r1",
        "task 2, annotation 1: relation r1 -> nowhere: there is no region nowhere",
    ]


def test_a_task_without_text_is_an_error_and_another_text_key_can_be_named():
    file = orjson.dumps([{"id": 1, "data": {"body": "Varno, 3 May"}}])

    assert read([("a.json", file)], {}).errors[0].message == "task 1: no text in data.text"
    assert read([("a.json", file)], {"text_key": "body"}).documents[0]["text"] == "Varno, 3 May"


@pytest.mark.parametrize("start", [3.5, "3", None])
def test_offsets_that_are_not_whole_numbers_are_errors(start):
    [error] = read([("bad.json", two_tasks(region_at(start, 12, "x")))], {}).errors  # type: ignore[arg-type]

    assert error.message == "task 2, annotation 1: region r1: start and end must be whole numbers"
