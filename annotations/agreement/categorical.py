"""Pure: agreement on categories (stance values, span attributes, document answers).

The data is a table of **items** (a stance of one holder toward one target, one attribute of
one span, one answer to one question) by **layers**, each cell a category or missing (the
layer did not rate the item). Categories are any hashable values.

- ``cohen_kappa(pairs)``: two raters; the items both rated. kappa = (p_o - p_e) / (1 - p_e),
  p_e from each rater's own category frequencies (as ``sklearn.metrics.cohen_kappa_score``).
- ``fleiss_kappa(ratings)``: the same number of ratings per item, by any raters (Fleiss
  1971; as ``statsmodels.stats.inter_rater.fleiss_kappa``). ``fleiss_items`` picks, from a
  table with missing cells, the items with the most common number of ratings (two or more).
- ``krippendorff_alpha(table, order)``: any number of raters, missing cells allowed (items
  with fewer than two ratings are not pairable and so do not count); nominal, or ordinal when
  ``order`` lists the categories in order. Computed by the ``krippendorff`` package.

Each returns None when the figure is undefined (no items; one category only, where chance
agreement is already perfect).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence

import krippendorff
import numpy as np

Table = Sequence[Sequence[Hashable | None]]  # items x layers; None: not rated


def cohen_kappa(pairs: Sequence[tuple[Hashable, Hashable]]) -> float | None:
    n = len(pairs)
    if n == 0:
        return None
    observed = sum(1 for x, y in pairs if x == y) / n
    first, second = Counter(x for x, _ in pairs), Counter(y for _, y in pairs)
    chance = sum(first[c] * second[c] for c in first) / (n * n)
    if chance == 1:
        return None
    return (observed - chance) / (1 - chance)


def fleiss_kappa(ratings: Sequence[Sequence[Hashable]]) -> float | None:
    """``ratings``: for each item, the categories its raters gave (the same count each)."""
    if not ratings:
        return None
    n = len(ratings[0])
    if n < 2 or any(len(r) != n for r in ratings):
        raise ValueError("Fleiss' kappa needs the same number (two or more) of ratings per item")
    items = len(ratings)
    totals: Counter[Hashable] = Counter()
    agreement = 0.0
    for item in ratings:
        counts = Counter(item)
        totals.update(counts)
        agreement += (sum(c * c for c in counts.values()) - n) / (n * (n - 1))
    observed = agreement / items
    chance = sum((t / (items * n)) ** 2 for t in totals.values())
    if chance == 1:
        return None
    return (observed - chance) / (1 - chance)


def fleiss_items(table: Table) -> list[list[Hashable]]:
    """The rated cells of the items with the most common number of ratings (at least two;
    on a tie, the larger number)."""
    rated = [[v for v in row if v is not None] for row in table]
    sizes = Counter(len(r) for r in rated if len(r) >= 2)
    if not sizes:
        return []
    size = max(sizes, key=lambda s: (sizes[s], s))
    return [r for r in rated if len(r) == size]


def krippendorff_alpha(table: Table, order: Sequence[Hashable] | None = None) -> float | None:
    """Alpha over items x layers (None cells missing); ordinal when ``order`` is given (every
    category must be in it), nominal otherwise."""
    categories = list(order) if order is not None else _categories(table)
    if len(categories) < 2 or not table:
        return None
    code = {c: float(i) for i, c in enumerate(categories)}
    data = np.array(
        [[np.nan if v is None else code[v] for v in row] for row in table], dtype=float
    ).T  # the package wants raters x items
    if np.sum(np.sum(~np.isnan(data), axis=0) >= 2) == 0:
        return None
    with np.errstate(divide="ignore", invalid="ignore"):
        value = krippendorff.alpha(
            reliability_data=data,
            value_domain=list(code.values()),
            level_of_measurement="ordinal" if order is not None else "nominal",
        )
    return None if np.isnan(value) else float(value)


def _categories(table: Table) -> list[Hashable]:
    return sorted({v for row in table for v in row if v is not None}, key=repr)
