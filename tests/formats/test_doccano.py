"""doccano JSONL read into document records (pure: no database)."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotations.formats import import_spec
from annotations.formats.doccano import read
from annotations.schema import KEY_RE, validate_definition

SAMPLE = Path(__file__).parent / "samples" / "doccano.jsonl"
TEXT = "Officials said the strike would end soon."


def jsonl(*items: object) -> bytes:
    return b"".join(orjson.dumps(item) + b"\n" for item in items)


def spans_of(record: dict) -> list[tuple[str, int, int, str]]:
    [aset] = record["sets"]
    return [(s["label"], s["start"], s["end"], s["text"]) for s in aset["spans"]]


def errors_of(result) -> list[tuple[str, int | None, str]]:  # noqa: ANN001
    return [(e.file, e.line, e.message) for e in result.errors]


def test_doccano_is_registered_as_an_import():
    assert import_spec("doccano").read is read


def test_a_label_line_becomes_a_document_with_one_submitted_set():
    data = jsonl({"text": TEXT, "label": [[0, 9, "SOURCE"], [15, 40, "CLAIM"]]})
    result = read([("d.jsonl", data)], {})
    assert result.errors == []
    [record] = result.documents
    assert record["text"] == TEXT
    assert record["_where"] == {"file": "d.jsonl", "line": 1}
    [aset] = record["sets"]
    assert (aset["kind"], aset["author"], aset["status"]) == ("annotator", None, "submitted")
    assert spans_of(record) == [
        ("SOURCE", 0, 9, "Officials"),
        ("CLAIM", 15, 40, "the strike would end soon"),
    ]


def test_the_annotator_option_names_whose_set_it_is():
    result = read([("d.jsonl", jsonl({"text": TEXT, "label": []}))], {"author": "maria"})
    assert result.documents[0]["sets"][0]["author"] == "maria"


def test_the_older_labels_key_is_read_like_label():
    result = read([("d.jsonl", jsonl({"text": TEXT, "labels": [[0, 9, "SOURCE"]]}))], {})
    assert spans_of(result.documents[0]) == [("SOURCE", 0, 9, "Officials")]


def test_the_entities_shape_brings_spans_and_relations_by_entity_id():
    line = {
        "text": TEXT,
        "entities": [
            {"id": 7, "start_offset": 15, "end_offset": 40, "label": "CLAIM"},
            {"id": 8, "start_offset": 0, "end_offset": 9, "label": "SOURCE"},
        ],
        "relations": [{"id": 1, "from_id": 7, "to_id": 8, "type": "ATTRIBUTED_TO"}],
    }
    [record] = read([("d.jsonl", jsonl(line))], {}).documents
    [aset] = record["sets"]
    assert [(s["id"], s["text"]) for s in aset["spans"]] == [
        (7, "the strike would end soon"),
        (8, "Officials"),
    ]
    assert aset["relations"] == [{"type": "ATTRIBUTED_TO", "source": 7, "target": 8}]


def test_document_fields_are_taken_and_every_other_key_goes_to_meta():
    line = {
        "id": 12,
        "text": TEXT,
        "label": [],
        "title": "Strike",
        "url": "https://example.org/a",
        "outlet": "Harbour Ledger",
        "story": "strike",
        "meta": {"source": "wire"},
        "Comments": ["checked"],
    }
    [record] = read([("d.jsonl", jsonl(line))], {}).documents
    assert (record["title"], record["url"], record["outlet"], record["story"]) == (
        "Strike",
        "https://example.org/a",
        "Harbour Ledger",
        "strike",
    )
    assert record["meta"] == {"source": "wire", "Comments": ["checked"], "doccano_id": 12}


def test_offsets_count_utf16_units_by_default_and_code_points_on_request():
    text = "🚢 Officials said so."  # the ship is one code point, two UTF-16 units
    utf16 = read([("d.jsonl", jsonl({"text": text, "label": [[3, 12, "SOURCE"]]}))], {})
    assert spans_of(utf16.documents[0]) == [("SOURCE", 2, 11, "Officials")]
    points = jsonl({"text": text, "label": [[2, 11, "SOURCE"]]})
    as_points = read([("d.jsonl", points)], {"offsets": "codepoints"})
    assert spans_of(as_points.documents[0]) == [("SOURCE", 2, 11, "Officials")]


def test_an_unknown_offsets_option_is_refused():
    result = read([("d.jsonl", jsonl({"text": TEXT}))], {"offsets": "bytes"})
    assert errors_of(result) == [
        ("options", None, "the option \"offsets\" is 'bytes': use one of utf16, codepoints")
    ]


def test_the_sample_file_reads_in_both_shapes():
    result = read([("doccano.jsonl", SAMPLE.read_bytes())], {})
    assert result.errors == []
    first, second, third = result.documents
    assert [s[3] for s in spans_of(first)] == [
        "The harbour commissioner",
        "said",
        "the ferry timetable would change in spring",
    ]
    assert [s[3] for s in spans_of(second)] == [
        "the rowing club",
        "the regatta drew a record crowd on Saturday",
    ]
    assert second["sets"][0]["relations"] == [{"type": "ATTRIBUTED_TO", "source": 8, "target": 7}]
    assert third["outlet"] == "The Invented Gazette" and len(spans_of(third)) == 3


def test_a_file_with_crlf_line_ends_reads_like_one_with_lf():
    lf = SAMPLE.read_bytes()
    crlf = lf.replace(b"\n", b"\r\n")
    assert crlf.count(b"\r\n") == 3
    from_crlf = read([("d.jsonl", crlf)], {})
    assert from_crlf.errors == []
    assert from_crlf.documents == read([("d.jsonl", lf)], {}).documents


def test_a_utf16_file_with_a_byte_order_mark_is_read():
    data = SAMPLE.read_bytes().decode("utf-8").encode("utf-16")  # with a BOM
    assert data[:2] in (b"\xff\xfe", b"\xfe\xff")
    result = read([("d.jsonl", data)], {})
    assert result.errors == []
    assert [d["text"] for d in result.documents] == [
        d["text"] for d in read([("d.jsonl", SAMPLE.read_bytes())], {}).documents
    ]


def test_a_latin1_file_is_refused_naming_the_byte_unless_its_encoding_is_given():
    latin1 = '{"text": "Café owners said so.", "label": [[0, 11, "SOURCE"]]}\n'.encode("latin-1")
    data = jsonl({"text": "First line."}) + latin1
    bad_byte = data.index(b"\xe9")
    result = read([("cafe.jsonl", data)], {})
    [(file, line, message)] = errors_of(result)
    assert (file, line) == ("cafe.jsonl", 2)
    assert f"bad bytes e9 20 6f 77 at byte {bad_byte}" in message
    assert result.documents == []
    given = read([("cafe.jsonl", data)], {"encoding": "latin-1"})
    assert given.errors == []
    assert spans_of(given.documents[1]) == [("SOURCE", 0, 11, "Café owners")]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (b'{"text": "Short.", "label": [[0, 3 "X"]]}', "not JSON"),
        (b'["a", "list"]', "each line must be a JSON object"),
        (b'{"label": [[0, 3, "X"]]}', 'no "text"'),
        (b'{"text": "  ", "label": []}', 'no "text"'),
        (b'{"text": "Short.", "label": [[0, 3]]}', "label entry [0, 3] is not [start, end, label]"),
        (b'{"text": "Short.", "label": "X"}', '"label" must be a list of [start, end, label]'),
        (b'{"text": "Short.", "label": ["positive"]}', "looks like a text-classification file"),
        (b'{"text": "Short.", "label": [[0, 3, ""]]}', "the label must be a non-empty name"),
        (b'{"text": "Short.", "label": [[0, "3", "X"]]}', "start and end must be whole numbers"),
        (b'{"text": "Short.", "label": [[4, 4, "X"]]}', "start must be before end"),
        (b'{"text": "Short.", "label": [[5, 2, "X"]]}', "start must be before end"),
        (b'{"text": "Short.", "label": [[-1, 2, "X"]]}', "start is negative"),
        (b'{"text": "Short.", "label": [[0, 99, "X"]]}', "UTF-16 index 99 is past the end"),
        (
            b'{"text": "Short.", "entities": [{"id": 1, "start_offset": 0, "end_offset": 5, '
            b'"label": "X"}], "relations": [{"from_id": 1, "to_id": 2, "type": "R"}]}',
            "relations[0]: to_id 2 is no entity's id",
        ),
        (
            b'{"text": "Short.", "entities": [{"id": 1, "start_offset": 0, "end_offset": 5, '
            b'"label": "X"}, {"id": 1, "start_offset": 0, "end_offset": 2, "label": "X"}]}',
            "entities[1]: id 1 is not a unique number or name",
        ),
    ],
)
def test_a_bad_line_is_reported_at_its_line(line: bytes, message: str):
    data = jsonl({"text": TEXT, "label": [[0, 9, "SOURCE"]]}) + line + b"\n"
    result = read([("bad.jsonl", data)], {})
    [(file, number, said)] = errors_of(result)
    assert (file, number) == ("bad.jsonl", 2)
    assert message in said


def test_offsets_past_the_end_in_code_points_name_the_texts_length():
    data = jsonl({"text": "Short.", "label": [[0, 9, "X"]]})
    [(_, line, message)] = errors_of(read([("d.jsonl", data)], {"offsets": "codepoints"}))
    assert line == 1 and "end is past the end of the text (6 code points)" in message


def test_good_lines_are_still_read_around_bad_ones():
    data = b"\n".join([
        orjson.dumps({"text": "Fine text.", "label": [[0, 4, "X"]]}),
        orjson.dumps({"text": "Short.", "label": [[0, 99, "X"]]}),
        b"",
        orjson.dumps({"label": []}),
        b"{not json",
        orjson.dumps({"text": "Also fine.", "label": []}),
    ])  # fmt: skip
    result = read([("d.jsonl", data)], {})
    assert [(e.line, e.message[:20]) for e in result.errors] == [
        (2, "UTF-16 index 99 is p"),
        (4, 'no "text"'),
        (5, "not JSON: unexpected"),
    ]
    assert [(d["text"], d["_where"]["line"]) for d in result.documents] == [
        ("Fine text.", 1),
        ("Also fine.", 6),
    ]


def test_an_empty_file_is_an_error():
    assert errors_of(read([("empty.jsonl", b"\n \n")], {})) == [
        ("empty.jsonl", None, "no lines with a text: an empty file?")
    ]


def test_derive_schema_makes_a_valid_schema_of_the_labels_seen():
    line = {
        "text": TEXT,
        "entities": [
            {"id": 1, "start_offset": 0, "end_offset": 9, "label": "news source"},
            {"id": 2, "start_offset": 15, "end_offset": 40, "label": "2nd claim"},
        ],
        "relations": [{"from_id": 2, "to_id": 1, "type": "said by"}],
    }
    result = read([("d.jsonl", jsonl(line))], {"derive_schema": True})
    schema = validate_definition(result.header["schema"])
    keys = [label["key"] for label in schema["span_labels"]]
    assert all(KEY_RE.match(key) for key in keys) and len(keys) == 2
    [aset] = result.documents[0]["sets"]
    assert sorted(span["label"] for span in aset["spans"]) == sorted(keys)
    [relation] = schema["relation_types"]
    assert aset["relations"][0]["type"] == relation["key"]


def test_without_derive_schema_there_is_no_header_and_labels_stay_as_written():
    result = read([("d.jsonl", jsonl({"text": TEXT, "label": [[0, 9, "news source"]]}))], {})
    assert result.header is None
    assert spans_of(result.documents[0])[0][0] == "news source"


def test_utf16_offsets_of_a_long_text_are_converted_in_one_pass():
    # Walking the text once per offset took minutes on a 2 MB document (issue 11).
    import time

    word = "Officials said so. "
    text = "\U0001f6a2 " + word * 10_000  # 190,000 code points after a ship
    units = [3 + k * len(word) * 10 for k in range(1_000)]  # the ship is 2 UTF-16 units
    label = [[at, at + 9, "SOURCE"] for at in units]
    started = time.perf_counter()
    result = read([("long.jsonl", jsonl({"text": text, "label": label}))], {})
    assert time.perf_counter() - started < 2.0
    [record] = result.documents
    spans = spans_of(record)
    assert len(spans) == 1_000
    assert {s[3] for s in spans} == {"Officials"}
    assert spans[-1][1] == 2 + 999 * len(word) * 10
