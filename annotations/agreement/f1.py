"""Pure: F1 counts between two layers' units on one document, by label.

Three ways to count, all over the units of each layer with repeats removed (a unit marked
twice counts once, as bratiaa reads a file's annotations into a set):

- ``exact``: a unit matches a unit of the other layer with the same identity (spans: label
  and pieces; bratiaa's *instance-based* F1);
- ``overlap``: matched one to one by ``units.matching`` (same label, overlapping places,
  IoU at least ``min_iou``), exact pairs first;
- ``tokens`` (spans only; bratiaa's *token-based* F1): each piece of each span becomes the
  (label, token) bits of the tokens it overlaps, tokens being runs of non-space characters
  (bratiaa's ``\\S+``); the bits of the two layers are compared as multisets, so a token under
  two spans of one label counts twice.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Literal

from annotations.agreement.tally import Counts
from annotations.agreement.units import Unit, matching

Counting = Literal["exact", "overlap", "tokens"]
TOKEN = re.compile(r"\S+")


class Tokens:
    """A text's tokens (runs of non-space characters), to find those a piece overlaps."""

    def __init__(self, text: str) -> None:
        spans = [m.span() for m in TOKEN.finditer(text)]
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def overlapping(self, start: int, end: int) -> range:
        """Indices of the tokens sharing a code point with ``[start, end)``."""
        return range(bisect_right(self.ends, start), bisect_left(self.starts, end))


def by_label(units: Iterable[Unit]) -> dict[str, set[Unit]]:
    out: dict[str, set[Unit]] = defaultdict(set)
    for unit in units:
        out[unit.label].add(unit)
    return out


def exact_counts(a: dict[str, set[Unit]], b: dict[str, set[Unit]]) -> dict[str, Counts]:
    """Counts by label of units grouped by label (``by_label``), matched by identity."""
    out = {}
    for label in a.keys() | b.keys():
        mine, theirs = a.get(label, set()), b.get(label, set())
        out[label] = Counts(len(mine & theirs), len(mine), len(theirs))
    return out


def overlap_counts(
    a: dict[str, set[Unit]], b: dict[str, set[Unit]], min_iou: float = 0.0
) -> dict[str, Counts]:
    out = {}
    for label in a.keys() | b.keys():
        mine, theirs = a.get(label, set()), b.get(label, set())
        tp = len(matching(list(mine), list(theirs), "overlap", min_iou)) if mine and theirs else 0
        out[label] = Counts(tp, len(mine), len(theirs))
    return out


def token_bits(spans: Iterable[Unit], tokens: Tokens) -> Counter[tuple[str, int]]:
    """The (label, token index) bits of a layer's spans (repeats removed first)."""
    bits: Counter[tuple[str, int]] = Counter()
    for unit in set(spans):
        place = unit.places[0]
        for start, end in place.pieces:  # type: ignore[union-attr]
            for token in tokens.overlapping(start, end):
                bits[(place.label, token)] += 1  # type: ignore[union-attr]
    return bits


def token_counts(a: Counter[tuple[str, int]], b: Counter[tuple[str, int]]) -> dict[str, Counts]:
    out: dict[str, Counts] = defaultdict(Counts)
    for (label, _), n in a.items():
        out[label].a += n
    for (label, _), n in b.items():
        out[label].b += n
    for (label, _), n in (a & b).items():
        out[label].tp += n
    return dict(out)
