"""CSV span and stance tables written from hand-built records (pure: no database)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import orjson

from annotations.formats import export_spec
from annotations.formats.csv_tables import (
    SPAN_COLUMNS,
    STANCE_COLUMNS,
    write_spans,
    write_stances,
)
from annotations.formats.records import ExportNotes

TEXT = "Union leaders said the strike, they insisted, would end soon; the port agreed."
HEADER = {
    "claimlens": "project",
    "version": 2,
    "project": {},
    "schema": {"stance": {"targets": [{"key": "union", "name": "The dock workers' union"}]}},
    "members": [],
}


def piece(part: str) -> tuple[int, int]:
    start = TEXT.index(part)
    return start, start + len(part)


def span(span_id: int, label: str, *parts: str, **attributes: object) -> dict:
    pieces = [piece(p) for p in parts]
    return {
        "id": span_id,
        "label": label,
        "start": pieces[0][0],
        "end": pieces[-1][1],
        "fragments": [list(p) for p in pieces] if len(pieces) > 1 else None,
        "text": " ".join(parts),
        "attributes": attributes,
    }


def document() -> dict:
    """One article: an annotator's set (a split claim, two stances), gold and a model."""
    return {
        "id": 41,
        "title": "Strike talks",
        "text": TEXT,
        "outlet": {"name": "Harbour Ledger", "domain": "ledger.example"},
        "story": "port-strike",
        "sets": [
            {
                "kind": "annotator",
                "author": "ana",
                "spans": [
                    span(1, "SOURCE", "Union leaders", side="labour"),
                    span(2, "CLAIM", "the strike,", "would end soon", quote_type="indirect"),
                ],
                "stances": [
                    {"holder": 1, "object": 2, "target": None, "value": "favor"},
                    {"holder": None, "object": None, "target": "union", "value": "neutral"},
                ],
            },
            {"kind": "gold", "author": None, "spans": [span(3, "CLAIM", "would end soon")]},
            {
                "kind": "model",
                "model_name": "claim-tagger",
                "spans": [span(4, "CUE", "said")],
                "stances": [{"holder": 4, "object": None, "target": "union", "value": "against"}],
            },
        ],
    }


def table(writer, records: list[dict]) -> list[dict[str, str]]:  # noqa: ANN001
    data = b"".join(writer(HEADER, records, ExportNotes()))
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def test_the_formats_are_registered_as_csv():
    for name in ("csv-spans", "csv-stances"):
        spec = export_spec(name)
        assert (spec.media_type, spec.extension, spec.wants_json) == ("text/csv", "csv", False)


def test_the_span_table_has_its_columns_and_a_row_per_span_in_order():
    data = b"".join(write_spans(HEADER, [document()], ExportNotes())).decode("utf-8")
    assert data.split("\r\n")[0] == ",".join(SPAN_COLUMNS)
    rows = table(write_spans, [document()])
    assert [(r["span_id"], r["label"], r["layer"], r["kind"], r["author"]) for r in rows] == [
        ("1", "SOURCE", "ana", "annotator", "ana"),
        ("2", "CLAIM", "ana", "annotator", "ana"),
        ("3", "CLAIM", "gold", "gold", "gold"),
        ("4", "CUE", "model-claim-tagger", "model", "model:claim-tagger"),
    ]
    assert {(r["document_id"], r["title"], r["outlet"], r["story"]) for r in rows} == {
        ("41", "Strike talks", "Harbour Ledger", "port-strike")
    }


def test_a_discontinuous_span_lists_its_fragments_and_a_plain_one_none():
    source, claim = table(write_spans, [document()])[:2]
    a, b = piece("the strike,")
    c, d = piece("would end soon")
    assert (claim["start"], claim["end"], claim["fragments"]) == (
        str(a),
        str(d),
        f"{a}-{b};{c}-{d}",
    )
    assert claim["text"] == "the strike, would end soon"
    assert (source["start"], source["end"], source["fragments"]) == ("0", "13", "")


def test_attributes_are_a_json_object_per_row():
    rows = table(write_spans, [document()])
    assert [orjson.loads(r["attributes"]) for r in rows] == [
        {"side": "labour"},
        {"quote_type": "indirect"},
        {},
        {},
    ]


def test_the_stance_table_has_the_columns_the_issue_names_then_the_extras():
    data = b"".join(write_stances(HEADER, [document()], ExportNotes())).decode("utf-8")
    assert data.split("\r\n")[0] == ",".join(STANCE_COLUMNS)
    assert STANCE_COLUMNS[:10] == (
        "document_id", "outlet", "holder", "holder_span_id", "holder_label", "object",
        "object_span_id", "target", "value", "author",
    )  # fmt: skip


