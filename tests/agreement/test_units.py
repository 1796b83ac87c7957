"""What a unit is and when two layers' units match (``annotations/agreement/units.py``)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotations.agreement.matching import (
    consensus,
    matched,
    matching,
    overlap_matching,
    unit_score,
)
from annotations.agreement.units import (
    Place,
    Unit,
    answer_units,
    iou,
    overlap,
    set_units,
    span_unit,
)

DOC = 7


def span(id_: int, label: str, start: int, end: int, **extra) -> dict:
    return {"id": id_, "label": label, "start": start, "end": end, "text": "x", **extra}


def s(label: str, *pieces: tuple[int, int]) -> Unit:
    """A span unit with these pieces (one piece: a plain span)."""
    fragments = [list(p) for p in pieces] if len(pieces) > 1 else None
    return span_unit(
        {"label": label, "start": pieces[0][0], "end": pieces[-1][1], "fragments": fragments}, DOC
    )


# --- places --------------------------------------------------------------------------------


def test_a_span_is_its_label_and_pieces_in_its_document():
    unit = span_unit(span(1, "CLAIM", 3, 9), DOC)
    assert unit.places == (Place(DOC, "CLAIM", ((3, 9),)),)
    assert unit == span_unit(span(99, "CLAIM", 3, 9, attributes={"quote_type": "direct"}), DOC)
    assert unit != span_unit(span(1, "SOURCE", 3, 9), DOC)
    assert unit != span_unit(span(1, "CLAIM", 3, 9), DOC + 1)


def test_a_discontinuous_span_is_its_fragments_not_its_outer_bounds():
    split = s("CLAIM", (0, 4), (10, 14))
    whole = s("CLAIM", (0, 14))
    assert split != whole
    assert split.places[0].pieces == ((0, 4), (10, 14))
    assert overlap(split.places[0], whole.places[0])
    assert iou(split.places[0], whole.places[0]) == 8 / 14


def test_overlap_needs_the_same_label_and_a_shared_code_point():
    a = Place(DOC, "CLAIM", ((0, 10),))
    assert overlap(a, Place(DOC, "CLAIM", ((9, 20),)))
    assert not overlap(a, Place(DOC, "CLAIM", ((10, 20),)))  # half-open: touching is not overlap
    assert not overlap(a, Place(DOC, "SOURCE", ((0, 10),)))
    assert not overlap(a, Place(DOC + 1, "CLAIM", ((0, 10),)))


def test_iou_counts_code_points_and_the_threshold_applies():
    a, b = Place(DOC, "CLAIM", ((0, 10),)), Place(DOC, "CLAIM", ((5, 15),))
    assert iou(a, b) == 5 / 15
    assert overlap(a, b, min_iou=0.33)
    assert not overlap(a, b, min_iou=0.5)
    fragments = Place(DOC, "CLAIM", ((0, 2), (4, 6), (8, 10)))
    assert iou(fragments, a) == 6 / 10


# --- units of a set --------------------------------------------------------------------------


CONTENTS = {
    "spans": [
        span(1, "CLAIM", 0, 10),
        span(2, "SOURCE", 20, 25),
        span(3, "CUE", 26, 30),
    ],
    "relations": [
        {"id": 11, "type": "ATTRIBUTED_TO", "source": 1, "target": 2},
        {"id": 12, "type": "CUE_OF", "source": 3, "target": 1},
        {"id": 13, "type": "SAME_CLAIM", "source": 1, "target": 500},
    ],
    "stances": [
        {"id": 21, "holder": 2, "target": None, "object": 1, "value": "favor"},
        {"id": 22, "holder": None, "target": "union", "object": None, "value": "against"},
    ],
    "answers": {"framing": {"union": "critical"}, "genre": "news"},
}
ELSEWHERE = {500: (8, span(500, "CLAIM", 4, 12))}


def units_by_kind(units: list[Unit]) -> dict[str, list[Unit]]:
    out: dict[str, list[Unit]] = {}
    for unit in units:
        out.setdefault(unit.kind, []).append(unit)
    return out


def test_a_set_gives_a_unit_for_each_span_relation_stance_and_answer():
    units = units_by_kind(set_units(CONTENTS, DOC, spans_elsewhere=ELSEWHERE))
    assert [len(units[k]) for k in ("span", "relation", "stance", "answer")] == [3, 3, 2, 2]
    claim = Place(DOC, "CLAIM", ((0, 10),))
    source = Place(DOC, "SOURCE", ((20, 25),))
    attributed, cue, same = units["relation"]
    assert attributed.identity == ("relation", ("ATTRIBUTED_TO",), (claim, source))
    assert cue.places == (Place(DOC, "CUE", ((26, 30),)), claim)
    assert same.places[1] == Place(8, "CLAIM", ((4, 12),))  # the link names the other document
    held, documents = units["stance"]
    assert (held.places, held.tag, held.value) == ((source, claim), ("",), "favor")
    assert (documents.places, documents.tag) == ((None, None), ("union",))
    assert documents.value == "against"
    assert {(u.tag, u.value) for u in units["answer"]} == {
        (("framing", "union"), "critical"),
        (("genre", ""), "news"),
    }


def test_a_link_to_a_span_found_nowhere_is_left_out():
    units = set_units(CONTENTS, DOC)  # no spans elsewhere: the SAME_CLAIM cannot be placed
    assert [u.tag for u in units if u.kind == "relation"] == [("ATTRIBUTED_TO",), ("CUE_OF",)]


def test_a_symmetric_relation_is_the_same_unit_in_either_direction():
    forward = {
        "spans": CONTENTS["spans"][:1] + [span(4, "CLAIM", 40, 50)],
        "relations": [{"id": 1, "type": "SAME_CLAIM", "source": 1, "target": 4}],
    }
    backward = {**forward, "relations": [{"id": 2, "type": "SAME_CLAIM", "source": 4, "target": 1}]}
    one = [u for u in set_units(forward, DOC, symmetric={"SAME_CLAIM"}) if u.kind == "relation"]
    two = [u for u in set_units(backward, DOC, symmetric={"SAME_CLAIM"}) if u.kind == "relation"]
    assert one == two
    directed_one = [u for u in set_units(forward, DOC) if u.kind == "relation"]
    directed_two = [u for u in set_units(backward, DOC) if u.kind == "relation"]
    assert directed_one != directed_two


def test_answers_with_several_choices_are_one_category_whatever_their_order():
    [a] = answer_units("topics", ["strike", "port"])
    [b] = answer_units("topics", ["port", "strike"])
    assert a == b and a.value == b.value


def test_a_unit_is_labelled_by_its_label_type_target_or_question():
    units = set_units(CONTENTS, DOC, spans_elsewhere=ELSEWHERE)
    assert [u.label for u in units] == [
        "CLAIM", "SOURCE", "CUE", "ATTRIBUTED_TO", "CUE_OF", "SAME_CLAIM",
        "CLAIM", "union", "framing", "genre",
    ]  # fmt: skip


# --- matching two layers -----------------------------------------------------------------


def test_exact_matching_pairs_equal_units_one_to_one():
    a = [s("CLAIM", (0, 10)), s("CLAIM", (0, 10)), s("SOURCE", (20, 25))]
    b = [s("CLAIM", (0, 10)), s("SOURCE", (20, 26))]
    assert matching(a, b) == [(0, 0)]


def test_overlap_matching_takes_exact_pairs_first_then_the_best_overlap():
    a = [s("CLAIM", (0, 10)), s("CLAIM", (12, 30))]
    b = [s("CLAIM", (2, 20)), s("CLAIM", (0, 10))]
    assert sorted(matching(a, b, "overlap")) == [(0, 1), (1, 0)]
    # (0, 10) could overlap (2, 20) too, but its exact partner is taken first


def test_overlap_matching_prefers_the_larger_iou():
    a = [s("CLAIM", (0, 10))]
    b = [s("CLAIM", (8, 30)), s("CLAIM", (1, 10))]
    assert matching(a, b, "overlap") == [(0, 1)]
    assert matching(a, b, "overlap", min_iou=0.95) == []


def test_relations_match_when_their_type_and_both_spans_match():
    def rel(kind: str, source: tuple[int, int], target: tuple[int, int]) -> Unit:
        ends = (Place(DOC, "CLAIM", (source,)), Place(DOC, "SOURCE", (target,)))
        return Unit("relation", (kind,), ends)

    exact_one = rel("ATTRIBUTED_TO", (0, 10), (20, 25))
    near_one = rel("ATTRIBUTED_TO", (0, 9), (20, 24))
    other_type = rel("SAID_BY", (0, 10), (20, 25))
    assert matched(exact_one, exact_one)
    assert not matched(exact_one, near_one)
    assert matched(exact_one, near_one, "overlap")
    assert not matched(exact_one, other_type, "overlap")
    assert not matched(exact_one, rel("ATTRIBUTED_TO", (0, 9), (30, 40)), "overlap")


def test_a_stance_held_by_the_document_matches_only_the_documents_stance():
    held = Unit("stance", ("union",), (Place(DOC, "SOURCE", ((0, 5),)), None), "favor")
    documents = Unit("stance", ("union",), (None, None), "favor")
    assert matching([held], [documents], "overlap") == []
    assert matching([documents], [Unit("stance", ("union",), (None, None), "against")]) == [(0, 0)]


# --- properties ------------------------------------------------------------------------------

LABELS = ("CLAIM", "SOURCE")


@st.composite
def span_units(draw: st.DrawFn) -> Unit:
    label = draw(st.sampled_from(LABELS))
    cuts = sorted(draw(st.sets(st.integers(0, 60), min_size=2, max_size=6)))
    pieces = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    if len(pieces) > 1 and draw(st.booleans()):
        pieces = pieces[:1]
    return s(label, *pieces)


layers = st.lists(span_units(), max_size=12, unique=True)
modes = st.sampled_from(["exact", "overlap"])


@given(layers, modes, st.sampled_from([0.0, 0.3, 0.5]))
def test_a_layer_agrees_with_itself_fully(units, mode, min_iou):
    pairs = matching(units, units, mode, min_iou)
    assert sorted(pairs) == [(i, i) for i in range(len(units))]


@given(layers, layers, modes, st.sampled_from([0.0, 0.5]))
def test_matching_is_symmetric(a, b, mode, min_iou):
    forward = sorted(matching(a, b, mode, min_iou))
    backward = sorted((i, j) for j, i in matching(b, a, mode, min_iou))
    assert forward == backward


@given(layers, layers, st.sampled_from([0.0, 0.5]))
def test_matching_is_one_to_one_and_each_pair_matches(a, b, min_iou):
    for mode in ("exact", "overlap"):
        pairs = matching(a, b, mode, min_iou)
        assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
        assert all(matched(a[i], b[j], mode, min_iou) for i, j in pairs)


@given(layers, layers)
def test_overlap_includes_exact(a, b):
    exact_pairs = set(matching(a, b, "exact"))
    overlap_pairs = set(matching(a, b, "overlap"))
    assert exact_pairs <= overlap_pairs
    for i, j in exact_pairs:
        assert overlap(a[i].places[0], b[j].places[0]) and iou(a[i].places[0], b[j].places[0]) == 1


@given(layers, layers)
def test_no_overlapping_pair_is_left_unmatched_on_both_sides(a, b):
    pairs = matching(a, b, "overlap")
    free_a = set(range(len(a))) - {i for i, _ in pairs}
    free_b = set(range(len(b))) - {j for _, j in pairs}
    assert not any(matched(a[i], b[j], "overlap") for i in free_a for j in free_b)


@given(layers, layers, st.sampled_from([0.0, 0.5]))
def test_overlap_matching_takes_the_best_scores_first_and_equal_scores_by_their_units(
    a, b, min_iou
):
    a = [u for u in a if u not in b]  # what overlap matching is given: no unit on both sides
    ranked = sorted(
        (-unit_score(x, y, min_iou), *sorted((x.sort_key(), y.sort_key())), i, j)
        for i, x in enumerate(a)
        for j, y in enumerate(b)
        if unit_score(x, y, min_iou) >= 0
    )
    expected: list[tuple[int, int]] = []
    for *_, i, j in ranked:
        if all(i != k and j != m for k, m in expected):
            expected.append((i, j))
    assert overlap_matching(a, b, min_iou) == expected


# --- several layers ---------------------------------------------------------------------------


def test_consensus_keeps_what_k_layers_agree_on_and_says_who_had_the_rest():
    claim, source, cue = s("CLAIM", (0, 10)), s("SOURCE", (20, 25)), s("CUE", (26, 30))
    layers_ = {
        "annotator:ana": [claim, source],
        "annotator:bob": [claim, cue],
        "annotator:cy": [claim, source],
    }
    result = consensus(layers_, k=2)
    assert [(g.unit, g.layers) for g in result.agreed] == [
        (claim, ("annotator:ana", "annotator:bob", "annotator:cy")),
        (source, ("annotator:ana", "annotator:cy")),
    ]
    assert [(g.unit, g.layers) for g in result.short] == [(cue, ("annotator:bob",))]
    assert len(consensus(layers_, k=3).agreed) == 1


def test_consensus_by_overlap_groups_near_boundaries_and_keeps_each_layers_own_unit():
    layers_ = {
        "annotator:ana": [s("CLAIM", (0, 10))],
        "annotator:bob": [s("CLAIM", (0, 12))],
        "annotator:cy": [s("CLAIM", (0, 10))],
    }
    assert consensus(layers_, k=2).agreed[0].layers == ("annotator:ana", "annotator:cy")
    [group] = consensus(layers_, k=3, mode="overlap").agreed
    assert group.members["annotator:bob"] == s("CLAIM", (0, 12))
    assert group.unit == s("CLAIM", (0, 10))  # the boundaries most layers drew


def test_consensus_on_stances_asks_for_the_same_value():
    def stance(value: str) -> Unit:
        return Unit("stance", ("union",), (None, None), value)

    layers_ = {"a": [stance("favor")], "b": [stance("favor")], "c": [stance("against")]}
    result = consensus(layers_, k=2)
    assert [(g.unit.value, g.layers) for g in result.agreed] == [("favor", ("a", "b"))]
    assert [(g.unit.value, g.layers) for g in result.short] == [("against", ("c",))]
    ignoring = consensus(layers_, k=3, same_value=())
    assert [g.layers for g in ignoring.agreed] == [("a", "b", "c")]


def test_a_unit_marked_twice_in_one_layer_counts_once():
    claim = s("CLAIM", (0, 10))
    result = consensus({"a": [claim, claim], "b": [claim]}, k=2)
    assert [g.layers for g in result.agreed] == [("a", "b")] and result.short == []


@given(st.lists(layers, min_size=1, max_size=4), modes)
def test_every_unit_is_in_exactly_one_group_and_layers_copied_agree_fully(many, mode):
    named = {f"layer{i}": units for i, units in enumerate(many)}
    result = consensus(named, k=1, mode=mode)
    assert result.short == []
    for name, units in named.items():
        grouped = [g.members[name] for g in result.agreed if name in g.members]
        assert sorted(grouped, key=Unit.sort_key) == sorted(set(units), key=Unit.sort_key)
    copies = {f"copy{i}": many[0] for i in range(3)}
    assert consensus(copies, k=3, mode=mode).short == []


def _consensus_by_matching(layers: dict[str, list[Unit]], k: int) -> list[list[tuple[str, int]]]:
    """Groups made as overlap consensus makes them, with exact matching: each layer matched
    against the groups so far."""
    groups: list[dict[str, Unit]] = []
    for name, units in layers.items():
        mine = list(dict.fromkeys(units))
        pairs = matching([next(iter(g.values())) for g in groups], mine, "exact")
        for g, u in pairs:
            groups[g][name] = mine[u]
        taken = {u for _, u in pairs}
        groups.extend({name: unit} for u, unit in enumerate(mine) if u not in taken)
    groups.sort(key=lambda g: next(iter(g.values())).sort_key())
    return [[(n, id(u)) for n, u in g.items()] for g in groups if len(g) >= k]


@given(st.lists(st.lists(span_units(), max_size=8), min_size=1, max_size=4), st.integers(1, 3))
def test_exact_consensus_groups_equal_units_as_matching_each_layer_in_turn_would(units, k):
    twice = {n: [Unit(u.kind, u.tag, u.places) for u in mine[:2]] for n, mine in enumerate(units)}
    layers = {f"layer{n}": mine + twice[n] for n, mine in enumerate(units)}  # some twice
    agreed = consensus(layers, k, "exact").agreed
    found = [[(n, id(u)) for n, u in g.members.items()] for g in agreed]
    assert found == _consensus_by_matching(layers, k)
