"""Shared passages: the same long run of words in two documents of a story, with or without
quote marks (one outlet copied another's sentence, or both copied a statement).

Pure: no ORM. Words are the quote aligner's normalised tokens (case, apostrophes, possessives,
punctuation and whitespace do not count). Runs are found through an index of ``shingle_size``
word shingles: hits of two documents on the same diagonal (position in B minus position in A)
that follow each other merge into one run. Runs shorter than ``min_tokens`` words are dropped,
and so is every run that touches a span in ``excluded`` (the quotes: the quote aligner links
those itself), so what is left is copied text outside quote marks.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from annotations.suggesters.tokens import Token


@dataclass(frozen=True)
class SharedPassage:
    """``[start, end)`` in document ``first`` and ``[other_start, other_end)`` in ``second``
    hold the same ``length`` words."""

    first: int
    start: int
    end: int
    second: int
    other_start: int
    other_end: int
    length: int


def _runs(hits: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(diagonal, first position, last position) of consecutive hits on one diagonal."""
    runs: list[list[int]] = []
    for diagonal, position in sorted(hits):
        if runs and runs[-1][0] == diagonal and runs[-1][2] == position - 1:
            runs[-1][2] = position
        else:
            runs.append([diagonal, position, position])
    return [(d, first, last) for d, first, last in runs]


def _touches(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def find_shared_passages(
    tokens: Mapping[int, Sequence[Token]],
    *,
    min_tokens: int,
    shingle_size: int,
    excluded: Mapping[int, Sequence[tuple[int, int]]],
) -> list[SharedPassage]:
    """Every maximal shared run of at least ``min_tokens`` words between two different
    documents (``first`` < ``second`` by id) that touches no excluded span; sorted."""
    index: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
    for document_id, document_tokens in sorted(tokens.items()):
        words = [token.norm for token in document_tokens]
        for i in range(len(words) - shingle_size + 1):
            index[tuple(words[i : i + shingle_size])].append((document_id, i))
    hits: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for holders in index.values():
        for i, (first, at) in enumerate(holders):
            for second, other_at in holders[i + 1 :]:
                if first != second:
                    hits[(first, second)].append((other_at - at, at))
    passages: list[SharedPassage] = []
    for (first, second), pair_hits in hits.items():
        for diagonal, begin, last in _runs(pair_hits):
            length = last - begin + shingle_size
            if length < min_tokens:
                continue
            ours, theirs = tokens[first], tokens[second]
            start, end = ours[begin].start, ours[last + shingle_size - 1].end
            other_start = theirs[begin + diagonal].start
            other_end = theirs[last + diagonal + shingle_size - 1].end
            if _touches(excluded.get(first, ()), start, end):
                continue
            if _touches(excluded.get(second, ()), other_start, other_end):
                continue
            passages.append(
                SharedPassage(first, start, end, second, other_start, other_end, length)
            )
    return sorted(passages, key=lambda p: (p.first, p.start, p.second, p.other_start))
