"""The seed story's gold layer (tests/gold/seed_story_gold.json) is sound: its offsets fit
the seed texts as the corpus import stores them, its spans and relations follow the
news-attribution preset, and its SAME_CLAIM links join passages that say much the same.

The file holds offsets and labels only; every check on what a span covers is computed here
from the seed texts in ../shared/seeds."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from annotations.presets import NEWS_ATTRIBUTION
from corpus.models import Document
from corpus.services import documents_import

pytestmark = pytest.mark.django_db

GOLD_PATH = Path(__file__).parent / "seed_story_gold.json"
STORY = "Gaza hostage talks, March 2024"
QUOTE_MARKS = "\"'“”‘’"
AXIOS, AL_MAYADEEN, TIMES_OF_ISRAEL, CNN = "000", "001", "003", "004"


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    return json.loads(GOLD_PATH.read_text(encoding="utf-8"))


@pytest.fixture
def texts(seeds_dir: Path) -> dict[str, Document]:
    """The seed articles imported through the real corpus import, by file name."""
    files = [(path.name, path.read_bytes()) for path in sorted(seeds_dir.glob("*.txt"))]
    report = documents_import(files=files, story_name=STORY)
    assert report.errors == []
    return {doc.meta["source"]["file"]: doc for doc in report.documents}


def _spans(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {span["id"]: span for span in document["spans"]}


def _covered(doc: Document, span: dict[str, Any]) -> str:
    return doc.text[span["start"] : span["end"]]


def _splits_a_word(text: str, at: int) -> bool:
    return 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum()


def _content_words(text: str) -> set[str]:
    """Lower-cased runs of letters of four or more: quote marks, case, punctuation,
    whitespace and short function words do not count."""
    return {word for word in re.findall(r"[^\W\d_]+", text.lower()) if len(word) >= 4}


def _overlap(a: str, b: str) -> float:
    """Shared content words over the smaller side's: a partial quote still scores high."""
    words_a, words_b = _content_words(a), _content_words(b)
    return len(words_a & words_b) / min(len(words_a), len(words_b))


def test_every_gold_document_is_a_seed_article_as_the_import_stores_it(gold, texts):
    for document in gold["documents"]:
        assert document["file"] in texts
        assert texts[document["file"]].sha256 == document["sha256"], document["file"]


def test_the_gold_annotates_all_five_seed_articles(gold, seeds_dir):
    seeds = sorted(path.name for path in seeds_dir.glob("*.txt"))
    assert sorted(document["file"] for document in gold["documents"]) == seeds
    for document in gold["documents"]:
        assert any(span["label"] == "CLAIM" for span in document["spans"]), document["file"]


def test_every_span_lies_inside_its_document_and_on_word_boundaries(gold, texts):
    for document in gold["documents"]:
        text = texts[document["file"]].text
        for span in document["spans"]:
            where = f"{document['file']} {span['id']}"
            assert 0 <= span["start"] < span["end"] <= len(text), where
            assert not text[span["start"]].isspace(), where
            assert not text[span["end"] - 1].isspace(), where
            assert "\n" not in text[span["start"] : span["end"]], where
            assert not _splits_a_word(text, span["start"]), where
            assert not _splits_a_word(text, span["end"]), where


def test_span_ids_are_unique_and_labels_and_attributes_come_from_the_preset(gold):
    labels = {label["key"]: label for label in NEWS_ATTRIBUTION["span_labels"]}
    for document in gold["documents"]:
        ids = [span["id"] for span in document["spans"]]
        assert len(ids) == len(set(ids)), document["file"]
        places = [(s["label"], s["start"], s["end"]) for s in document["spans"]]
        assert len(places) == len(set(places)), document["file"]
        for span in document["spans"]:
            assert span["label"] in labels
            choices = {a["key"]: a.get("choices") for a in labels[span["label"]]["attributes"]}
            for key, value in span.get("attributes", {}).items():
                assert value in choices[key], (document["file"], span["id"], key)


def test_every_claim_says_its_quote_type_and_every_source_its_source_type(gold):
    required = {"CLAIM": "quote_type", "SOURCE": "source_type", "CUE": None}
    for document in gold["documents"]:
        for span in document["spans"]:
            if required[span["label"]]:
                assert required[span["label"]] in span["attributes"], (document["file"], span["id"])


def test_a_direct_quote_sits_between_quote_marks_and_a_mixed_one_holds_some(gold, texts):
    for document in gold["documents"]:
        text = texts[document["file"]].text
        for span in document["spans"]:
            kind = span.get("attributes", {}).get("quote_type")
            where = f"{document['file']} {span['id']}"
            if kind == "direct":
                assert text[span["start"] - 1] in QUOTE_MARKS, where
                assert any(mark in text[span["end"] : span["end"] + 2] for mark in QUOTE_MARKS)
            elif kind == "mixed":
                assert any(mark in _covered(texts[document["file"]], span) for mark in QUOTE_MARKS)


