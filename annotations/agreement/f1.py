"""Pure: F1 counts between two layers' units on one document, by label.

Three ways to count, all over the units of each layer with repeats removed (a unit marked
twice counts once, as bratiaa reads a file's annotations into a set):

- ``exact``: a unit matches a unit of the other layer with the same identity (spans: label
  and pieces; bratiaa's *instance-based* F1);
- ``overlap``: matched one to one by ``matching.matching`` (same label, overlapping places,
  IoU at least ``min_iou``), exact pairs first;
- ``tokens`` (spans only; bratiaa's *token-based* F1): each piece of each span becomes the
  (label, token) bits of the tokens it overlaps, tokens being runs of non-space characters
  (bratiaa's ``\\S+``); the bits of the two layers are compared as multisets, so a token under
  two spans of one label counts twice.

``Side`` is one layer's units of one kind on one document made ready for counting (repeats
removed, labels worked out once), as ``counting.py`` keeps them for every pair the layer is
in; ``exact_side_counts`` and ``overlap_side_counts`` count two sides by label with one
comparison over all labels (units of different labels never match). ``TokenBits`` are a
layer's token bits as sorted integer keys with their counts, compared with numpy.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from annotations.agreement.matching import matching, overlap_matching
from annotations.agreement.tally import Counts
from annotations.agreement.units import Unit

Counting = Literal["exact", "overlap", "tokens"]
# What ``\\s`` matches in a Python regular expression (``str.isspace``): the tokens are the runs
# of other characters, as bratiaa's ``\\S+`` finds them.
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
    "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# Whether a code point is white space, for code points up to 0x3000; 0x3001 stands for all above.
_SPACE_TABLE = np.zeros(0x3002, dtype=bool)
_SPACE_TABLE[[ord(c) for c in WHITESPACE]] = True


class Tokens:
    """A text's tokens (runs of non-space characters): where each starts and ends (code
    points, sorted), found with numpy over the text's code points."""

    def __init__(self, text: str) -> None:
        points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        word = np.zeros(len(points) + 2, dtype=bool)  # whether in a token, with a space around
        np.invert(_SPACE_TABLE.take(np.minimum(points, 0x3001).astype(np.uint16)), out=word[1:-1])
        edges = np.flatnonzero(word[1:] != word[:-1])  # where tokens start and end, in turn
        self.starts, self.ends = edges[0::2], edges[1::2]


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


# --- sides: a layer's units made ready once for every pair it is in --------------------------


@dataclass
class Side:
    units: list[Unit]  # repeats removed, in their order
    labels: list[str]  # each unit's label
    per_label: Counter[str]
    keys: set[tuple[Any, ...]]  # the units' identities (``Unit.key``)


def side(units: Iterable[Unit], keep: Collection[str] | None = None) -> Side:
    """A layer's units of one kind on a document, only those of ``keep``'s labels if given."""
    unique = list(dict.fromkeys(units))
    labels = [u.label for u in unique]
    if keep is not None:
        chosen = [i for i, label in enumerate(labels) if label in keep]
        unique, labels = [unique[i] for i in chosen], [labels[i] for i in chosen]
    return Side(unique, labels, Counter(labels), {u.key for u in unique})


def _side_counts(a: Side, b: Side, tp: Counter[str]) -> dict[str, Counts]:
    return {
        label: Counts(tp[label], a.per_label[label], b.per_label[label])
        for label in a.per_label.keys() | b.per_label.keys()
    }


def exact_side_counts(a: Side, b: Side) -> dict[str, Counts]:
    """``exact_counts`` of two sides."""
    keys = b.keys
    return _side_counts(
        a, b, Counter(label for u, label in zip(a.units, a.labels, strict=True) if u.key in keys)
    )


def overlap_side_counts(a: Side, b: Side, min_iou: float = 0.0) -> dict[str, Counts]:
    """``overlap_counts`` of two sides: one matching over every label at once. The units
    both sides have pair with each other (``matching`` pairs equal units first); only the
    rest are matched by overlap."""
    tp = Counter(label for u, label in zip(a.units, a.labels, strict=True) if u.key in b.keys)
    rest_a = [i for i, u in enumerate(a.units) if u.key not in b.keys]
    rest_b = [u for u in b.units if u.key not in a.keys]
    if rest_a and rest_b:
        pairs = overlap_matching([a.units[i] for i in rest_a], rest_b, min_iou)
        tp.update(a.labels[rest_a[i]] for i, _ in pairs)
    return _side_counts(a, b, tp)


