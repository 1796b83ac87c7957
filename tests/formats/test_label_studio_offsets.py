"""Label Studio JSON offsets, without a database: UTF-16 units out, code points back in."""

from __future__ import annotations

from typing import Any

import orjson
from hypothesis import given

from annotations.formats.label_studio import read, task
from annotations.spans import Utf16Offsets, codepoint_to_utf16_index, utf16_index_to_codepoint
from tests.formats.label_studio_helpers import (
    TEXT,
    astral_texts,
    at,
    document,
    exported,
    js_slice,
    span,
)


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
