"""brat files as brat writes them, read without a database: pieces listed out of order, pieces
that touch or are cut at a line break, text columns running over several lines, texts with
CRLF line endings or a byte-order mark (in either way of counting), and ids defined twice."""

from __future__ import annotations

import codecs
from typing import Any

from annotations.formats.brat import read
from annotations.formats.records import ReadResult
from tests.formats.brat_helpers import SENTENCE  # the=15, strike=19, would=26, soon=36


def read_pair(text: str | bytes, ann: str | bytes) -> ReadResult:
    as_bytes = [x.encode() if isinstance(x, str) else x for x in (text, ann)]
    return read([("p/a.txt", as_bytes[0]), ("p/a.ann", as_bytes[1])], {})


def spans_of(result: ReadResult) -> list[dict[str, Any]]:
    assert not result.errors, result.errors
    return result.documents[0]["sets"][0]["spans"]


def placed(result: ReadResult) -> list[tuple[int, int, Any, str]]:
    return [(s["start"], s["end"], s.get("fragments"), s["text"]) for s in spans_of(result)]


def notes_of(result: ReadResult) -> list[tuple[str, int | None, str]]:
    return [(n.file, n.line, n.message) for n in result.notes]


def errors_of(result: ReadResult) -> list[tuple[str, int | None, str]]:
    return [(e.file, e.line, e.message) for e in result.errors]


def test_pieces_listed_out_of_order_are_sorted_and_their_text_read_in_the_listed_order():
    result = read_pair(SENTENCE, "T5\tCLAIM 36 40;15 25\tsoon the strike\n")
    assert placed(result) == [(15, 40, [[15, 25], [36, 40]], "the strike soon")]


def test_a_text_column_in_sorted_order_does_not_match_pieces_listed_the_other_way():
    result = read_pair(SENTENCE, "T5\tCLAIM 36 40;15 25\tthe strike soon\n")
    assert errors_of(result) == [
        ("p/a.ann", 1, "quoted text 'the strike soon' does not match the offsets "
                       "('soon the strike')"),
    ]  # fmt: skip


def test_touching_pieces_are_joined_into_one_with_a_note_naming_file_and_line():
    result = read_pair(SENTENCE, "T1\tSOURCE 0 9\tOfficials\nT2\tCLAIM 15 19;19 25\tthe  strike\n")
    assert placed(result)[1] == (15, 25, None, "the strike")
    assert notes_of(result) == [
        ("p/a.ann", 2, "T2: its pieces 15 19 and 19 25 touch: one piece 15 25"),
    ]


def test_a_text_column_with_line_breaks_runs_on_over_the_next_lines():
    text = "Officials said\nthe strike\nwould end soon."
    ann = "T1\tCLAIM 10 31\tsaid\nthe strike\nwould\nT2\tTIME 36 40\tsoon\nA1\tCertain T9\n"
    result = read_pair(text, ann)
    assert errors_of(result) == [("p/a.ann", 5, "A1: T9 is not defined in this file")]
    spans = result.documents[0]["sets"][0]["spans"]
    assert [(s["start"], s["end"], s["text"]) for s in spans] == [
        (10, 31, "said\nthe strike\nwould"),
        (36, 40, "soon"),
    ]


def test_a_text_column_with_line_breaks_written_as_spaces_is_read_too():
    text = "Officials said\nthe strike would end."
    result = read_pair(text, "T1\tCLAIM 10 25\tsaid the strike\n")
    assert placed(result) == [(10, 25, None, "said\nthe strike")]


CRLF_TEXT = "Officials said.\r\nThe strike\r\nwould end soon."  # brat: The=16, strike=20


def test_crlf_offsets_counting_a_line_break_as_one_character_as_brat_does():
    ann = "T1\tCLAIM 16 26\tThe strike\nT2\tTIME 37 41\tsoon\nT3\tCLAIM 20 32\tstrike\nwould\n"
    result = read_pair(CRLF_TEXT, ann)
    assert placed(result) == [
        (17, 27, None, "The strike"),
        (39, 43, None, "soon"),
        (21, 34, None, "strike\r\nwould"),
    ]
    assert notes_of(result) == [
        ("p/a.ann", 1, "offsets count each \\r\\n as one character, as brat does "
                       "(the texts of 3 of 3 spans say so)"),
    ]  # fmt: skip


