"""The quote aligner against the seed story's gold layer (tests/gold/seed_story_gold.json):
its SAME_CLAIM links, scored link by link. A proposed link is right when each of its two
spans overlaps the CLAIM at the same end of one gold link (exact: the same offsets too).

The gold layer covers all five seed articles in full, so precision is measured on every
proposed link and recall on every gold link; of the reworded gold links the aligner finds
only the Times of Israel / CNN paraphrase of Netanyahu's "delusional" remark (see
docs/suggesters.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotations.suggesters.quotes import ProposedSpan, align_quotes
from corpus.services import documents_import

pytestmark = pytest.mark.django_db

GOLD_PATH = Path(__file__).parent.parent / "gold" / "seed_story_gold.json"

End = tuple[str, int, int]  # file, start, end


def _gold_links(wording: str | None = None) -> set[frozenset[End]]:
    """The gold SAME_CLAIM links, or those of one wording ("quoted" or "reworded")."""
    gold: dict[str, Any] = json.loads(GOLD_PATH.read_text(encoding="utf-8"))
    spans = {
        (document["file"], span["id"]): (document["file"], span["start"], span["end"])
        for document in gold["documents"]
        for span in document["spans"]
    }
    return {
        frozenset(spans[(end["file"], end["span"])] for end in (link["from"], link["to"]))
        for link in gold["same_claim"]
        if wording in (None, link["wording"])
    }


def _proposed_links(seeds_dir: Path) -> set[frozenset[End]]:
    files = [(path.name, path.read_bytes()) for path in sorted(seeds_dir.glob("*.txt"))]
    report = documents_import(files=files, story_name="Quote aligner against gold")
    assert report.errors == []
    names = {doc.pk: doc.meta["source"]["file"] for doc in report.documents}
    result = align_quotes([(doc.pk, doc.text) for doc in report.documents])

    def end(span: ProposedSpan) -> End:
        return (names[span.document_id], span.start, span.end)

    return {
        frozenset((end(result.spans[link.source]), end(result.spans[link.target])))
        for link in result.links
    }


def _overlaps(a: End, b: End) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def _matches(proposed: frozenset[End], gold: frozenset[End], exact: bool) -> bool:
    if exact:
        return proposed == gold
    p, g = sorted(proposed), sorted(gold)
    return all(_overlaps(x, y) for x, y in zip(p, g, strict=True))


def _scores(seeds_dir: Path, *, exact: bool, wording: str | None = None) -> tuple[float, float]:
    gold = _gold_links(wording)
    proposed = _proposed_links(seeds_dir)
    right = [p for p in proposed if any(_matches(p, g, exact) for g in _gold_links())]
    found = [g for g in gold if any(_matches(p, g, exact) for p in proposed)]
    return len(right) / len(proposed), len(found) / len(gold)


def test_every_proposed_link_overlaps_a_gold_link(seeds_dir: Path) -> None:
    precision, recall = _scores(seeds_dir, exact=False)
    assert precision == 1.0  # 14 of 14 when written
    assert recall >= 0.6  # 13 of 21: 8 of the 9 reworded links are not found


def test_the_times_of_israel_and_cnn_paraphrase_is_the_reworded_link_found(
    seeds_dir: Path,
) -> None:
    _precision, recall = _scores(seeds_dir, exact=True, wording="reworded")
    assert recall == 1 / 9  # the "delusional" pair, with the gold offsets exactly


def test_the_gold_links_of_the_same_quoted_words_are_found(seeds_dir: Path) -> None:
    _precision, recall = _scores(seeds_dir, exact=False, wording="quoted")
    assert recall >= 0.9  # 12 of 12 when written


def test_most_proposed_spans_have_the_gold_offsets_exactly(seeds_dir: Path) -> None:
    precision, recall = _scores(seeds_dir, exact=True)
    assert precision >= 0.8  # 12 of 14 when written: two partial quotes inside one mixed claim
    assert recall >= 0.55  # 12 of 21
