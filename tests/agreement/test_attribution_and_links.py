"""Attribution triples and cross-document clusters on small cases computed by hand."""

from __future__ import annotations

import pytest

from annotations.agreement import clusters
from annotations.agreement.attribution import attribution_units
from annotations.agreement.f1 import by_label, exact_counts, overlap_counts
from annotations.agreement.units import Place, Unit, span_unit

DOC = 1


def place(label: str, start: int, end: int, document: int = DOC) -> Place:
    return Place(document, label, ((start, end),))


def relation(kind: str, source: Place, target: Place) -> Unit:
    return Unit("relation", (kind,), (source, target))


CLAIM, SOURCE, CUE = place("CLAIM", 30, 60), place("SOURCE", 0, 12), place("CUE", 13, 17)
OTHER_SOURCE = place("SOURCE", 70, 80)


def test_a_claim_attributed_to_a_source_with_a_cue_is_a_pair_and_a_triple():
    units = attribution_units(
        [relation("ATTRIBUTED_TO", CLAIM, SOURCE), relation("CUE_OF", CUE, CLAIM)]
    )
    assert [(u.label, u.places) for u in units] == [
        ("pair", (CLAIM, SOURCE)),
        ("triple", (SOURCE, CUE, CLAIM)),
    ]


def test_two_sources_of_one_claim_make_two_triples_and_a_claim_without_cue_none():
    units = attribution_units(
        [
            relation("ATTRIBUTED_TO", CLAIM, SOURCE),
            relation("ATTRIBUTED_TO", CLAIM, OTHER_SOURCE),
            relation("CUE_OF", CUE, CLAIM),
            relation("ATTRIBUTED_TO", place("CLAIM", 90, 99), SOURCE),
        ]
    )
    labels = [u.label for u in units]
    assert labels.count("pair") == 3 and labels.count("triple") == 2


def test_triple_f1_counts_a_triple_only_when_all_three_spans_match():
    # Layer a: claim [30, 60) said by [0, 12) with cue [13, 17).
    # Layer b: the same claim, the source drawn as [0, 11), the same cue.
    a = attribution_units(
        [relation("ATTRIBUTED_TO", CLAIM, SOURCE), relation("CUE_OF", CUE, CLAIM)]
    )
    near_source = place("SOURCE", 0, 11)
    b = attribution_units(
        [relation("ATTRIBUTED_TO", CLAIM, near_source), relation("CUE_OF", CUE, CLAIM)]
    )
    exact = exact_counts(by_label(a), by_label(b))
    assert (exact["triple"].tp, exact["pair"].tp) == (0, 0)
    overlap = overlap_counts(by_label(a), by_label(b))
    assert (overlap["triple"].f1, overlap["pair"].f1) == (1.0, 1.0)
    assert overlap_counts(by_label(a), by_label(b), min_iou=0.95)["triple"].f1 == 0.0


def test_a_triple_with_a_different_cue_does_not_match():
    a = attribution_units(
        [relation("ATTRIBUTED_TO", CLAIM, SOURCE), relation("CUE_OF", CUE, CLAIM)]
    )
    b = attribution_units(
        [
            relation("ATTRIBUTED_TO", CLAIM, SOURCE),
            relation("CUE_OF", place("CUE", 20, 25), CLAIM),
        ]
    )
    counts = overlap_counts(by_label(a), by_label(b))
    assert counts["pair"].f1 == 1.0
    assert counts["triple"].f1 == 0.0


# --- clusters ------------------------------------------------------------------------------

# Five claims over two documents of a story; mentions 1..5.
M = [None] + [place("CLAIM", 10 * i, 10 * i + 5, document=1 + i % 2) for i in range(1, 6)]


def mentions(*numbers: int) -> list[Unit]:
    return [span_unit(_span(M[n]), M[n].document) for n in numbers]  # type: ignore[union-attr]


def _span(p: Place) -> dict:
    return {"label": p.label, "start": p.start, "end": p.end}


def links(*pairs: tuple[int, int]) -> list[tuple[Place, Place]]:
    return [(M[x], M[y]) for x, y in pairs]  # type: ignore[misc]


def test_clusters_are_the_connected_components_of_the_links():
    roots = clusters.components([M[n] for n in range(1, 6)], links((1, 2), (2, 3), (4, 5)))  # type: ignore[misc]
    assert roots[0] == roots[1] == roots[2] and roots[3] == roots[4] and roots[0] != roots[3]


def test_pairwise_link_f1_and_b_cubed_on_a_hand_computed_case():
    # Reference {1,2,3} {4,5}; other layer {1,2} {3,4,5}.
    # Links after closure: reference 12 13 23 45, other 12 34 35 45: two shared, F1 = 4/8.
    # B-cubed precision (other against reference): m1 2/2, m2 2/2, m3 1/3, m4 2/3, m5 2/3
    # -> 11/15; recall: m1 2/3, m2 2/3, m3 1/3, m4 2/2, m5 2/2 -> 11/15.
    pairwise, b3 = clusters.compare(
        mentions(1, 2, 3, 4, 5),
        links((1, 2), (2, 3), (4, 5)),
        mentions(1, 2, 3, 4, 5),
        links((1, 2), (3, 4), (5, 3)),
    )
    assert (pairwise.tp, pairwise.a, pairwise.b, pairwise.f1) == (2, 4, 4, 0.5)
    assert b3.precision == pytest.approx(11 / 15) and b3.recall == pytest.approx(11 / 15)
    assert b3.f1 == pytest.approx(11 / 15)


def test_b_cubed_precision_and_recall_differ_when_one_layer_lumps():
    # Reference {1,2} {3} {4}; the other lumps everything {1,2,3,4}.
    # precision: m1 2/4, m2 2/4, m3 1/4, m4 1/4 -> 6/16; recall: every m 1 -> 1.
    pairwise, b3 = clusters.compare(
        mentions(1, 2, 3, 4),
        links((1, 2)),
        mentions(1, 2, 3, 4),
        links((1, 2), (2, 3), (3, 4)),
    )
    assert (b3.precision, b3.recall) == (pytest.approx(6 / 16), 1.0)
    assert b3.f1 == pytest.approx(2 * (6 / 16) / (1 + 6 / 16))
    assert (pairwise.tp, pairwise.a, pairwise.b) == (1, 1, 6)


def test_clusters_are_compared_on_the_mentions_both_layers_marked():
    # The other layer did not mark claim 3: the reference's {1,2,3} is read as {1,2}.
    pairwise, b3 = clusters.compare(
        mentions(1, 2, 3, 4),
        links((1, 2), (2, 3)),
        mentions(1, 2, 4),
        links((1, 2)),
    )
    assert b3.mentions == 3 and b3.f1 == 1.0
    assert pairwise.f1 == 1.0


def test_a_layer_agrees_with_itself_on_its_clusters():
    same = (mentions(1, 2, 3, 4, 5), links((1, 2), (4, 5)))
    pairwise, b3 = clusters.compare(*same, *same)
    assert pairwise.f1 == 1.0 and b3.f1 == 1.0


def test_no_links_on_either_side_leave_link_f1_undefined_and_b_cubed_perfect():
    pairwise, b3 = clusters.compare(mentions(1, 2), [], mentions(1, 2), [])
    assert pairwise.f1 is None
    assert b3.f1 == 1.0  # every mention alone in both