def test_a_stance_row_names_holder_and_object_by_their_text():
    first = table(write_stances, [document()])[0]
    assert first == {
        "document_id": "41",
        "outlet": "Harbour Ledger",
        "holder": "Union leaders",
        "holder_span_id": "1",
        "holder_label": "SOURCE",
        "object": "the strike, would end soon",
        "object_span_id": "2",
        "target": "",
        "value": "favor",
        "author": "ana",
        "layer": "ana",
        "story": "port-strike",
    }


def test_the_documents_own_stance_is_held_by_the_document_toward_the_targets_name():
    row = table(write_stances, [document()])[1]
    assert (row["holder"], row["holder_span_id"], row["holder_label"]) == ("(document)", "", "")
    assert (row["object"], row["object_span_id"], row["target"]) == (
        "The dock workers' union",
        "",
        "union",
    )
    assert row["value"] == "neutral"


def test_a_models_stance_is_credited_to_the_model():
    row = table(write_stances, [document()])[2]
    assert (row["holder"], row["author"], row["layer"], row["value"]) == (
        "said",
        "model:claim-tagger",
        "model-claim-tagger",
        "against",
    )


def test_a_target_the_schema_does_not_name_is_shown_by_its_key():
    header = {**HEADER, "schema": {}}
    rows = list(
        csv.DictReader(
            io.StringIO(b"".join(write_stances(header, [document()], ExportNotes())).decode())
        )
    )
    assert rows[1]["object"] == "union"


def test_cells_that_a_spreadsheet_would_run_as_formulas_get_an_apostrophe():
    text = "=HYPERLINK(x) +1 -5% @cmd"
    record = {
        "id": 7,
        "title": "\tTabbed",
        "outlet": "@outlet",
        "story": "\rreturn",
        "text": text,
        "sets": [
            {
                "kind": "annotator",
                "author": "-ana",
                "spans": [
                    {"id": 1, "label": "CLAIM", "start": 0, "end": 13, "text": "=HYPERLINK(x)"},
                    {"id": 2, "label": "CLAIM", "start": 14, "end": 16, "text": "+1"},
                    {"id": 3, "label": "CLAIM", "start": 17, "end": 20, "text": "-5%"},
                ],
            }
        ],
    }
    rows = table(write_spans, [record])
    assert [r["text"] for r in rows] == ["'=HYPERLINK(x)", "'+1", "'-5%"]
    assert (rows[0]["title"], rows[0]["outlet"], rows[0]["story"]) == (
        "'\tTabbed",
        "'@outlet",
        "'\rreturn",
    )
    assert rows[0]["author"] == "'-ana"


def test_numbers_and_harmless_text_are_left_as_they_are():
    rows = table(write_spans, [document()])
    assert rows[0]["start"] == "0" and rows[0]["text"] == "Union leaders"


def test_the_table_parses_back_to_the_same_values():
    awkward = 'He said "no", then\r\nleft; naïve — 😀, ok'
    record = {
        "id": "doc,1",
        "title": 'A "quoted", title',
        "text": awkward,
        "sets": [
            {
                "kind": "annotator",
                "author": "zoë",
                "spans": [
                    {
                        "id": 9,
                        "label": "CLAIM",
                        "start": 0,
                        "end": len(awkward),
                        "text": awkward,
                        "attributes": {"note": 'a "b", c'},
                    }
                ],
            }
        ],
    }
    [row] = table(write_spans, [record])
    assert row["document_id"] == "doc,1"
    assert row["title"] == 'A "quoted", title'
    assert row["text"] == awkward
    assert row["author"] == "zoë"
    assert orjson.loads(row["attributes"]) == {"note": 'a "b", c'}


def test_the_file_is_utf8_without_a_bom_with_crlf_line_ends():
    data = b"".join(write_spans(HEADER, [document()], ExportNotes()))
    assert not data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == 5 and b"\n" not in data.replace(b"\r\n", b"")


def test_no_documents_give_the_header_row_alone():
    assert b"".join(write_spans(HEADER, [], ExportNotes())) == (
        ",".join(SPAN_COLUMNS).encode() + b"\r\n"
    )


def test_rows_are_streamed_a_document_at_a_time():
    taken: list[int] = []

    def documents() -> Iterator[dict]:
        for number in range(3):
            taken.append(number)
            yield {**document(), "id": number}

    chunks = write_spans(HEADER, documents(), ExportNotes())
    first = next(chunks)
    assert taken == [0]
    assert first.count(b"\r\n") == 1 + 4  # the header row and the first document's spans
    assert len(list(chunks)) == 2 and taken == [0, 1, 2]
