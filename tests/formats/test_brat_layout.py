"""Where a brat upload's annotators and texts are: the top-level folder, or a part of the file
name matched by a pattern; texts beside the .ann files, shared above them, or in a folder of
their own (given at import, or named text, texts or txt)."""

from __future__ import annotations

from annotations.formats.brat import read
from tests.formats.brat_helpers import SENTENCE

CLAIM = "T1\tCLAIM 15 25\tthe strike\n"
PATTERN = {"annotator_from": "name:_(?P<annotator>[0-9a-f]{4})$"}


def layers(result) -> list[tuple[str, list[str | None]]]:  # noqa: ANN001
    return [(d["title"], [s["author"] for s in d["sets"]]) for d in result.documents]


def test_the_annotator_is_the_top_level_folder_however_deep_the_file_sits():
    files = [
        ("p/anna/batch1/a.txt", SENTENCE.encode()), ("p/anna/batch1/a.ann", CLAIM.encode()),
        ("p/bob/batch1/a.txt", SENTENCE.encode()), ("p/bob/batch1/a.ann", CLAIM.encode()),
        ("p/bob/b.txt", b"Another text."), ("p/bob/b.ann", b""),
    ]  # fmt: skip
    result = read(files, {})
    assert result.errors == []
    assert layers(result) == [("a", ["anna", "bob"]), ("b", ["bob"])]


def test_documents_in_different_batches_with_the_same_name_stay_apart():
    files = [
        ("p/anna/batch1/a.txt", SENTENCE.encode()), ("p/anna/batch1/a.ann", b""),
        ("p/anna/batch2/a.txt", b"Another text."), ("p/anna/batch2/a.ann", b""),
        ("p/bob/batch1/a.txt", SENTENCE.encode()), ("p/bob/batch1/a.ann", b""),
    ]  # fmt: skip
    result = read(files, {})
    assert result.errors == []
    assert [(d["text"], len(d["sets"])) for d in result.documents] == [
        (SENTENCE, 2),
        ("Another text.", 1),
    ]


def test_a_text_above_the_annotators_folders_serves_every_annotator():
    files = [
        ("p/a.txt", SENTENCE.encode()),
        ("p/anna/a.ann", CLAIM.encode()),
        ("p/bob/a.ann", CLAIM.encode()),
    ]
    result = read(files, {})
    assert result.errors == [] and result.notes == []
    assert layers(result) == [("a", ["anna", "bob"])]
    [document] = result.documents
    assert document["meta"]["source"]["file"] == "p/a.txt"


def test_the_annotator_can_come_from_the_file_name_beside_one_shared_text():
    files = [
        ("article.txt", SENTENCE.encode()),
        ("article_4b22.ann", CLAIM.encode()),
        ("article_5fec.ann", b""),
    ]
    result = read(files, PATTERN)
    assert result.errors == []
    assert layers(result) == [("article", ["4b22", "5fec"])]
    [document] = result.documents
    assert [len(s["spans"]) for s in document["sets"]] == [1, 0]
    assert [s["_where"]["file"] for s in document["sets"]] == [
        "article_4b22.ann",
        "article_5fec.ann",
    ]


def test_texts_in_a_folder_named_text_beside_the_ann_folder_are_found_by_convention():
    files = [
        ("corpus/text/article.txt", SENTENCE.encode()),
        ("corpus/ann/article_4b22.ann", CLAIM.encode()),
        ("corpus/ann/article_5fec.ann", CLAIM.encode()),
    ]
    result = read(files, PATTERN)
    assert result.errors == []
    assert layers(result) == [("article", ["4b22", "5fec"])]


def test_texts_in_a_folder_given_at_import_are_found_by_name():
    files = [
        ("corpus/sources/article.txt", SENTENCE.encode()),
        ("corpus/anna/article.ann", CLAIM.encode()),
        ("corpus/bob/article.ann", CLAIM.encode()),
    ]
    result = read(files, {"texts": "sources"})
    assert result.errors == []
    assert layers(result) == [("article", ["anna", "bob"])]
    without = read(files, {})
    assert [(e.file, e.message[:14]) for e in without.errors] == [
        ("corpus/anna/article.ann", "no article.txt"),
        ("corpus/bob/article.ann", "no article.txt"),
    ]


def test_a_texts_folder_the_upload_lacks_is_an_error():
    files = [("p/a.txt", SENTENCE.encode()), ("p/a.ann", b"")]
    [error] = read(files, {"texts": "sources"}).errors
    assert error.message == "texts 'sources': no .txt files in a folder of that name"


def test_a_file_name_without_the_annotator_part_is_an_error_naming_the_file():
    files = [("p/article.txt", SENTENCE.encode()), ("p/article.ann", b"")]
    [error] = read(files, PATTERN).errors
    assert (error.file, error.line) == ("p/article.ann", None)
    assert error.message == (
        "the name 'article' does not match the annotator pattern '_(?P<annotator>[0-9a-f]{4})$'"
    )


def test_an_annotator_pattern_that_is_no_regular_expression_is_an_error():
    files = [("a.txt", SENTENCE.encode()), ("a.ann", b"")]
    [error] = read(files, {"annotator_from": "name:_(?P<annotator>[0-9"}).errors
    assert error.message.startswith(
        "annotator_from 'name:_(?P<annotator>[0-9' is not a regular expression: "
    )


def test_an_annotator_pattern_without_the_annotator_group_is_an_error():
    files = [("a.txt", SENTENCE.encode()), ("a.ann", b"")]
    [error] = read(files, {"annotator_from": "name:_[0-9a-f]{4}$"}).errors
    assert error.message == (
        "annotator_from 'name:_[0-9a-f]{4}$' has no (?P<annotator>...) group naming the annotator"
    )
    [error] = read(files, {"annotator_from": "path"}).errors
    expected = "annotator_from 'path': expected 'folder' or 'name:<regular expression>'"
    assert error.message == expected


def test_a_stray_text_outside_the_annotators_folders_is_noted_not_imported():
    files = [("p/notes.txt", b"To do."), ("p/anna/a.txt", SENTENCE.encode()), ("p/anna/a.ann", b"")]
    result = read(files, {})
    assert layers(result) == [("a", ["anna"])]
    assert [(n.file, n.message) for n in result.notes] == [
        ("p/notes.txt", "no .ann uses this text: not imported")
    ]
