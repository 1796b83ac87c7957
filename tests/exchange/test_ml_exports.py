"""The machine-learning exports, read back by the libraries people train with: spaCy,
Hugging Face ``datasets``; and CoNLL, CSV and the schema."""

from __future__ import annotations

import csv
import io

import orjson
import pytest

from annotations.formats.records import ExportNotes
from annotations.schema import validate_definition
from tests.exchange.helpers import exported, lines

pytestmark = pytest.mark.django_db


def native_spans(annotated) -> dict[tuple[int, str], list[dict]]:  # noqa: ANN001
    """(document id, layer) -> spans, from the native export."""
    from annotations.formats.records import layer_name

    return {
        (record["id"], layer_name(aset)): aset["spans"]
        for record in lines(exported(annotated.project))[1:]
        for aset in record["sets"]
    }


def test_spacy_loads_the_docbin_with_every_span_at_its_offsets(annotated):
    import spacy
    from spacy.tokens import DocBin

    data = exported(annotated.project, "spacy")
    docs = list(DocBin().from_bytes(data).get_docs(spacy.blank("en").vocab))
    expected = native_spans(annotated)
    assert len(docs) == len(expected) == 5
    for doc in docs:
        info = doc.user_data["claimlens"]
        key = (info["document_id"], info["layer"])
        text = next(d.text for d in annotated.people.documents if d.pk == key[0])
        assert doc.text == text
        got = sorted((s.start_char, s.end_char, s.label_, s.text) for s in doc.spans[key[1]])
        want = sorted(
            (a, b, span["label"], text[a:b])
            for span in expected[key]
            for a, b in (span["fragments"] or [[span["start"], span["end"]]])
        )
        assert got == want
    annotator = next(d for d in docs if d.user_data["claimlens"]["layer"] == "annotator")
    claim = next(s for s in annotator.user_data["claimlens"]["spans"] if s["label"] == "CLAIM")
    assert len(claim["fragments"]) == 2 and claim["attributes"] == {"quote_type": "indirect"}


@pytest.mark.parametrize("fmt, loader", [("hf-jsonl", "json"), ("hf-parquet", "parquet")])
def test_datasets_loads_the_export_with_a_row_per_document_and_set(
    annotated, tmp_path, monkeypatch, fmt, loader
):
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    import datasets

    path = tmp_path / f"export.{loader}"
    path.write_bytes(exported(annotated.project, fmt))
    dataset = datasets.load_dataset(loader, data_files=str(path), split="train",
                                    cache_dir=str(tmp_path / "cache"))  # fmt: skip
    expected = native_spans(annotated)
    assert dataset.num_rows == len(expected)
    for row in dataset:
        spans = row["spans"]
        assert len(spans) == len(expected[(row["document_id"], row["layer"])])
        for span in spans:
            pieces = span["fragments"] or [[span["start"], span["end"]]]
            assert " ".join(row["text"][a:b] for a, b in pieces) == span["text"]
    annotator = next(r for r in dataset if r["layer"] == "annotator" and r["stances"])
    assert orjson.loads(annotator["answers"]) == {
        "framing": {"union": "sympathetic", "authority": "critical"}
    }
    assert {s["value"] for s in annotator["stances"]} == {"favor", "against", "neutral"}


def test_both_hugging_face_files_give_the_same_rows(annotated, tmp_path, monkeypatch):
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    import datasets

    loaded = {}
    for fmt, loader in (("hf-jsonl", "json"), ("hf-parquet", "parquet")):
        path = tmp_path / f"export.{loader}"
        path.write_bytes(exported(annotated.project, fmt))
        loaded[loader] = datasets.load_dataset(
            loader, data_files=str(path), split="train", cache_dir=str(tmp_path / loader)
        ).to_list()
    assert loaded["json"] == loaded["parquet"]


def conll_blocks(data: bytes) -> list[dict]:
    blocks, current = [], None
    for line in data.decode().split("\n"):
        if line.startswith("# document_id = "):
            current = {"id": int(line.split("= ")[1]), "tokens": [], "comments": []}
            blocks.append(current)
        elif line.startswith("# "):
            current["comments"].append(line)
        elif line:
            token, tag = line.split("\t")
            current["tokens"].append((token, tag))
    return blocks


