"""Pure: category items coded once as an integer table, and kappa and alpha over any grouping
of them (overall, by label, by document, by period) without building a table per group.

``Coded.of(items, layers, orders)`` codes the items' values (``counting.Item``) as integers:
categories sorted by ``repr`` (the order ``categorical.krippendorff_alpha`` gives them), -1
for a layer that did not rate the item, in an items x layers array; and each item's value
counts (items x categories). ``figures(statistic, groups, n, pairs)`` then gives, for each of
``n`` groups (``groups``: each item's group, -1 for none), the figure of that group's items:
the mean and SD over pairs of Cohen's kappa, or Fleiss' kappa, or Krippendorff's alpha.

The figures are those of ``categorical.py`` on each group's own table, float for float (a
test compares them on random tables):

- Cohen's kappa is made of integer counts (items both rated, agreements, each rater's
  category counts), all groups at once with ``numpy.bincount``; the divisions are then those
  of ``categorical.cohen_kappa``;
- Fleiss' kappa keeps, for each item, its number of ratings, its term of observed agreement
  and its category counts, so a group sums its chosen items' terms in their order;
- Krippendorff's alpha is the ``krippendorff`` package's, given each group's value counts
  (the rows of its items, the columns of the categories it uses, or of its order when the
  group is ordinal), which is the table the package would have counted itself.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import krippendorff
import numpy as np

from annotations.agreement.counting import Item
from annotations.agreement.tally import Pair, mean_sd

Figure = tuple[float | None, float | None]
Order = tuple[str, ...] | None


@dataclass
class Coded:
    layers: list[str]
    categories: list[Hashable]  # sorted by repr
    codes: np.ndarray  # items x layers: the category's index, -1 not rated
    counts: np.ndarray  # items x categories: how many layers gave it
    orders: list[Order]  # each item's label's order (None: nominal)
    in_order: list[bool]  # its label is ordered and its values are all in that order
    fleiss: list[tuple[int, float, tuple[tuple[int, int], ...]]]  # ratings, term, counts

    @classmethod
    def of(cls, items: Sequence[Item], layers: list[str], orders: Mapping[str, Order]) -> Coded:
        categories = sorted({v for item in items for v in item.values.values()}, key=repr)
        code = {c: i for i, c in enumerate(categories)}
        column = {name: j for j, name in enumerate(layers)}
        missing = code.get(None, -1)  # None: a pair counts it for kappa; a table does not
        rows, item_orders, in_order, fleiss = [], [], [], []
        for item in items:
            row = [-1] * len(layers)
            for name, value in item.values.items():
                row[column[name]] = code[value]
            rows.append(row)
            order = orders.get(item.label)
            item_orders.append(order)
            in_order.append(order is not None and all(v in order for v in item.values.values()))
            fleiss.append(_fleiss_item([c for c in row if c >= 0 and c != missing]))
        codes = np.array(rows, dtype=np.int64).reshape(len(items), len(layers))
        counts = np.zeros((len(items), len(categories)), dtype=np.int64)
        at, cols = np.nonzero(codes >= 0)
        np.add.at(counts, (at, codes[at, cols]), 1)
        if missing >= 0:
            counts[:, missing] = 0
        return cls(layers, categories, codes, counts, item_orders, in_order, fleiss)

    def figures(
        self, statistic: str, groups: np.ndarray, n: int, pairs: list[Pair]
    ) -> list[Figure]:
        """Each group's figure: (mean, SD) over pairs for Cohen's kappa, (figure, None) for
        Fleiss' kappa and alpha."""
        if statistic == "cohen_kappa":
            return self._cohen(groups, n, pairs)
        members = _members(groups, n)
        if statistic == "fleiss_kappa":
            return [(self._fleiss(rows), None) for rows in members]
        orders = self._group_orders(groups, n)
        return [
            (self._alpha(rows, order), None) for rows, order in zip(members, orders, strict=True)
        ]

    def rated_layers(self, groups: np.ndarray, n: int) -> np.ndarray:
        """groups x layers: whether the layer rated an item of the group."""
        out = np.zeros((n, len(self.layers)), dtype=bool)
        keep = groups >= 0
        rows, cols = np.nonzero((self.codes >= 0) & keep[:, None])
        out[groups[rows], cols] = True
        return out

    def order(self) -> Order:
        """The order alpha over every item is ordinal on (``report._order``)."""
        return self._group_orders(np.zeros(len(self.orders), dtype=np.int64), 1)[0]

    def pair_figure(self, statistic: str, pair: Pair, order: Order) -> tuple[float | None, int]:
        """Cohen's kappa or alpha of one pair over every item both rated, and how many."""
        x, y = self._pair_codes(pair)
        both = (x >= 0) & (y >= 0)
        rated = int(both.sum())
        if statistic == "cohen_kappa":
            return _cohen_kappa(
                *_cohen_counts(
                    x[both], y[both], np.zeros(rated, np.int64), 1, len(self.categories)
                )[0]
            ), rated
        if not rated:
            return None, 0
        counts = np.zeros((rated, len(self.categories)), dtype=np.int64)
        index = np.arange(rated)
        np.add.at(counts, (index, x[both]), 1)
        np.add.at(counts, (index, y[both]), 1)
        if None in self.categories:  # a cell alpha's table leaves empty
            counts[:, self.categories.index(None)] = 0
        return _alpha(counts, order, self.categories), rated

    # --- per statistic -----------------------------------------------------------------------

    def _pair_codes(self, pair: Pair) -> tuple[np.ndarray, np.ndarray]:
        a, b = self.layers.index(pair[0]), self.layers.index(pair[1])
        return self.codes[:, a], self.codes[:, b]

    def _cohen(self, groups: np.ndarray, n: int, pairs: list[Pair]) -> list[Figure]:
        by_pair = []
        for pair in pairs:
            x, y = self._pair_codes(pair)
            both = (x >= 0) & (y >= 0) & (groups >= 0)
            by_pair.append(_cohen_counts(x[both], y[both], groups[both], n, len(self.categories)))
        out = []
        for g in range(n):
            kappas = [_cohen_kappa(*counts[g]) for counts in by_pair if counts[g][0]]
            out.append(mean_sd(kappas))
        return out

    def _fleiss(self, rows: Sequence[int]) -> float | None:
        sizes = Counter(self.fleiss[i][0] for i in rows if self.fleiss[i][0] >= 2)
        if not sizes:
            return None
        size = max(sizes, key=lambda s: (sizes[s], s))
        agreement, totals, items = 0.0, {}, 0
        for i in rows:
            ratings, term, counts = self.fleiss[i]
            if ratings != size:
                continue
            items += 1
            agreement += term
            for category, count in counts:
                totals[category] = totals.get(category, 0) + count
        observed = agreement / items
        chance = sum((t / (items * size)) ** 2 for t in totals.values())
        if chance == 1:
            return None
        return (observed - chance) / (1 - chance)

    def _alpha(self, rows: Sequence[int], order: Order) -> float | None:
        if not len(rows):
            return None
        counts = self.counts[rows]
        return _alpha(counts, order, self.categories)

    def _group_orders(self, groups: np.ndarray, n: int) -> list[Order]:
        unset: Any = object()
        out: list[Any] = [unset] * n
        for g, order, ok in zip(groups.tolist(), self.orders, self.in_order, strict=True):
            if g < 0:
                continue
            current = out[g]
            if current is unset:
                out[g] = order if ok else None
            elif current is not None and (current != order or not ok):
                out[g] = None
        return [None if o is unset else o for o in out]


