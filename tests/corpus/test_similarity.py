"""Clause hashes for near-duplicate detection (``corpus.similarity``)."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

from corpus.similarity import clauses
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
