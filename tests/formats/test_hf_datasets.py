"""The Hugging Face exports, loaded back with ``datasets.load_dataset`` from local files
(pure: no database, no network; the datasets cache lives in a temporary folder)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from annotations.formats import hf_datasets
from annotations.formats.hf_datasets import EXPORTS, parquet_schema, write_jsonl, write_parquet
from annotations.formats.records import ExportNotes, layer_name
from tests.formats.sample_records import SET_COUNT, documents, header, many_documents

LOADERS = {"hf-jsonl": "json", "hf-parquet": "parquet"}


@pytest.fixture(scope="module")
def hf(tmp_path_factory: pytest.TempPathFactory):
    """The ``datasets`` module, offline, its home and caches in a temporary folder."""
    home = tmp_path_factory.mktemp("hf")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HF_DATASETS_OFFLINE", "1")
        patch.setenv("HF_HUB_OFFLINE", "1")
        patch.setenv("HF_HOME", str(home))
        import datasets

        datasets.disable_progress_bars()
        yield datasets


def load(hf, folder: Path, fmt: str, records: list | None = None, **options):  # noqa: ANN001
    spec = EXPORTS[fmt]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"export.{spec.extension}"
    data = spec.write(header(), documents() if records is None else records, ExportNotes())
    path.write_bytes(b"".join(data))
    cache = folder / f"cache-{fmt}"
    return hf.load_dataset(
        LOADERS[fmt], data_files=str(path), split="train", cache_dir=str(cache), **options
    )


@pytest.fixture(scope="module")
def both(hf, tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("exports")
    return {fmt: load(hf, folder, fmt) for fmt in LOADERS}


def test_the_formats_are_registered_with_their_media_types():
    assert EXPORTS["hf-jsonl"].media_type == "application/x-ndjson"
    assert EXPORTS["hf-parquet"].media_type == "application/vnd.apache.parquet"
    assert (EXPORTS["hf-jsonl"].extension, EXPORTS["hf-parquet"].extension) == (
        "jsonl",
        "parquet",
    )


@pytest.mark.parametrize("fmt", LOADERS)
def test_there_is_a_row_per_document_and_set(both, fmt):
    dataset = both[fmt]
    assert dataset.num_rows == SET_COUNT
    assert [(row["document_id"], row["layer"]) for row in dataset] == [
        (record["id"], layer_name(aset)) for record in documents() for aset in record["sets"]
    ]


def test_both_files_give_the_same_features_and_the_same_rows(hf, both):
    assert both["hf-jsonl"].features == both["hf-parquet"].features
    assert both["hf-parquet"].features == hf.Features.from_arrow_schema(parquet_schema())
    assert both["hf-jsonl"].to_list() == both["hf-parquet"].to_list()


@pytest.mark.parametrize("fmt", LOADERS)
def test_span_offsets_select_the_span_text_from_the_row_text(both, fmt):
    spans = 0
    for row in both[fmt]:
        for span in row["spans"]:
            pieces = span["fragments"]
            assert pieces[0][0] == span["start"] and pieces[-1][1] == span["end"]
            assert " ".join(row["text"][a:b] for a, b in pieces) == span["text"]
            spans += 1
    assert spans == sum(len(s["spans"]) for r in documents() for s in r["sets"])


def test_a_row_keeps_attributes_relations_stances_and_answers(both):
    rows = both["hf-parquet"].to_list()
    gold = rows[0]
    assert (gold["title"], gold["outlet"], gold["story"], gold["kind"], gold["author"]) == (
        "Kelham reservoir to close for repairs",
        "Brenford Courier",
        "Kelham reservoir closure",
        "gold",
        "rhea",
    )
    claim = next(s for s in gold["spans"] if s["id"] == 1004)
    assert claim["fragments"] == [[128, 139], [159, 176]]
    assert json.loads(claim["attributes"]) == {"quote_type": "indirect", "check_worthy": "yes"}
    assert {"holder": None, "target": "board", "object": None, "value": "neutral"} in gold[
        "stances"
    ]
    assert json.loads(gold["answers"]) == {
        "framing": {"board": "neutral", "residents": "sympathetic"}
    }
    herald = next(r for r in rows if (r["document_id"], r["layer"]) == (102, "tomas"))
    across = [r for r in herald["relations"] if r["target_document"] is not None]
    assert [(r["type"], r["target"], r["target_document"]) for r in across] == [
        ("SAME_CLAIM", 2003, 101),
        ("SAME_SOURCE", 2001, 101),
    ]
    letter = [r for r in rows if r["document_id"] == 103]
    assert [(r["outlet"], r["story"], r["model_name"], r["status"]) for r in letter] == [
        (None, None, "claimbert-v2", "submitted"),
        (None, None, None, "skipped"),
    ]
    assert letter[1]["spans"] == [] and letter[1]["answers"] == "{}"


def test_a_jsonl_without_stories_or_relations_loads_with_the_parquet_features(hf, tmp_path):
    letter = documents()[2:]
    plain = load(hf, tmp_path, "hf-jsonl", letter)
    assert plain.features["story"].dtype == "null"  # what the JSON loader guesses alone
    typed = load(hf, tmp_path / "typed", "hf-jsonl", letter,
                 features=hf.Features.from_arrow_schema(parquet_schema()))  # fmt: skip
    assert typed.features == hf.Features.from_arrow_schema(parquet_schema())
    assert typed.num_rows == 2


def test_jsonl_is_streamed_a_chunk_per_document():
    chunks = list(write_jsonl(header(), many_documents(9), ExportNotes()))
    assert len(chunks) == 9
    assert [json.loads(line)["document_id"] for line in chunks[4].splitlines()] == [5, 5]


def test_parquet_is_streamed_a_row_group_at_a_time(monkeypatch):
    monkeypatch.setattr(hf_datasets, "ROW_GROUP", 10)
    chunks = list(write_parquet(header(), many_documents(30), ExportNotes()))
    table = pq.ParquetFile(io.BytesIO(b"".join(chunks)))
    assert table.metadata.num_rows == 80  # 10 rounds of the samples' 8 sets
    assert table.metadata.num_row_groups >= 7
    assert len(chunks) >= table.metadata.num_row_groups  # each sent once written
    assert chunks[0].startswith(b"PAR1") and chunks[-1].endswith(b"PAR1")
    assert table.schema_arrow == parquet_schema()


def test_parquet_of_no_documents_is_a_valid_empty_table():
    data = b"".join(write_parquet(header(), [], ExportNotes()))
    table = pq.read_table(io.BytesIO(data))
    assert table.num_rows == 0 and table.schema == parquet_schema()
