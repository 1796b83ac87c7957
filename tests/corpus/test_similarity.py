"""Clause hashes for near-duplicate detection (``corpus.similarity``)."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

from corpus.similarity import THRESHOLD, ClauseIndex, clauses
from tests.corpus.sample_articles import LEAD

TEXT = (
    f"{LEAD} “We will open a temporary ferry line for commuters,” she added; «the divers are back»."
)


def test_a_clause_hash_is_the_same_in_another_process() -> None:
    """Imports cut clauses in worker processes and compare them in the calling one."""
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        assert pool.submit(clauses, TEXT).result() == clauses(TEXT)


def test_clauses_are_cut_at_punctuation_and_need_four_words() -> None:
    assert clauses("One two three four. Five six, eight nine ten eleven") == clauses(
        "ONE TWO THREE FOUR! eight nine ten eleven"
    )
    assert clauses("Too short. Also short") == set()


QUOTES = [
    "“The bridge is not safe for the heavy trucks that cross it every single morning,” she said.",
    "“We will open a temporary ferry line for commuters as soon as the divers report back.”",
    "“Nobody in this council wants to close the bridge in the middle of the busy season.”",
    "“The repairs will cost far more than the budget the council approved last spring.”",
]


def test_a_new_text_sharing_enough_clauses_with_an_earlier_one_is_a_near_duplicate() -> None:
    index = ClauseIndex()
    assert index.add(1, clauses(" ".join(QUOTES))) == []
    (pair,) = index.add(2, clauses("Ledger reports on the closure. " + " ".join(QUOTES[:3])))
    assert (pair.document, pair.similar_to) == (2, 1) and pair.similarity >= THRESHOLD
    assert index.add(3, clauses("The festival will start in June, the organisers said.")) == []


def test_old_texts_are_compared_with_new_ones_only() -> None:
    index = ClauseIndex()
    index.add_old(1, clauses(" ".join(QUOTES)))
    index.add_old(2, clauses(" ".join(QUOTES)))
    assert [(p.document, p.similar_to) for p in index.add(3, clauses(" ".join(QUOTES)))] == [
        (3, 1),
        (3, 2),
    ]