def test_crlf_offsets_counting_a_line_break_as_two_characters():
    result = read_pair(CRLF_TEXT, "T1\tCLAIM 17 27\tThe strike\nT2\tTIME 39 43\tsoon\n")
    assert placed(result) == [(17, 27, None, "The strike"), (39, 43, None, "soon")]
    assert notes_of(result) == [
        ("p/a.ann", 1, "offsets count each \\r\\n as two characters "
                       "(the texts of 2 of 2 spans say so)"),
    ]  # fmt: skip


def test_a_byte_order_mark_on_the_ann_is_not_an_error():
    ann = codecs.BOM_UTF8 + b"T1\tCLAIM 15 25\tthe strike\n"
    assert placed(read_pair(SENTENCE, ann)) == [(15, 25, None, "the strike")]


def test_a_byte_order_mark_on_the_txt_counted_as_brat_counts_it_or_not_at_all():
    text = codecs.BOM_UTF8 + SENTENCE.encode()
    brat = read_pair(text, "T1\tCLAIM 16 26\tthe strike\n")
    assert placed(brat) == [(15, 25, None, "the strike")]
    assert notes_of(brat)[0][2].startswith("offsets count the byte-order mark as character 0")
    bytes_less = read_pair(text, "T1\tCLAIM 15 25\tthe strike\n")
    assert placed(bytes_less) == [(15, 25, None, "the strike")]
    assert notes_of(bytes_less)[0][2].startswith("offsets count not the byte-order mark")


def test_every_id_defined_twice_is_an_error_naming_both_lines():
    ann = "\n".join([
        "T1\tSOURCE 0 9\tOfficials",
        "T2\tCLAIM 15 25\tthe strike",
        "T1\tCLAIM 36 40\tsoon",
        "R1\tSAID Arg1:T1 Arg2:T2",
        "R1\tSAID Arg1:T2 Arg2:T1",
        "A1\tCertain T2",
        "A1\tNegated T2",
        "#1\tAnnotatorNotes T2\tchecked",
        "#1\tAnnotatorNotes T2\tagain",
        "N1\tReference T1 Wikidata:Q1\tofficials",
        "N1\tReference T1 Wikidata:Q2\tofficials",
        "E1\tCLAIM:T2",
        "E1\tCLAIM:T2",
    ])  # fmt: skip
    result = read_pair(SENTENCE, ann)
    assert errors_of(result) == [
        ("p/a.ann", second, f"{ident} is defined twice (lines {first} and {second})")
        for ident, first, second in [
            ("T1", 1, 3), ("R1", 4, 5), ("A1", 6, 7), ("#1", 8, 9), ("N1", 10, 11), ("E1", 12, 13)
        ]
    ]  # fmt: skip


def test_a_second_value_of_an_attribute_is_kept_in_a_list_the_same_one_again_a_note():
    ann = "\n".join([
        "T1\tCLAIM 15 25\tthe strike",
        "A1\tCertain T1",
        "A2\tCertain T1",
        "A3\tSide T1 union",
        "A4\tSide T1 employer",
        "#1\tAnnotatorNotes T1\tfirst",
        "#2\tAnnotatorNotes T1\tsecond",
    ])  # fmt: skip
    result = read_pair(SENTENCE, ann)
    assert notes_of(result) == [
        ("p/a.ann", 3, "A2: T1 has this Certain already (line 2): read once")
    ]
    assert errors_of(result) == []  # the import's schema check says whether Side holds two
    [span] = result.documents[0]["sets"][0]["spans"]
    assert span["attributes"] == {
        "Certain": True,
        "Side": ["union", "employer"],
        "note": "first\nsecond",
    }


def test_span_texts_that_fit_both_ways_of_counting_are_read_as_brat_counts_and_noted_so():
    result = read_pair(CRLF_TEXT, "T1\tSOURCE 0 9\tOfficials\n")
    assert placed(result) == [(0, 9, None, "Officials")]
    assert notes_of(result) == [
        ("p/a.ann", 1, "offsets count each \\r\\n as one character, as brat does "
                       "(the texts of 1 of 1 spans fit several ways: brat's taken)"),
    ]  # fmt: skip


def test_a_t_line_without_its_text_column_takes_the_text_from_the_offsets_as_brat_does():
    result = read_pair(SENTENCE, "T1\tSOURCE 0 9\nT2\tCLAIM 15 25\t\n")
    assert placed(result) == [(0, 9, None, "Officials"), (15, 25, None, "the strike")]
    assert notes_of(result) == [
        ("p/a.ann", line, f"T{line}: no text column: the text the offsets select is taken")
        for line in (1, 2)
    ]
