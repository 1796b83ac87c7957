"""F1 counts as the report makes them (``annotations/agreement/f1.py``): two layers' sides
counted over every label at once give the counts of label-by-label matching, and token bits
found with numpy over many texts at once are those of bratiaa's ``\\S+`` tokens of each text,
on random spans and texts."""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from annotations.agreement.f1 import (
    WHITESPACE,
    Texts,
    by_label,
    exact_counts,
    exact_side_counts,
    overlap_counts,
    overlap_side_counts,
    side,
)
from annotations.agreement.units import Place, Unit

DOC = 7


def span(label: str, start: int, width: int) -> Unit:
    return Unit("span", (), (Place(DOC, label, ((start, start + width),)),))


spans = st.lists(
    st.builds(
        span, st.sampled_from(["CLAIM", "SOURCE", "CUE"]), st.integers(0, 60), st.integers(1, 12)
    ),  # fmt: skip
    max_size=12,
)


def test_whitespace_is_what_a_regular_expressions_backslash_s_matches():
    assert set(WHITESPACE) == {chr(c) for c in range(0x110000) if re.match(r"\s", chr(c))}


@settings(max_examples=150, deadline=None)
@given(spans, spans, st.sampled_from([0.0, 0.5]))
def test_sides_count_as_label_by_label_matching_does(a, b, min_iou):
    assert exact_side_counts(side(a), side(b)) == exact_counts(by_label(a), by_label(b))
    assert overlap_side_counts(side(a), side(b), min_iou) == overlap_counts(
        by_label(a), by_label(b), min_iou
    )


def test_a_side_keeps_only_the_labels_asked_for():
    kept = side([span("CLAIM", 0, 4), span("CUE", 5, 2), span("CLAIM", 0, 4)], {"CLAIM"})
    assert kept.labels == ["CLAIM"] and kept.per_label == Counter({"CLAIM": 1})


def reference_bits(units: list[Unit], text: str) -> Counter[tuple[str, int]]:
    tokens = [m.span() for m in re.finditer(r"\S+", text)]
    bits: Counter[tuple[str, int]] = Counter()
    for unit in set(units):
        place = unit.places[0]
        for start, end in place.pieces:
            for i, (s, e) in enumerate(tokens):
                if e > start and s < end:
                    bits[(place.label, i)] += 1
    return bits


texts = st.text(alphabet=st.sampled_from(["a", "b", " ", "\n", "\u00a0", "\u3000", "é", "😀"]),
                max_size=80)  # fmt: skip


def expected_counts(a: list[Unit], b: list[Unit], text: str) -> dict[str, tuple[int, ...]]:
    bits_a, bits_b = reference_bits(a, text), reference_bits(b, text)
    expected: dict[str, list[int]] = {}
    for bits, slot in ((bits_a & bits_b, 0), (bits_a, 1), (bits_b, 2)):
        for (label, _), n in bits.items():
            expected.setdefault(label, [0, 0, 0])[slot] += n
    return {label: tuple(v) for label, v in expected.items()}


# a document: its text, and each layer's spans on it (None: the layer has no set on it)
documents = st.lists(st.tuples(texts, st.none() | spans, st.none() | spans), min_size=1, max_size=4)


@settings(max_examples=200, deadline=None)
@given(documents)
def test_token_counts_over_many_texts_are_those_of_each_texts_backslash_s_plus_tokens(documents):
    texts = Texts([text for text, _, _ in documents])
    labels: dict[str, int] = {}
    bits_a = texts.bits([(d, a) for d, (_, a, _) in enumerate(documents) if a is not None], labels)
    bits_b = texts.bits([(d, b) for d, (_, _, b) in enumerate(documents) if b is not None], labels)
    shared = np.array([a is not None and b is not None for _, a, b in documents])
    counts = texts.counts(bits_a, bits_b, shared, labels)
    ours = {
        d: {label: (c.tp, c.a, c.b) for label, c in by_label.items()}
        for d, by_label in counts.items()
    }
    assert ours == {
        d: expected_counts(a, b, text)
        for d, (text, a, b) in enumerate(documents)
        if a is not None and b is not None
    }


def test_a_token_is_counted_only_on_its_own_document():
    texts = Texts(["alpha beta", "gamma"])
    labels: dict[str, int] = {}
    # a piece past the end of its text reaches no token of the next text
    bits_a = texts.bits([(0, [span("CLAIM", 6, 30)]), (1, [span("CLAIM", 0, 5)])], labels)
    bits_b = texts.bits([(0, [span("CLAIM", 0, 30)]), (1, [span("CLAIM", 0, 2)])], labels)
    counts = texts.counts(bits_a, bits_b, np.array([True, True]), labels)
    assert {d: (c["CLAIM"].tp, c["CLAIM"].a, c["CLAIM"].b) for d, c in counts.items()} == {
        0: (1, 1, 2),
        1: (1, 1, 1),
    }
