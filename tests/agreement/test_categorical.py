"""Kappa and alpha on categories (``annotations/agreement/categorical.py``), against reference
implementations: scikit-learn (Cohen), statsmodels (Fleiss) and published values."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters
from statsmodels.stats.inter_rater import fleiss_kappa as statsmodels_fleiss

from annotations.agreement.categorical import (
    cohen_kappa,
    fleiss_items,
    fleiss_kappa,
    krippendorff_alpha,
)

VALUES = ("favor", "against", "neutral", "unclear")


def reference_fleiss(ratings: list[list[str]]) -> float:
    table, _ = aggregate_raters([[VALUES.index(v) for v in item] for item in ratings])
    return float(statsmodels_fleiss(table, method="fleiss"))


def test_cohens_kappa_on_a_hand_computed_table():
    # 10 items: 7 agree (4 favor, 3 against); p_o = 0.7; p_e = (5*6 + 5*4) / 100 = 0.5
    first = ["favor"] * 5 + ["against"] * 5
    second = ["favor"] * 4 + ["against"] + ["against"] * 3 + ["favor"] * 2
    assert cohen_kappa(list(zip(first, second, strict=True))) == pytest.approx(0.4)
    assert cohen_kappa_score(first, second) == pytest.approx(0.4)


def test_fleiss_kappa_on_fleiss_1971s_published_example():
    # Fleiss (1971), as in Wikipedia's worked example: 10 items, 14 raters, 5 categories,
    # kappa = 0.210.
    counts = [
        [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ]  # fmt: skip
    ratings = [[c for c, n in enumerate(row) for _ in range(n)] for row in counts]
    assert fleiss_kappa(ratings) == pytest.approx(0.2099, abs=1e-4)


def test_krippendorffs_alpha_on_krippendorffs_own_example_with_missing_data():
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section C: 4 coders,
    # 12 units, missing values; nominal alpha = 0.743.
    rows = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    ]
    table = [list(item) for item in zip(*rows, strict=True)]  # items x coders
    assert krippendorff_alpha(table) == pytest.approx(0.743, abs=1e-3)
    assert krippendorff_alpha(table, order=[1, 2, 3, 4, 5]) == pytest.approx(0.815, abs=1e-3)


def test_undefined_figures_are_none():
    assert cohen_kappa([]) is None
    assert cohen_kappa([("favor", "favor"), ("favor", "favor")]) is None  # one category
    assert fleiss_kappa([]) is None
    assert krippendorff_alpha([["favor", None], [None, "against"]]) is None  # nothing pairable
    assert krippendorff_alpha([["favor", "favor"]]) is None  # one category


def test_fleiss_kappa_refuses_items_with_different_numbers_of_ratings():
    with pytest.raises(ValueError):
        fleiss_kappa([["favor", "favor"], ["favor", "against", "favor"]])


def test_fleiss_reads_the_items_with_the_most_common_number_of_ratings():
    table = [
        ["favor", "favor", None],
        ["favor", "against", None],
        ["against", "against", "against"],
        [None, None, "favor"],
    ]
    assert fleiss_items(table) == [["favor", "favor"], ["favor", "against"]]


def test_a_layer_agrees_with_itself_fully():
    values = ["favor", "against", "neutral", "favor"]
    assert cohen_kappa([(v, v) for v in values]) == 1
    assert fleiss_kappa([[v, v, v] for v in values]) == 1
    assert krippendorff_alpha([[v, v] for v in values]) == 1


# --- against the references on random data ----------------------------------------------------

ratings = st.sampled_from(VALUES)


@pytest.mark.filterwarnings(
    "ignore::UserWarning", "ignore::sklearn.exceptions.UndefinedMetricWarning"
)
@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(ratings, ratings), min_size=1, max_size=40))
def test_cohens_kappa_equals_scikit_learns(pairs):
    first, second = zip(*pairs, strict=True)
    theirs = cohen_kappa_score(list(first), list(second))
    ours = cohen_kappa(pairs)
    if math.isnan(theirs):
        assert ours is None
    else:
        assert ours == pytest.approx(theirs, abs=1e-9)


@settings(max_examples=150, deadline=None)
@given(
    st.integers(2, 5).flatmap(
        lambda n: st.lists(st.lists(ratings, min_size=n, max_size=n), min_size=1, max_size=30)
    )
)
def test_fleiss_kappa_equals_statsmodels(items):
    assume(len({v for item in items for v in item}) > 1)
    assert fleiss_kappa(items) == pytest.approx(reference_fleiss(items), abs=1e-9)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(ratings, ratings), min_size=2, max_size=40))
def test_alpha_of_two_raters_with_no_missing_data_is_near_scotts_pi(pairs):
    # With two raters and no missing data, nominal alpha differs from Scott's pi only by its
    # small-sample correction: alpha = pi + (1 - pi) / (2n) (Krippendorff 2004).
    n = len(pairs)
    pooled = [v for pair in pairs for v in pair]
    assume(len(set(pooled)) > 1)
    observed = sum(1 for x, y in pairs if x == y) / n
    chance = sum((pooled.count(c) / (2 * n)) ** 2 for c in set(pooled))
    pi = (observed - chance) / (1 - chance)
    alpha = krippendorff_alpha([list(pair) for pair in pairs])
    assert alpha == pytest.approx(pi + (1 - pi) / (2 * n), abs=1e-9)
