"""The schema alone as JSON: written, read back, and refused when invalid (pure: no database)."""

from __future__ import annotations

import copy
from collections.abc import Iterator

import orjson

from annotations.formats import export_spec, import_spec
from annotations.formats.records import ExportNotes, header_with_schema
from annotations.formats.schema_json import read, write
from annotations.presets import NEWS_ATTRIBUTION
from annotations.schema import validate_definition

SMALL = {
    "span_labels": [{"key": "CLAIM", "name": "Claim"}, {"key": "SOURCE", "name": "Source"}],
    "relation_types": [{"key": "ATTRIBUTED_TO", "from_labels": ["CLAIM"], "to_labels": ["SOURCE"]}],
}


def written(definition: dict) -> bytes:
    return b"".join(write(header_with_schema(definition), [], ExportNotes()))


def messages(result) -> list[str]:  # noqa: ANN001
    return [e.message for e in result.errors]


def test_schema_is_registered_for_export_and_import():
    assert export_spec("schema").write is write
    assert (export_spec("schema").media_type, export_spec("schema").extension) == (
        "application/json",
        "json",
    )
    assert import_spec("schema").read is read


def test_the_export_is_the_schema_as_indented_json():
    data = written(SMALL)
    assert orjson.loads(data) == SMALL
    assert data.startswith(b'{\n  "span_labels": [\n    {\n') and data.endswith(b"}\n")


def test_the_export_never_reads_the_documents():
    def documents() -> Iterator[bytes]:
        raise AssertionError("the documents were read")
        yield b""

    header = header_with_schema(SMALL)
    assert orjson.loads(b"".join(write(header, documents(), ExportNotes()))) == SMALL


def test_a_written_schema_reads_back_as_the_same_definition():
    definition = validate_definition(copy.deepcopy(NEWS_ATTRIBUTION))
    result = read([("schema.json", written(definition))], {})
    assert result.errors == [] and result.documents == []
    assert result.header == {
        "claimlens": "project",
        "version": 2,
        "project": {},
        "schema": definition,
        "members": [],
    }


def test_a_short_schema_reads_back_with_its_defaults_filled_in():
    result = read([("schema.json", written(SMALL))], {})
    schema = result.header["schema"]
    assert schema == validate_definition(SMALL)
    assert schema["span_labels"][0]["attributes"] == [] and schema["document_questions"] == []


def test_a_claimlens_header_line_is_read_for_its_schema():
    line = orjson.dumps({**header_with_schema(SMALL), "project": {"name": "x"}})
    assert read([("header.json", line)], {}).header["schema"] == validate_definition(SMALL)


def test_a_utf16_file_with_a_byte_order_mark_is_read():
    data = written(SMALL).decode("utf-8").encode("utf-16")
    assert read([("schema.json", data)], {}).header["schema"] == validate_definition(SMALL)


def test_text_that_is_not_json_is_refused_at_its_line():
    result = read([("schema.json", b'{\n  "span_labels": [\n    {"key": "CLAIM",,}\n]}')], {})
    [error] = result.errors
    assert (error.file, error.line) == ("schema.json", 3)
    assert error.message.startswith("not JSON: ")
    assert result.header is None


def test_an_empty_file_is_refused():
    assert messages(read([("schema.json", b"  \n")], {})) == ["empty file: no schema to import"]


def test_each_problem_of_an_invalid_schema_is_its_own_error_named_by_its_path():
    bad = {
        "span_labels": [{"key": "9bad"}, {"key": "OK", "attributes": [{"key": "a", "type": "x"}]}],
        "relation_types": [{"key": "R", "from_labels": ["NOPE"], "to_labels": ["OK"]}],
        "colour": "red",
    }
    result = read([("schema.json", orjson.dumps(bad))], {})
    assert result.header is None
    assert {e.file for e in result.errors} == {"schema.json"}
    found = messages(result)
    assert "colour: unknown section" in found
    assert any(m.startswith("span_labels[0].key: must be a key") for m in found)
    assert any(m.startswith("span_labels[1].attributes[0].type: must be one of") for m in found)
    assert "relation_types[0].from_labels: unknown span label 'NOPE'" in found
    assert len(found) == 4


def test_json_that_is_not_an_object_is_refused():
    assert messages(read([("schema.json", b"[1, 2]")], {})) == ["the schema must be a JSON object"]


def test_a_schema_is_one_file():
    result = read([("a.json", written(SMALL)), ("b.json", written(SMALL))], {})
    assert messages(result) == ["a schema is one JSON file, not 2"]
