"""brat folders as layers, read without a database: a folder per annotator (the bratiaa
example) gives a set per annotator, gold and model folders those layers, and one folder (brat's
news tutorial) a set per document for the importing person."""

from __future__ import annotations

from annotations.formats.brat import read
from tests.formats.brat_helpers import SENTENCE, files_under


def test_a_folder_per_annotator_gives_each_document_once_with_a_set_per_annotator(bratiaa_root):
    result = read(files_under(bratiaa_root), {})
    assert result.errors == []
    assert len(result.documents) == 7
    for document in result.documents:
        assert [(s["kind"], s["author"]) for s in document["sets"]] == [
            ("annotator", "Lisa"), ("annotator", "Maria"), ("annotator", "Max"),
            ("annotator", "Peter"),
        ]  # fmt: skip


def test_span_ids_are_integers_unique_across_the_whole_upload(bratiaa_root):
    result = read(files_under(bratiaa_root), {})
    ids = [s["id"] for d in result.documents for a in d["sets"] for s in a["spans"]]
    assert all(isinstance(i, int) for i in ids)
    assert len(ids) == len(set(ids)) > 1000


def test_an_annotators_folder_inside_the_project_folder_keeps_the_annotators_name(bratiaa_root):
    files = [(n, d) for n, d in files_under(bratiaa_root) if "/Max/" in n or n.endswith(".conf")]
    [layer] = {s["author"] for d in read(files, {}).documents for s in d["sets"]}
    assert layer == "Max"


def test_gold_and_model_folders_become_those_layers():
    files = []
    for folder in ("gold", "model-tagger", "ana"):
        files += [(f"p/{folder}/a.txt", SENTENCE.encode()), (f"p/{folder}/a.ann", b"")]
    [document] = read(files, {}).documents
    layers = sorted((s["kind"], s["author"], s["model_name"], s["status"])
                    for s in document["sets"])  # fmt: skip
    assert layers == [
        ("annotator", "ana", None, "submitted"),
        ("gold", None, None, "curated"),
        ("model", None, "tagger", "submitted"),
    ]


def test_a_single_folder_gives_one_set_per_document_for_the_importing_person(tutorial_root):
    result = read(files_under(tutorial_root), {})
    assert result.errors == []
    assert sorted(d["title"] for d in result.documents) == sorted(
        p.stem for p in tutorial_root.glob("*.ann")
    )
    for document in result.documents:
        [aset] = document["sets"]
        assert (aset["kind"], aset["author"]) == ("annotator", None)
        assert document["meta"]["source"] == {
            "format": "brat",
            "file": f"brat-tutorial-news/{document['title']}.txt",
        }
