"""Reading native JSONL (pure): the current version, and version 1 with its older set keys."""

from __future__ import annotations

import orjson

from annotations.formats.native_jsonl import read

TEXT = "The port authority said the strike would end soon."


def jsonl(*items: dict) -> bytes:
    return b"\n".join(orjson.dumps(item) for item in items) + b"\n"


def header(version: int) -> dict:
    return {"claimlens": "project", "version": version, "project": {}, "members": []}


def test_a_version_1_set_reads_annotator_as_author_and_model_as_model_name():
    sets = [
        {"kind": "annotator", "annotator": "ana", "model": None, "spans": []},
        {"kind": "model", "annotator": None, "model": "claim-tagger", "spans": []},
    ]
    data = jsonl(header(1), {"claimlens": "document", "text": TEXT, "sets": sets})
    result = read([("v1.jsonl", data)], {})
    assert result.errors == []
    [document] = result.documents
    assert [(s["kind"], s["author"], s["model_name"]) for s in document["sets"]] == [
        ("annotator", "ana", None),
        ("model", None, "claim-tagger"),
    ]
    assert not any("annotator" in s or "model" in s for s in document["sets"])


def test_the_older_keys_are_read_in_document_lines_without_a_header():
    line = {"text": TEXT, "sets": [{"kind": "model", "model": "claim-tagger"}]}
    [document] = read([("lines.jsonl", jsonl(line))], {}).documents
    assert document["sets"][0]["model_name"] == "claim-tagger"


def test_a_set_that_has_the_new_key_keeps_it_over_the_old_one():
    aset = {"kind": "annotator", "author": "ana", "annotator": "someone-else", "spans": []}
    data = jsonl(header(2), {"text": TEXT, "sets": [aset]})
    [document] = read([("both.jsonl", data)], {}).documents
    assert document["sets"][0]["author"] == "ana"
    assert "annotator" not in document["sets"][0]


def test_a_version_this_server_does_not_read_is_refused_naming_those_it_reads():
    result = read([("v3.jsonl", jsonl(header(3), {"text": TEXT}))], {})
    [error] = result.errors
    assert (error.file, error.line) == ("v3.jsonl", 1)
    assert error.message == "version 3 is not one this server reads (1, 2)"