def test_conll_tags_every_span_and_reports_what_bio_cannot_hold(annotated):
    notes = ExportNotes()
    blocks = conll_blocks(exported(annotated.project, "conll", notes=notes))
    assert len(blocks) == 5
    first = annotated.people.documents[0]
    annotator = next(b for b in blocks if b["id"] == first.pk and "# layer = annotator" in
                     b["comments"])  # fmt: skip
    words = [t for t, _ in annotator["tokens"]]
    assert "".join(words) == "".join(first.text.split())
    tagged = [(t, tag) for t, tag in annotator["tokens"] if tag != "O"]
    assert tagged[:3] == [("The", "B-SOURCE"), ("port", "I-SOURCE"), ("authority", "I-SOURCE")]
    assert ("strike", "I-CLAIM") in tagged and ("would", "B-CLAIM") in tagged
    split = [c for c in annotator["comments"] if c.startswith("# not expressed: CLAIM")]
    assert split and "discontinuous" in split[0]
    assert any("discontinuous" in n for n in notes.items)


def test_conll_reports_an_overlap_within_a_layer(annotated):
    from annotations.formats.conll import block

    text = "Officials said the strike would end soon."
    record = {"id": 1, "text": text}
    aset = {"kind": "gold", "spans": [
        {"label": "CLAIM", "start": 15, "end": 40, "text": text[15:40]},
        {"label": "CLAIM", "start": 19, "end": 25, "text": text[19:25]},
    ]}  # fmt: skip
    notes = ExportNotes()
    out = block(record, aset, notes)
    assert "# not expressed: CLAIM [19, 25) 'strike': overlaps [15, 40)" in out
    assert "strike\tI-CLAIM" in out
    assert len(notes.items) == 1


def test_the_spans_table_has_a_row_per_span(annotated):
    rows = list(csv.DictReader(io.StringIO(exported(annotated.project, "csv-spans").decode())))
    expected = native_spans(annotated)
    assert len(rows) == sum(len(v) for v in expected.values())
    claim = next(r for r in rows if r["label"] == "CLAIM" and r["fragments"])
    assert claim["text"] == "the dock workers' strike would end soon"
    assert len(claim["fragments"].split(";")) == 2
    assert orjson.loads(claim["attributes"]) == {"quote_type": "indirect"}
    assert {r["author"] for r in rows} == {"annotator", "other_annotator", "gold",
                                              "model:claim-tagger-v1"}  # fmt: skip


def test_the_stance_table_names_holder_object_target_and_annotator(annotated):
    rows = list(csv.DictReader(io.StringIO(exported(annotated.project, "csv-stances").decode())))
    table = {(r["holder"], r["object"], r["value"], r["author"]) for r in rows}
    claim = "the dock workers' strike would end soon"
    assert table == {
        ("The port authority", claim, "favor", "annotator"),
        ("Union leaders", claim, "against", "annotator"),
        ("(document)", "The dock workers' union", "neutral", "annotator"),
    }
    assert {r["outlet"] for r in rows} == {"Harbour Ledger"}


def test_csv_cells_that_look_like_formulas_are_written_as_text():
    from annotations.formats.csv_tables import write_spans

    text = "=HYPERLINK(x) said the minister"
    record = {"id": 1, "text": text, "title": "+1 title", "sets": [
        {"kind": "gold", "spans": [{"id": 1, "label": "CLAIM", "start": 0, "end": 13,
                                    "text": text[:13]}]}]}  # fmt: skip
    data = b"".join(write_spans({"schema": {}}, [record], ExportNotes())).decode()
    row = next(csv.DictReader(io.StringIO(data)))
    assert row["text"] == "'=HYPERLINK(x)" and row["title"] == "'+1 title"


def test_the_schema_export_is_the_schema_and_reads_back(annotated):
    from annotations.formats.schema_json import read

    data = exported(annotated.project, "schema")
    assert orjson.loads(data) == annotated.project.schema.definition
    result = read([("schema.json", data)], {})
    assert result.errors == []
    assert result.header["schema"] == validate_definition(annotated.project.schema.definition)


def test_a_bad_schema_file_is_refused_path_by_path():
    from annotations.formats.schema_json import read

    result = read([("schema.json", b'{"span_labels": [{"key": "9bad"}], "colour": 1}')], {})
    messages = [e.message for e in result.errors]
    assert "colour: unknown section" in messages
    assert any(m.startswith("span_labels[0].key: must be a key") for m in messages)
