"""brat's .ann lines, read without a database: T lines become spans (pieces joined by a
semicolon, offsets in code points of the text as stored, other encodings by option), A and #
lines their attributes and notes, R lines relations; E, N and * lines are left out and noted
with file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotations.formats.brat import read
from annotations.formats.records import span_pieces
from tests.formats.brat_helpers import SENTENCE, files_under, lines_of, numbered_lines


def selected(text: str, span: dict[str, Any]) -> str:
    return " ".join(text[a:b] for a, b in span_pieces(span))


def test_every_t_line_becomes_a_span_whose_text_is_what_its_offsets_select(bratiaa_root):
    result = read(files_under(bratiaa_root), {})
    for document in result.documents:
        for aset in document["sets"]:
            ann = bratiaa_root / aset["author"] / f"{document['title']}.ann"
            t_lines = [line for _, line in numbered_lines(ann) if line.startswith("T")]
            assert len(aset["spans"]) == len(t_lines) > 0
            for span in aset["spans"]:
                assert span["text"] == selected(document["text"], span) != ""


def test_event_triggers_and_every_other_t_line_stay_spans(tutorial_root):
    result = read(files_under(tutorial_root), {})
    spans = [s for d in result.documents for a in d["sets"] for s in a["spans"]]
    assert len(spans) == len(lines_of(tutorial_root, "T")) == 119
    assert {"Merge-org", "Report"} <= {s["label"] for s in spans}


def test_attributes_relations_and_notes_on_spans_are_read(tutorial_root):
    result = read(files_under(tutorial_root), {})
    sets = [a for d in result.documents for a in d["sets"]]
    attributes = [
        (key, value)
        for aset in sets
        for span in aset["spans"]
        for key, value in span["attributes"].items()
        if key != "note"
    ]
    on_spans = [line for _, _, line in lines_of(tutorial_root, "A") if line.split()[2][0] in "TE"]
    assert len(attributes) == len(on_spans) == 11  # an event's are its trigger's
    assert ("Mention", "Nominal") in attributes and ("Individual", True) in attributes
    relations = [r for aset in sets for r in aset["relations"]]
    arguments = sum(len(line.split()) - 2 for _, _, line in lines_of(tutorial_root, "E"))
    assert len(relations) == len(lines_of(tutorial_root, "R")) + arguments == 8 + 52
    assert all(r["target_document"] is None and r["attributes"] == {} for r in relations)
    notes = sorted(
        s["attributes"]["note"] for a in sets for s in a["spans"] if "note" in s["attributes"]
    )
    assert notes == [
        "100000000 USD",
        "Annotate as one merge event with three participants or two events with two "
        "participants each?",
        "Should fictional places be annotated?",
    ]


def test_relations_name_the_ids_of_spans_of_their_own_set(tutorial_root):
    result = read(files_under(tutorial_root), {})
    for document in result.documents:
        for aset in document["sets"]:
            ids = {span["id"] for span in aset["spans"]}
            for relation in aset["relations"]:
                assert {relation["source"], relation["target"]} <= ids


def test_normalisations_equivalences_and_notes_on_relations_are_noted_with_file_and_line(
    tutorial_root,
):
    result = read(files_under(tutorial_root), {})
    noted = {(Path(n.file).name, n.line) for n in result.notes}
    left_out = lines_of(tutorial_root, "N", "*")
    assert len(left_out) == 1 + 2
    assert {(name, number) for name, number, _ in left_out} <= noted
    on_relations = [
        (name, number)
        for name, number, line in lines_of(tutorial_root, "A", "#")
        if line.split("\t")[1].split()[1][0] == "R"
    ]
    assert on_relations and set(on_relations) <= noted


def test_pieces_joined_by_a_semicolon_make_one_discontinuous_span():
    files = [
        ("a.txt", SENTENCE.encode()),
        ("a.ann", b"T1\tCLAIM 15 25;32 40\tthe strike end soon\n"),
    ]
    [document] = read(files, {}).documents
    [span] = document["sets"][0]["spans"]
    assert span["fragments"] == [[15, 25], [32, 40]]
    assert (span["start"], span["end"], span["text"]) == (15, 40, "the strike end soon")


def test_offsets_count_code_points_of_the_text_as_stored_line_endings_included():
    text = "Über\r\nOfficials said so.\r\n"
    files = [("a.txt", text.encode()), ("a.ann", b"T1\tSOURCE 6 15\tOfficials\n")]
    result = read(files, {})
    assert result.errors == []
    [document] = result.documents
    assert document["text"] == text  # the import service normalises line endings, not this
    [span] = document["sets"][0]["spans"]
    assert (span["start"], span["end"]) == (6, 15)


def test_a_latin_1_text_is_read_with_the_encoding_option():
    files = [
        ("a.txt", "Señor said so.".encode("latin-1")),
        ("a.ann", b"T1\tSOURCE 0 5\tSe\xc3\xb1or"),
    ]
    assert read(files, {}).errors[0].file == "a.txt"
    result = read(files, {"encoding": "latin-1"})
    assert result.errors == [] and result.documents[0]["sets"][0]["spans"][0]["text"] == "Señor"
