"""F1 counts as the report makes them (``annotations/agreement/f1.py``): two layers' sides
counted over every label at once give the counts of label-by-label matching, and token bits
found with numpy are those of bratiaa's ``\\S+`` tokens, on random spans and texts."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from annotations.agreement.f1 import (
    WHITESPACE,
    Tokens,
    by_label,
    exact_counts,
    exact_side_counts,
    overlap_counts,
    overlap_side_counts,
    side,
    token_bits,
    token_counts,
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


@settings(max_examples=200, deadline=None)
@given(texts, spans, spans)
def test_token_counts_are_those_of_backslash_s_plus_tokens(text, a, b):
    labels: dict[str, int] = {}
    tokens = Tokens(text)
    counts = token_counts(token_bits(a, tokens, labels), token_bits(b, tokens, labels), labels)
    ours = {label: (c.tp, c.a, c.b) for label, c in counts.items()}
    bits_a, bits_b = reference_bits(a, text), reference_bits(b, text)
    expected: dict[str, list[int]] = {}
    for bits, slot in ((bits_a & bits_b, 0), (bits_a, 1), (bits_b, 2)):
        for (label, _), n in bits.items():
            expected.setdefault(label, [0, 0, 0])[slot] += n
    assert ours == {label: tuple(v) for label, v in expected.items()}
