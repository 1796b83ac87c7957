"""Kappa and alpha by group from items coded once (``annotations/agreement/coded.py``): on
random items in random groups, with missing ratings and ordered and unordered labels, every
group's figure is, float for float, what ``categorical.py`` gives on that group's own table
(the way the report computed each group before)."""

from __future__ import annotations

from collections.abc import Hashable

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from annotations.agreement.categorical import (
    cohen_kappa,
    fleiss_items,
    fleiss_kappa,
    krippendorff_alpha,
)
from annotations.agreement.coded import Coded
from annotations.agreement.counting import Item, layer_pairs
from annotations.agreement.tally import mean_sd

LAYERS = ["annotator:ana", "annotator:bob", "annotator:cy", "model:m"]
ORDER = ("low", "mid", "high")
ORDERS = {"ordered": ORDER, "also_ordered": ORDER}
LABELS = ("ordered", "also_ordered", "plain")
VALUES = (*ORDER, "other", None)  # None: an answer given as null


def reference_order(items: list[Item]) -> tuple[str, ...] | None:
    shared = {ORDERS.get(item.label) for item in items}
    if len(shared) != 1 or None in shared:
        return None
    [order] = shared
    if any(v not in order for item in items for v in item.values.values()):  # type: ignore[operator]
        return None
    return order


def reference(statistic: str, items: list[Item], layers: list[str]) -> tuple[Hashable, ...]:
    table = [[item.values.get(name) for name in layers] for item in items]
    if statistic == "cohen_kappa":
        rated = [
            [(i.values[a], i.values[b]) for i in items if a in i.values and b in i.values]
            for a, b in layer_pairs(layers, None)
        ]
        return mean_sd([cohen_kappa(r) for r in rated if r])
    if statistic == "fleiss_kappa":
        return fleiss_kappa(fleiss_items(table)), None
    return krippendorff_alpha(table, reference_order(items)), None


item = st.builds(
    lambda label, values: Item(0, label, values),
    st.sampled_from(LABELS),
    st.dictionaries(st.sampled_from(LAYERS), st.sampled_from(VALUES), min_size=1),
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(item, st.integers(-1, 3)), max_size=40),
    st.sampled_from(["cohen_kappa", "fleiss_kappa", "krippendorff_alpha"]),
)
def test_each_groups_figure_is_that_of_its_own_table(grouped, statistic):
    items = [i for i, _ in grouped]
    groups = np.array([g for _, g in grouped], dtype=np.int64)
    coded = Coded.of(items, LAYERS, ORDERS)
    figures = coded.figures(statistic, groups, 4, layer_pairs(LAYERS, None))
    for g in range(4):
        chosen = [i for i, group in grouped if group == g]
        assert figures[g] == reference(statistic, chosen, LAYERS)


@settings(max_examples=100, deadline=None)
@given(st.lists(item, max_size=40), st.sampled_from(["cohen_kappa", "krippendorff_alpha"]))
def test_a_pairs_figure_is_that_of_the_items_both_rated(items, statistic):
    coded = Coded.of(items, LAYERS, ORDERS)
    order = reference_order(items)
    assert coded.order() == order
    for a, b in layer_pairs(LAYERS, None):
        rated = [(i.values[a], i.values[b]) for i in items if a in i.values and b in i.values]
        value, count = coded.pair_figure(statistic, (a, b), order)
        assert count == len(rated)
        if statistic == "cohen_kappa":
            assert value == cohen_kappa(rated)
        else:
            assert value == (krippendorff_alpha([list(r) for r in rated], order) if rated else None)


def test_no_items_and_no_groups_give_no_figures():
    coded = Coded.of([], LAYERS, ORDERS)
    pairs = layer_pairs(LAYERS, None)
    empty = np.zeros(0, dtype=np.int64)
    for statistic in ("cohen_kappa", "fleiss_kappa", "krippendorff_alpha"):
        assert coded.figures(statistic, empty, 0, pairs) == []
        assert coded.figures(statistic, empty, 1, pairs) == [(None, None)]
    assert coded.pair_figure("cohen_kappa", pairs[0], None) == (None, 0)
    assert coded.pair_figure("krippendorff_alpha", pairs[0], None) == (None, 0)
