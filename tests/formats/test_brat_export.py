"""The brat export, written without a database: it reads back to the same sets, has a folder
per layer, is opened by brat's own reader and by bratiaa, streams a chunk per document, and
lists what brat cannot hold."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest

from annotations.formats.brat import read, write
from annotations.formats.records import ExportNotes
from tests.formats.brat_helpers import SENTENCE, files_under


def unzipped(data: bytes, folder: str = "export") -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(f"{folder}/{name}", archive.read(name)) for name in archive.namelist()]


def exported(header: dict[str, Any], documents: list[dict[str, Any]]) -> tuple[bytes, list[str]]:
    notes = ExportNotes()
    data = b"".join(write(header, documents, notes))
    return data, notes.items


def content(documents: list[dict[str, Any]]) -> dict[tuple[str, Any], dict[str, list]]:
    """Each set's spans (sorted by place) and relations (as positions in that order), keyed by
    document title and layer: what must survive a round trip, whatever the span ids."""
    out: dict[tuple[str, Any], dict[str, list]] = {}
    for document in documents:
        for aset in document["sets"]:
            spans = sorted(aset["spans"], key=lambda s: (s["start"], s["end"], s["label"]))
            place = {span["id"]: i for i, span in enumerate(spans)}
            layer = (aset["kind"], aset["author"], aset.get("model_name"))
            out[(document["title"], layer)] = {
                "spans": [
                    (
                        s["label"],
                        s["start"],
                        s["end"],
                        s.get("fragments"),
                        s["text"],
                        s["attributes"],
                    )
                    for s in spans
                ],  # fmt: skip
                "relations": sorted(
                    (r["type"], place[r["source"]], place[r["target"]]) for r in aset["relations"]
                ),
            }
    return out


def test_the_export_reads_back_to_the_same_sets(bratiaa_root):
    original = read(files_under(bratiaa_root), {})
    data, notes = exported(original.header, original.documents)
    again = read(unzipped(data), {})
    assert again.errors == [] and notes == []
    assert content(again.documents) == content(original.documents)
    assert again.header["schema"]["span_labels"] == original.header["schema"]["span_labels"]


def test_attributes_relations_and_notes_survive_the_round_trip(tutorial_root):
    original = read(files_under(tutorial_root), {})
    data, _ = exported(original.header, original.documents)
    again = read(unzipped(data), {})
    assert again.errors == []  # nothing left out on the way back; events as events again:
    assert {n.message for n in again.notes} == {
        n.message for n in original.notes if "is an event: its trigger span" in n.message
    }
    # the tutorial is one folder (the importer's): the export names that layer "annotator"
    for document in original.documents:
        document["sets"][0]["author"] = "annotator"
    assert content(again.documents) == content(original.documents)


def test_the_export_has_a_folder_per_layer_with_the_configuration_in_each(bratiaa_root):
    original = read(files_under(bratiaa_root), {})
    data, _ = exported(original.header, original.documents)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        conf = archive.read("annotation.conf").decode()
    for folder in ("", "Lisa/", "Maria/", "Max/", "Peter/"):
        assert f"{folder}annotation.conf" in names and f"{folder}visual.conf" in names
    assert "Lisa/esp.train-doc-100.txt" in names and "Peter/esp.train-doc-896.ann" in names
    assert names[-1] == "README.txt"
    entities = conf.split("[entities]")[1].split("[relations]")[0].split()
    assert entities == ["ORG", "PER", "LOC", "MISC"]


def test_brats_own_reader_accepts_every_exported_ann(tutorial_root, tmp_path):
    from bratsubset.annotation import TextAnnotations

    original = read(files_under(tutorial_root), {})
    data, _ = exported(original.header, original.documents)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        archive.extractall(tmp_path)
    counts = {"spans": 0, "attributes": 0, "relations": 0, "notes": 0, "events": 0}
    for ann in sorted((tmp_path / "annotator").glob("*.ann")):
        with TextAnnotations(str(ann.with_suffix("")), read_only=True) as annotations:
            assert annotations.failed_lines == [], ann.name
            counts["spans"] += len(list(annotations.get_textbounds()))
            counts["attributes"] += len(list(annotations.get_attributes()))
            counts["relations"] += len(list(annotations.get_relations()))
            counts["notes"] += len(list(annotations.get_oneline_comments()))
            counts["events"] += len(list(annotations.get_events()))
    assert counts == {"spans": 119, "attributes": 11, "relations": 8, "notes": 3, "events": 23}


def test_bratiaa_computes_the_same_agreement_on_our_export(bratiaa_root, tmp_path):
    import bratiaa

    original = read(files_under(bratiaa_root), {})
    data, _ = exported(original.header, original.documents)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        archive.extractall(tmp_path / "export")
    ours = bratiaa.compute_f1_agreement(str(tmp_path / "export"))
    theirs = bratiaa.compute_f1_agreement(str(bratiaa_root))
    assert ours.annotators == theirs.annotators == ["Lisa", "Maria", "Max", "Peter"]
    assert ours.documents == theirs.documents and len(ours.documents) == 7
    assert ours.labels == theirs.labels
    assert list(ours.mean_sd_total()) == pytest.approx(list(theirs.mean_sd_total()))
    for mine, original_figures in zip(
        ours.mean_sd_per_label(), theirs.mean_sd_per_label(), strict=True
    ):
        assert list(mine) == pytest.approx(list(original_figures))
    for mine, original_figures in zip(
        ours.mean_sd_per_document(), theirs.mean_sd_per_document(), strict=True
    ):
        assert list(mine) == pytest.approx(list(original_figures))


def test_the_export_streams_a_chunk_per_document_as_documents_arrive():
    taken = []

    def documents() -> Iterator[dict[str, Any]]:
        for i in range(1, 41):
            taken.append(i)
            text = f"Document {i}: {SENTENCE}"
            span = {"id": i, "label": "SOURCE", "start": 0, "end": 8, "text": "Document"}
            aset = {"kind": "annotator", "author": "ana", "spans": [span]}
            yield {"id": i, "title": f"doc {i}", "text": text, "sets": [aset]}

    header = {"schema": {"span_labels": [{"key": "SOURCE", "attributes": []}]}}
    chunks = write(header, documents(), ExportNotes())
    first = next(chunks)
    assert first and len(taken) == 1  # written before the second document was asked for
    rest = list(chunks)
    assert len(rest) >= 40
    with zipfile.ZipFile(io.BytesIO(first + b"".join(rest))) as archive:
        assert archive.testzip() is None
        assert len([n for n in archive.namelist() if n.endswith(".ann")]) == 40
        assert archive.read("ana/doc-7.ann").decode() == "T1\tSOURCE 0 8\tDocument\n"


def test_what_brat_cannot_hold_is_listed_in_the_notes_and_the_readme():
    schema = {
        "span_labels": [
            {"key": "CLAIM", "attributes": [{"key": "quote_type", "type": "choice",
                                             "choices": ["direct", "in part"]}]},
            {"key": "SOURCE", "attributes": [{"key": "side", "type": "text"}]},
        ],
    }  # fmt: skip
    spans = [
        {"id": 1, "label": "SOURCE", "start": 0, "end": 9, "text": "Officials",
         "attributes": {"side": "the union", "note": "who?"}},
        {"id": 2, "label": "CLAIM", "start": 15, "end": 41, "text": "the strike would end soon.",
         "attributes": {"quote_type": "in part"}},
    ]  # fmt: skip
    aset = {
        "kind": "gold",
        "spans": spans,
        "relations": [
            {"type": "SAID", "source": 2, "target": 1, "target_document": None},
            {"type": "SAME", "source": 2, "target": 7, "target_document": 9},
        ],
        "stances": [{"holder": 1, "object": 2, "value": "favor"}],
        "answers": {"framing": "neutral"},
    }
    record = {"id": 3, "title": "Strike", "text": SENTENCE, "sets": [aset]}
    data, notes = exported({"schema": schema}, [record])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        ann = archive.read("gold/Strike.ann").decode()
        readme = archive.read("README.txt").decode()
        conf = archive.read("annotation.conf").decode()
    assert ann.splitlines() == [
        "T1\tSOURCE 0 9\tOfficials",
        "#1\tAnnotatorNotes T1\twho?",
        "T2\tCLAIM 15 41\tthe strike would end soon.",
        "A1\tquote_type T2 in_part",
        "R1\tSAID Arg1:T2 Arg2:T1",
    ]
    assert "quote_type\tArg:CLAIM, Value:direct|in_part" in conf
    for item in (
        "1 free-text attributes (side): brat has none",
        "1 attribute values with spaces (written with _)",
        "1 relations across documents",
        "1 stances",
        "1 document answers",
    ):
        assert item in readme
        assert any(item in note for note in notes)


def test_a_span_over_a_line_break_is_written_one_piece_per_line_and_read_back_whole():
    text = "Officials said\nthe strike would end."
    span = {"id": 1, "label": "CLAIM", "start": 10, "end": 25, "text": text[10:25]}
    record = {"id": 1, "title": "t", "text": text,
              "sets": [{"kind": "annotator", "author": "ana", "spans": [span]}]}  # fmt: skip
    data, notes = exported({"schema": {"span_labels": [{"key": "CLAIM"}]}}, [record])
    [(name, ann)] = [(n, d) for n, d in unzipped(data) if n.endswith(".ann")]
    assert ann.decode() == "T1\tCLAIM 10 14;15 25\tsaid the strike\n"
    assert any("line break" in note for note in notes)
    result = read(unzipped(data), {})
    [span] = result.documents[0]["sets"][0]["spans"]
    assert (span["start"], span["end"], span.get("fragments")) == (10, 25, None)
    assert span["text"] == "said\nthe strike"
    assert [(n.line, n.message) for n in result.notes if n.file.endswith(".ann")] == [
        (1, "T1: its pieces 10 14 and 15 25 are apart only by a line break "
            "(brat's pieces of a selection across lines): one piece 10 25"),
    ]  # fmt: skip


def test_file_and_folder_names_are_safe_and_unique():
    def record(i: int, title: str, author: str) -> dict[str, Any]:
        return {"id": i, "title": title, "text": f"Text {i}.",
                "sets": [{"kind": "annotator", "author": author, "spans": []}]}  # fmt: skip

    documents = [
        record(1, "Grève à Marseille / jour 2", "ana"),
        record(2, "Grève à Marseille / jour 2", "ana"),
        record(3, "", "gold"),
    ]
    data, notes = exported({"schema": {}}, documents)
    names = {n for n, _ in unzipped(data, folder="x")}
    assert "x/ana/Greve-a-Marseille-jour-2.txt" in names
    assert "x/ana/2-Greve-a-Marseille-jour-2.txt" in names
    assert "x/annotator-gold/3.txt" in names  # an annotator called "gold" is not the gold layer
    assert any("annotator-gold" in note for note in notes)


def test_a_span_ending_with_a_line_break_is_written_without_it_and_counted():
    text = "Officials said\nthe strike would end."
    span = {"id": 1, "label": "CLAIM", "start": 10, "end": 15, "text": text[10:15]}
    record = {"id": 1, "title": "t", "text": text,
              "sets": [{"kind": "annotator", "author": "ana", "spans": [span]}]}  # fmt: skip
    data, notes = exported({"schema": {"span_labels": [{"key": "CLAIM"}]}}, [record])
    [ann] = [d for n, d in unzipped(data) if n.endswith(".ann")]
    assert ann.decode() == "T1\tCLAIM 10 14\tsaid\n"
    assert notes == [
        "brat: left out or changed: "
        "1 spans beginning or ending with a line break (written without it)"
    ]