class Texts:
    """Many documents' tokens found at once: the texts laid end to end with a space between
    them (no token runs across it), their tokens found once (``Tokens``). A document is
    known by its index in ``texts``; ``firsts[d]`` is the number of its first token, and
    ``firsts[-1]`` the number of tokens in all."""

    def __init__(self, texts: Sequence[str]) -> None:
        lengths = np.array([len(text) for text in texts], dtype=np.int64)
        self.offsets = np.concatenate(([0], np.cumsum(lengths + 1)))  # where each text starts
        self.tokens = Tokens(" ".join(texts))
        self.firsts = np.searchsorted(self.tokens.starts, self.offsets, side="left")
        self.size = int(self.firsts[-1])

    def bits(
        self, spans: Iterable[tuple[int, Iterable[Unit]]], labels: dict[str, int]
    ) -> TokenBits:
        """A layer's (label, token) bits on every document it has: ``spans`` are (document
        index, the layer's spans on it), repeats removed per document. Each piece of each
        span gives the bits of its document's tokens it overlaps (those that end after it
        starts and start before it ends). ``labels`` numbers the labels, and grows."""
        starts, ends, numbers, documents = [], [], [], []
        for document, units in spans:
            for unit in set(units):
                place = unit.places[0]
                number = labels.setdefault(place.label, len(labels))  # type: ignore[union-attr]
                for start, end in place.pieces:  # type: ignore[union-attr]
                    starts.append(start)
                    ends.append(end)
                    numbers.append(number)
                    documents.append(document)
        where = np.array(documents, dtype=np.int64)
        offsets = self.offsets[where]
        tokens = self.tokens
        # the search over all texts, kept to the piece's own document's tokens
        lo = np.searchsorted(tokens.ends, np.array(starts, dtype=np.int64) + offsets, "right")
        hi = np.searchsorted(tokens.starts, np.array(ends, dtype=np.int64) + offsets, "left")
        lo = np.maximum(lo, self.firsts[where])
        hi = np.minimum(hi, self.firsts[where + 1])
        widths = np.maximum(hi - lo, 0)
        firsts = np.repeat(lo - np.cumsum(widths) + widths, widths)
        keys = np.repeat(np.array(numbers, dtype=np.int64) * self.size, widths) + firsts
        keys += np.arange(len(keys))
        distinct, counts = np.unique(keys, return_counts=True)
        return TokenBits(distinct, counts)

    def counts(
        self, a: TokenBits, b: TokenBits, shared: np.ndarray, labels: dict[str, int]
    ) -> dict[int, dict[str, Counts]]:
        """Counts by document index and label of two layers' bits (numbered by the same
        ``labels``) on the documents ``shared`` marks (a bool per document), compared as
        multisets; for each such document, only labels with bits in either layer."""
        names, size = list(labels), max(self.size, 1)
        n, documents = len(names), len(self.firsts) - 1
        cells = documents * n

        def cell(keys: np.ndarray) -> np.ndarray:  # document index x labels + label
            document = np.searchsorted(self.firsts, keys % size, side="right") - 1
            return document * n + keys // size

        cell_a, cell_b = cell(a.keys), cell(b.keys)
        _, ia, ib = np.intersect1d(a.keys, b.keys, assume_unique=True, return_indices=True)
        both = np.minimum(a.counts[ia], b.counts[ib])
        in_a = np.bincount(cell_a, weights=a.counts, minlength=cells).reshape(documents, n)
        in_b = np.bincount(cell_b, weights=b.counts, minlength=cells).reshape(documents, n)
        tp = np.bincount(cell_a[ia], weights=both, minlength=cells).reshape(documents, n)
        out: dict[int, dict[str, Counts]] = {int(d): {} for d in np.flatnonzero(shared)}
        for d, k in zip(*np.nonzero(((in_a > 0) | (in_b > 0)) & shared[:, None]), strict=True):
            out[int(d)][names[k]] = Counts(int(tp[d, k]), int(in_a[d, k]), int(in_b[d, k]))
        return out


@dataclass
class TokenBits:
    """A layer's (label, token) bits: ``keys`` (label number x all tokens + token number,
    ``Texts``), sorted and distinct, with how many times each is covered."""

    keys: np.ndarray
    counts: np.ndarray
