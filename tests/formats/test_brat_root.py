"""The root of a brat upload, under which the top-level folder is the annotator: the one
folder the whole upload sits in (the folder given to the command, a zipped project folder),
else the upload's top; a texts folder is left out. One annotator's folder is theirs however
deep their files sit, and a stray file beside it changes nothing."""

from __future__ import annotations

from annotations.formats.brat import read
from tests.formats.brat_helpers import SENTENCE

CLAIM = b"T1\tCLAIM 15 25\tthe strike\n"
ANNAS = [("p/anna/batch1/a.txt", SENTENCE.encode()), ("p/anna/batch1/a.ann", CLAIM)]


def layers(result) -> list[tuple[str, list[str | None]]]:  # noqa: ANN001
    return [(d["title"], [s["author"] for s in d["sets"]]) for d in result.documents]


def test_the_only_annotators_folder_is_theirs_however_deep_the_files_sit():
    result = read(ANNAS, {})
    assert result.errors == []
    assert layers(result) == [("a", ["anna"])]


def test_a_stray_text_beside_the_annotators_folder_does_not_change_whose_files_they_are():
    result = read([("p/notes.txt", b"To do."), *ANNAS], {})
    assert layers(result) == [("a", ["anna"])]


def test_a_texts_folder_from_elsewhere_does_not_move_the_root():
    files = [("sources/a.txt", SENTENCE.encode()), ("p/anna/batch1/a.ann", CLAIM)]
    assert layers(read(files, {"texts": "sources"})) == [("a", ["anna"])]


def test_an_annotations_folder_beside_a_texts_folder_is_no_annotator():
    files = [("corpus/text/a.txt", SENTENCE.encode()), ("corpus/ann/a.ann", CLAIM)]
    result = read(files, {})
    assert result.errors == []
    assert layers(result) == [("a", [None])]


def test_one_annotators_folder_beside_a_texts_folder_is_theirs():
    files = [("corpus/sources/a.txt", SENTENCE.encode()), ("corpus/anna/a.ann", CLAIM)]
    assert layers(read(files, {"texts": "sources"})) == [("a", ["anna"])]
    files = [("corpus/text/a.txt", SENTENCE.encode()), ("corpus/anna/a.ann", CLAIM)]
    assert layers(read(files, {})) == [("a", ["anna"])]


def test_a_zip_of_the_projects_contents_has_its_top_as_the_root():
    files = [("annotation.conf", b"[entities]\nCLAIM\n"), *[(n[2:], d) for n, d in ANNAS]]
    assert layers(read(files, {})) == [("a", ["anna"])]
