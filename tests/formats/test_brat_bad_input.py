"""Broken brat uploads, read without a database: bad lines and pieces are errors naming file
and line, as are files that do not pair up, folders at different depths and an upload
without .ann files."""

from __future__ import annotations

from annotations.formats.brat import read
from tests.formats.brat_helpers import SENTENCE


def test_bad_lines_are_errors_with_file_and_line():
    ann = "\n".join([
        "T1\tSOURCE 0 9\tOfficials",
        "T2\tCLAIM 15 99\tthe strike",
        "T3\tCLAIM 15 25\tthe strife",
        "T4 CLAIM 15 25 the strike",
        "T5\tCLAIM fifteen\tthe strike",
        "R1\tSAID Arg1:T1 Arg2:T9",
        "A1\tCertain T8",
        "R2\tSAID T1",
        "just some words",
        "R3\tSAID Arg1:T2 Arg2:T1",
    ])  # fmt: skip
    result = read([("p/a.txt", SENTENCE.encode()), ("p/a.ann", ann.encode())], {})
    assert {e.file for e in result.errors} == {"p/a.ann"}
    found = [(e.line, e.message) for e in result.errors]
    expected = [
        (2, "is outside the text (41 characters)"),
        (3, "quoted text 'the strife' does not match the offsets ('the strike')"),
        (4, "expected 'T1<TAB>Label start end<TAB>text'"),
        (5, "cannot read 'CLAIM fifteen' as 'Label start end'"),
        (9, "cannot read this line"),
        (6, "R1: T9 is not a text-bound annotation here"),
        (7, "A1: T8 is not defined in this file"),
        (8, "R2: expected"),
    ]  # R3 names T2, whose line is already an error: nothing more is said
    assert len(found) == len(expected)
    for (line, message), (want_line, want) in zip(found, expected, strict=True):
        assert line == want_line and want in message


def test_pieces_that_overlap_and_empty_ranges_are_errors_as_in_brat():
    ann = "T1\tCLAIM 15 25;20 30\tthe strike strike wou\nT2\tCLAIM 15 15\t\n"
    result = read([("a.txt", SENTENCE.encode()), ("a.ann", ann.encode())], {})
    assert [(e.line, e.message) for e in result.errors] == [
        (1, "T1: its pieces 15 25 and 20 30 overlap (brat refuses them too)"),
        (2, "[15, 15) is empty or reversed"),
    ]


def test_the_same_name_with_another_text_in_two_folders_is_an_error():
    files = [
        ("p/ana/doc.txt", b"One text."), ("p/ana/doc.ann", b""),
        ("p/ben/doc.txt", b"Another text."), ("p/ben/doc.ann", b""),
    ]  # fmt: skip
    [error] = read(files, {}).errors
    assert error.file == "p/ben/doc.txt"
    assert "differs from the file of that name in another annotator's folder" in error.message


def test_an_ann_without_its_txt_is_an_error_and_a_txt_without_its_ann_a_bare_document():
    files = [("p/a.ann", b""), ("p/b.txt", SENTENCE.encode())]
    result = read(files, {})
    assert [(e.file, e.message[:10]) for e in result.errors] == [("p/a.ann", "no a.txt b")]
    [bare] = result.documents
    assert (bare["title"], bare["sets"]) == ("b", [])
    assert [(n.file, n.message[:10]) for n in result.notes] == [("p/b.txt", "no b.ann b")]


def test_ann_files_at_different_depths_are_refused():
    files = [("p/a.txt", b"x"), ("p/a.ann", b""), ("p/ana/b.txt", b"y"), ("p/ana/b.ann", b"")]
    [error] = read(files, {}).errors
    assert error.file == "p/ana/b.ann" and "different folder depths" in error.message


def test_an_upload_without_ann_files_is_refused():
    [error] = read([("p/a.txt", SENTENCE.encode())], {}).errors
    assert "no .ann files" in error.message
