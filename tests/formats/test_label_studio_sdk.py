"""Our Label Studio export and labeling config opened by a real reader: the Label Studio SDK's
own converter and config parser."""

from __future__ import annotations

import json

import orjson

from annotations.formats.label_studio import labeling_config
from tests.formats.label_studio_helpers import (
    TEXT,
    document,
    exported,
    js_slice,
    schema,
)


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
