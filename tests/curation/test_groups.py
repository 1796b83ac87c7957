"""What the curation view groups (pure): units of several layers, who made each, which all
layers made alike, which are in gold or rejected, and what auto-merge takes at k of n."""

from __future__ import annotations

from annotations.agreement.units import set_units
from annotations.curation.groups import (
    curation_groups,
    disagreement,
    merge_candidates,
    unit_key,
)

DOC = 7


def spans(*items: tuple) -> dict:
    """A set's contents with spans ``(id, label, start, end[, attributes])``."""
    rows = [
        {
            "id": i,
            "label": label,
            "start": s,
            "end": e,
            "fragments": None,
            "attributes": a[0] if a else {},
        }
        for i, label, s, e, *a in items
    ]
    return {"spans": rows, "relations": [], "stances": [], "answers": {}}


def units(contents: dict) -> list:
    return set_units(contents, DOC)


def by_place(groups: list) -> dict:
    return {(g.unit.places[0].label, g.unit.places[0].start): g for g in groups if g.kind == "span"}


def test_a_unit_every_layer_made_alike_is_agreed_and_the_others_say_who_made_them():
    ana = units(spans((1, "CLAIM", 0, 10), (2, "SOURCE", 20, 25)))
    ben = units(spans((11, "CLAIM", 0, 10)))
    groups = by_place(curation_groups({"annotator:ana": ana, "annotator:ben": ben}, []))

    assert groups[("CLAIM", 0)].agreed
    assert groups[("CLAIM", 0)].layers == ("annotator:ana", "annotator:ben")
    assert not groups[("SOURCE", 20)].agreed
    assert groups[("SOURCE", 20)].layers == ("annotator:ana",)
    assert {g.state for g in groups.values()} == {"open"}


def test_a_single_layer_agrees_with_nobody():
    ana = units(spans((1, "CLAIM", 0, 10), (2, "SOURCE", 20, 25)))
    groups = curation_groups({"annotator:ana": ana}, [])

    assert [g.agreed for g in groups] == [False, False]
    assert [g.layers for g in groups] == [("annotator:ana",), ("annotator:ana",)]


def test_the_same_span_with_other_attributes_is_one_unit_not_agreed():
    ana = units(spans((1, "CLAIM", 0, 10, {"quote_type": "direct"})))
    ben = units(spans((2, "CLAIM", 0, 10, {"quote_type": "indirect"})))
    (group,) = curation_groups({"annotator:ana": ana, "annotator:ben": ben}, [])

    assert group.layers == ("annotator:ana", "annotator:ben")
    assert not group.agreed


def test_overlap_matching_groups_spans_exact_matching_keeps_apart():
    ana = units(spans((1, "CLAIM", 0, 10)))
    ben = units(spans((2, "CLAIM", 2, 10)))
    layers = {"annotator:ana": ana, "annotator:ben": ben}

    assert len(curation_groups(layers, [], mode="exact")) == 2
    (together,) = curation_groups(layers, [], mode="overlap")
    assert together.layers == ("annotator:ana", "annotator:ben")


def test_a_group_gold_has_is_in_gold_and_a_gold_unit_nobody_made_is_its_own_group():
    ana = units(spans((1, "CLAIM", 0, 10)))
    gold = units(spans((50, "CLAIM", 0, 10), (51, "SOURCE", 30, 35)))
    groups = by_place(curation_groups({"annotator:ana": ana}, gold))

    assert groups[("CLAIM", 0)].state == "gold"
    assert groups[("CLAIM", 0)].gold.row["id"] == 50
    assert groups[("SOURCE", 30)].members == {}
    assert groups[("SOURCE", 30)].state == "gold"


def test_a_rejected_unit_is_rejected_until_gold_has_it():
    ana = units(spans((1, "CLAIM", 0, 10)))
    rejected = {unit_key(ana[0])}
    (group,) = curation_groups({"annotator:ana": ana}, [], rejected)
    assert group.state == "rejected"

    gold = units(spans((50, "CLAIM", 0, 10)))
    (group,) = curation_groups({"annotator:ana": ana}, gold, rejected)
    assert group.state == "gold"


def test_stances_with_different_values_are_two_groups_and_gold_matches_the_same_value():
    def stance(value: str, span_id: int) -> dict:
        contents = spans((span_id, "CLAIM", 0, 10))
        contents["stances"] = [
            {"id": 9, "holder": None, "target": None, "object": span_id, "value": value}
        ]
        return contents

    layers = {
        "annotator:ana": units(stance("favor", 1)),
        "annotator:ben": units(stance("against", 2)),
    }
    gold = units(stance("against", 3))
    stances = [g for g in curation_groups(layers, gold) if g.kind == "stance"]

    assert {(g.unit.value, g.layers, g.state) for g in stances} == {
        ("favor", ("annotator:ana",), "open"),
        ("against", ("annotator:ben",), "gold"),
    }
    assert len({g.key for g in stances}) == 2


def test_auto_merge_takes_open_units_at_least_k_layers_made_spans_first():
    ana = units(spans((1, "CLAIM", 0, 10), (2, "SOURCE", 20, 25), (3, "CUE", 12, 16)))
    ben = units(spans((11, "CLAIM", 0, 10), (12, "SOURCE", 20, 25)))
    cai = units(spans((21, "CLAIM", 0, 10)))
    gold = units(spans((50, "SOURCE", 20, 25)))
    groups = curation_groups({"a": ana, "b": ben, "c": cai}, gold)

    assert [g.unit.places[0].label for g in merge_candidates(groups, 3)] == ["CLAIM"]
    assert [g.unit.places[0].label for g in merge_candidates(groups, 1)] == ["CLAIM", "CUE"]


def test_disagreement_is_the_share_of_units_not_every_layer_made_alike():
    ana = units(spans((1, "CLAIM", 0, 10), (2, "SOURCE", 20, 25)))
    ben = units(spans((11, "CLAIM", 0, 10)))
    groups = curation_groups({"a": ana, "b": ben}, [])

    assert disagreement(groups, 2) == 0.5
    assert disagreement(groups, 1) is None
    assert disagreement([], 2) is None


def test_a_units_key_is_the_same_in_every_layer_and_differs_between_units():
    ana = units(spans((1, "CLAIM", 0, 10), (2, "CLAIM", 0, 11)))
    ben = units(spans((99, "CLAIM", 0, 10)))

    assert unit_key(ana[0]) == unit_key(ben[0])
    assert unit_key(ana[0]) != unit_key(ana[1])
