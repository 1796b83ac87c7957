"""A registry link in a Label Studio export: the entry's key is written as the region's
text (Label Studio has no registry; a choice list would have no choices) and reads back as
the same key."""

from __future__ import annotations

import orjson

from annotations.formats.label_studio import read
from tests.formats.label_studio_helpers import TEXT, exported, span


def test_a_sources_registry_entry_is_a_text_area_and_reads_back():
    source = span(5, "SOURCE", "The Lindqvist Bridge", entry="lindqvist-bridge")
    record = {"id": 1, "text": TEXT, "sets": [{"kind": "annotator", "spans": [source]}]}
    data, _ = exported(record)
    tasks = orjson.loads(data)
    [entry] = [r for r in tasks[0]["annotations"][0]["result"] if r.get("from_name") == "entry"]
    assert entry["type"] == "textarea" and entry["value"]["text"] == ["lindqvist-bridge"]
    [back] = read([("t.json", data)], {}).documents[0]["sets"][0]["spans"]
    assert back["attributes"] == {"entry": "lindqvist-bridge"}