def _fleiss_item(codes: list[int]) -> tuple[int, float, tuple[tuple[int, int], ...]]:
    n = len(codes)
    counts: dict[int, int] = {}
    for c in codes:
        counts[c] = counts.get(c, 0) + 1
    term = (sum(c * c for c in counts.values()) - n) / (n * (n - 1)) if n >= 2 else 0.0
    return n, term, tuple(counts.items())


def _members(groups: np.ndarray, n: int) -> list[np.ndarray]:
    """Each group's items, in their order."""
    order = np.argsort(groups, kind="stable")
    bounds = np.searchsorted(groups[order], np.arange(n + 1))
    return [order[bounds[g] : bounds[g + 1]] for g in range(n)]


def _cohen_counts(
    x: np.ndarray, y: np.ndarray, groups: np.ndarray, n: int, categories: int
) -> list[tuple[int, int, int]]:
    """Each group's (items, agreements, sum over categories of the two raters' counts)."""
    items = np.bincount(groups, minlength=n)
    agree = np.bincount(groups[x == y], minlength=n)
    width = max(categories, 1)
    first = np.bincount(groups * categories + x, minlength=n * width).reshape(n, width)
    second = np.bincount(groups * categories + y, minlength=n * width).reshape(n, width)
    chance = (first * second).sum(axis=1)
    return list(zip(items.tolist(), agree.tolist(), chance.tolist(), strict=True))


def _cohen_kappa(n: int, agree: int, chance_count: int) -> float | None:
    if n == 0:
        return None
    observed = agree / n
    chance = chance_count / (n * n)
    if chance == 1:
        return None
    return (observed - chance) / (1 - chance)


def _alpha(counts: np.ndarray, order: Order, categories: list[Hashable]) -> float | None:
    """``categorical.krippendorff_alpha`` of the table whose value counts these are."""
    if order is not None:
        code = {c: i for i, c in enumerate(categories)}
        columns = [code.get(v) for v in order]
        counts = (
            np.stack(
                [
                    counts[:, c] if c is not None else np.zeros(len(counts), np.int64)
                    for c in columns
                ],
                axis=1,
            )
            if columns
            else counts[:, :0]
        )
    else:
        counts = counts[:, counts.sum(axis=0) > 0]
    if counts.shape[1] < 2 or not (counts.sum(axis=1) >= 2).any():
        return None
    with np.errstate(divide="ignore", invalid="ignore"):
        value = krippendorff.alpha(
            value_counts=counts,
            value_domain=[float(i) for i in range(counts.shape[1])],
            level_of_measurement="ordinal" if order is not None else "nominal",
        )
    return None if np.isnan(value) else float(value)
