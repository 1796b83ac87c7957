"""Pure: counts of matched units, and the F1 figures made from them the way bratiaa makes
them.

A ``Tally`` holds, for each pair of layers ``(a, b)``, document and label, three counts:
``tp`` (units matched), ``a`` (units of the first layer) and ``b`` (of the second). F1 is
``2 tp / (a + b)``; with ``a`` taken as the reference, precision is ``tp / b`` and recall
``tp / a``. A figure with nothing to count (``a + b == 0``) is undefined (None).

Figures over pairs, as bratiaa (``bratiaa.agree.F1Agreement``) forms them:

- a pair's F1 over a selection (all, one label, one document) is made from the pair's counts
  summed over it, never by averaging F1 values;
- the mean and the standard deviation are over the pairs (population SD, ``numpy.std``);
  one undefined pair makes the mean and SD undefined, as NaN does in numpy.

A pair counts for a document only when both layers have a set on it (bratiaa: every
annotator has every document).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

Pair = tuple[str, str]


@dataclass
class Counts:
    tp: int = 0
    a: int = 0
    b: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.a += other.a
        self.b += other.b

    @property
    def f1(self) -> float | None:
        return 2 * self.tp / (self.a + self.b) if self.a + self.b else None

    @property
    def precision(self) -> float | None:
        return self.tp / self.b if self.b else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.a if self.a else None


def mean_sd(values: Sequence[float | None]) -> tuple[float | None, float | None]:
    """Mean and population standard deviation; undefined if any value is (or none given)."""
    if not values or any(v is None or math.isnan(v) for v in values):
        return None, None
    mean = math.fsum(values) / len(values)  # type: ignore[arg-type]
    return mean, math.sqrt(math.fsum((v - mean) ** 2 for v in values) / len(values))  # type: ignore[operator]


class Tally:
    """Counts by (pair, document, label). A cell is ``Counts``, or another class with
    ``add`` and ``f1``, ``precision``, ``recall`` (``clusters.BCubed``)."""

    def __init__(self, cell: type = Counts) -> None:
        self.cell = cell
        self.cells: dict[tuple[Pair, int, str], Any] = defaultdict(cell)
        self.pair_documents: dict[Pair, set[int]] = defaultdict(set)

    def add(self, pair: Pair, document: int, label: str, tp: int, a: int, b: int) -> None:
        cell = self.cells[(pair, document, label)]
        cell.tp += tp
        cell.a += a
        cell.b += b

    def seen(self, pair: Pair, document: int) -> None:
        """The pair shares ``document`` (even with nothing on it to count)."""
        self.pair_documents[pair].add(document)

    def pairs(self) -> list[Pair]:
        return sorted(self.pair_documents)

    def summed(self, keep: Callable[[int, str], bool] = lambda d, lab: True) -> dict[Pair, Any]:
        """Each pair's counts summed over the cells ``keep(document, label)`` accepts; every
        pair that shares a document is there, with zero counts when nothing was kept."""
        out = {pair: self.cell() for pair in self.pair_documents}
        for (pair, document, label), counts in self.cells.items():
            if keep(document, label):
                out[pair].add(counts)
        return out

    def by_label(self, labels: Iterable[str]) -> dict[str, dict[Pair, Any]]:
        """Each of ``labels`` with every pair's counts for it (zero when the pair has none:
        an undefined F1, as bratiaa has it)."""
        out = {label: {pair: self.cell() for pair in self.pair_documents} for label in labels}
        for (pair, _, label), counts in self.cells.items():
            if label in out:
                out[label][pair].add(counts)
        return out

    def by_document(self) -> dict[int, dict[Pair, Any]]:
        """Each document's pairs (those sharing it) with their counts over every label."""
        out: dict[int, dict[Pair, Any]] = defaultdict(dict)
        for pair, documents in self.pair_documents.items():
            for document in documents:
                out[document][pair] = self.cell()
        for (pair, document, _), counts in self.cells.items():
            out[document][pair].add(counts)
        return out


def f1_mean_sd(cells: Iterable[Any]) -> tuple[float | None, float | None]:
    return mean_sd([c.f1 for c in cells])