def test_every_relation_joins_existing_spans_with_the_labels_the_preset_allows(gold):
    types = {rel["key"]: rel for rel in NEWS_ATTRIBUTION["relation_types"]}
    for document in gold["documents"]:
        spans = _spans(document)
        for relation in document["relations"]:
            kind = types[relation["label"]]
            assert not kind["cross_document"], relation
            assert spans[relation["from"]]["label"] in kind["from_labels"], relation
            assert spans[relation["to"]]["label"] in kind["to_labels"], relation


def test_every_claim_is_attributed_to_one_source_through_a_cue_beside_neither(gold, texts):
    for document in gold["documents"]:
        spans = _spans(document)
        for claim in (s for s in document["spans"] if s["label"] == "CLAIM"):
            sources = [r["to"] for r in document["relations"]
                       if r["label"] == "ATTRIBUTED_TO" and r["from"] == claim["id"]]  # fmt: skip
            cues = [r["from"] for r in document["relations"]
                    if r["label"] == "CUE_OF" and r["to"] == claim["id"]]  # fmt: skip
            where = f"{document['file']} {claim['id']}"
            assert len(sources) == 1 and len(cues) == 1, where
            for other in (spans[sources[0]], spans[cues[0]]):
                assert other["end"] <= claim["start"] or other["start"] >= claim["end"], where
            assert len(_covered(texts[document["file"]], spans[cues[0]]).split()) <= 3, where


def test_every_stance_is_a_source_on_another_source_s_claim_with_a_preset_value(gold):
    stance = NEWS_ATTRIBUTION["stance"]
    for document in gold["documents"]:
        spans = _spans(document)
        attributed = {r["from"]: r["to"] for r in document["relations"]
                      if r["label"] == "ATTRIBUTED_TO"}  # fmt: skip
        for record in document["stances"]:
            assert spans[record["holder"]]["label"] in stance["holder_labels"], record
            assert spans[record["object"]]["label"] in stance["object_labels"], record
            assert record["value"] in stance["values"], record
            assert attributed[record["object"]] != record["holder"], record


def test_every_span_is_in_some_relation(gold):
    for document in gold["documents"]:
        related = {r["from"] for r in document["relations"]} | {
            r["to"] for r in document["relations"]
        }
        assert set(_spans(document)) == related, document["file"]


def test_every_same_claim_pair_says_much_the_same_in_both_documents(gold, texts):
    """A pair of the same quoted words shares half its content words; a pair that says the
    same in other words (a rewrite's paraphrase, another translation of one statement)
    shares less, but at least a quarter."""
    documents = {document["file"]: _spans(document) for document in gold["documents"]}
    for link in gold["same_claim"]:
        ends = [link["from"], link["to"]]
        assert ends[0]["file"] != ends[1]["file"], link
        spans = [documents[end["file"]][end["span"]] for end in ends]
        assert [span["label"] for span in spans] == ["CLAIM", "CLAIM"], link
        covered = [_covered(texts[e["file"]], s) for e, s in zip(ends, spans, strict=True)]
        least = {"quoted": 0.5, "reworded": 0.25}[link["wording"]]
        assert _overlap(*covered) >= least, link


def test_same_claim_links_cover_the_shared_axios_quotes_and_the_delusional_pair(gold):
    pairs = [tuple(sorted((link["from"]["file"][:3], link["to"]["file"][:3])))
             for link in gold["same_claim"]]  # fmt: skip
    assert pairs.count((AXIOS, AL_MAYADEEN)) >= 12
    assert (TIMES_OF_ISRAEL, CNN) in pairs


def test_same_source_links_join_source_spans_of_two_documents(gold):
    documents = {document["file"]: _spans(document) for document in gold["documents"]}
    assert gold["same_source"]
    for link in gold["same_source"]:
        ends = [link["from"], link["to"]]
        assert ends[0]["file"] != ends[1]["file"], link
        labels = [documents[end["file"]][end["span"]]["label"] for end in ends]
        assert labels == ["SOURCE", "SOURCE"], link


@pytest.mark.parametrize("links", ["same_claim", "same_source"])
def test_no_cross_document_pair_is_given_twice(gold, links):
    pairs = [frozenset((end["file"], end["span"]) for end in (link["from"], link["to"]))
             for link in gold[links]]  # fmt: skip
    assert len(pairs) == len(set(pairs))
