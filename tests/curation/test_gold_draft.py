"""The gold set as a whole-set write, changed unit by unit (pure): what accepting, editing
and removing a unit puts in the payload the set writer will check and store."""

from __future__ import annotations

import pytest

from annotations.agreement.units import Place, set_units
from annotations.curation.gold_draft import DraftRefusal, GoldDraft

DOC = 3
TEXT = "“The plan,” he said, “is sound.” Officials agreed on Monday."
AUTO = {"method": "auto", "layers": ["annotator:ana", "annotator:ben"]}
ACCEPTED = {"method": "accepted", "layers": ["annotator:ana"]}


def span_row(span_id: int, label: str, needle: str, **attributes: str) -> dict:
    start = TEXT.index(needle)
    return {
        "id": span_id,
        "label": label,
        "start": start,
        "end": start + len(needle),
        "fragments": None,
        "text": needle,
        "attributes": attributes,
        "provenance": None,
    }


def layer(*spans: dict, relations=(), stances=(), answers=None) -> dict:
    return {
        "spans": list(spans),
        "relations": list(relations),
        "stances": list(stances),
        "answers": answers or {},
    }


def units_of(contents: dict, kind: str) -> list:
    return [u for u in set_units(contents, DOC) if u.kind == kind]


def no_ends(place: Place) -> tuple:
    raise AssertionError(f"no end should be added: {place}")


def test_accepting_a_span_adds_it_with_its_text_attributes_and_provenance():
    (claim,) = units_of(layer(span_row(1, "CLAIM", "The plan", quote_type="direct")), "span")
    draft = GoldDraft(layer(), DOC, TEXT)
    draft.accept(claim, ACCEPTED, ends=no_ends)

    (added,) = draft.payload(4)["spans"]
    assert added["ref"]
    assert (added["label"], added["text"], added["attributes"]) == (
        "CLAIM",
        "The plan",
        {"quote_type": "direct"},
    )
    assert added["provenance"] == ACCEPTED
    assert draft.payload(4)["version"] == 4


def test_accepting_over_a_gold_span_keeps_its_id_so_links_to_it_stay():
    gold = layer(span_row(70, "CLAIM", "The plan"))
    (replacing,) = units_of(gold, "span")
    (wider,) = units_of(layer(span_row(1, "CLAIM", "The plan,")), "span")
    draft = GoldDraft(gold, DOC, TEXT, mode="overlap")
    draft.accept(wider, AUTO, ends=no_ends, replacing=replacing)

    (kept,) = draft.payload(1)["spans"]
    assert (kept["id"], kept["text"], kept["provenance"]) == (70, "The plan,", AUTO)


def test_accepting_a_relation_points_at_gold_spans_and_adds_the_end_gold_lacks():
    contents = layer(
        span_row(1, "CLAIM", "is sound."),
        span_row(2, "SOURCE", "he"),
        relations=[{"id": 5, "type": "ATTRIBUTED_TO", "source": 1, "target": 2}],
    )
    (relation,) = units_of(contents, "relation")
    draft = GoldDraft(layer(span_row(80, "CLAIM", "is sound.")), DOC, TEXT)
    draft.accept(relation, AUTO, ends=lambda place: ({"side": "x"}, ACCEPTED))

    payload = draft.payload(2)
    (source,) = [s for s in payload["spans"] if s["label"] == "SOURCE"]
    assert (source["text"], source["attributes"], source["provenance"]) == (
        "he",
        {"side": "x"},
        ACCEPTED,
    )
    (link,) = payload["relations"]
    assert (link["type"], link["source"], link["target"], link["provenance"]) == (
        "ATTRIBUTED_TO",
        80,
        source["ref"],
        AUTO,
    )


def test_a_link_to_another_document_needs_that_documents_gold_span():
    other = Place(9, "CLAIM", ((0, 5),))
    contents = layer(
        span_row(1, "CLAIM", "The plan"),
        relations=[{"id": 5, "type": "SAME_CLAIM", "source": 1, "target": 44}],
    )
    elsewhere = {44: (9, {"label": "CLAIM", "start": 0, "end": 5, "fragments": None})}
    (link,) = [
        u for u in set_units(contents, DOC, spans_elsewhere=elsewhere) if u.kind == "relation"
    ]

    draft = GoldDraft(layer(span_row(80, "CLAIM", "The plan")), DOC, TEXT)
    with pytest.raises(DraftRefusal, match="not in the gold set of its document"):
        draft.accept(link, AUTO, ends=no_ends)

    draft = GoldDraft(layer(span_row(80, "CLAIM", "The plan")), DOC, TEXT, elsewhere={91: other})
    draft.accept(link, AUTO, ends=no_ends)
    (made,) = draft.payload(1)["relations"]
    assert (made["source"], made["target"]) == (80, 91)


def test_accepting_a_stance_replaces_gold_s_stance_on_the_same_thing():
    stance = {"id": 3, "holder": None, "target": None, "object": 1, "value": "against"}
    contents = layer(span_row(1, "CLAIM", "The plan"), stances=[stance])
    (against,) = units_of(contents, "stance")
    gold = layer(
        span_row(80, "CLAIM", "The plan"),
        stances=[{"id": 30, "holder": None, "target": None, "object": 80, "value": "favor"}],
    )
    draft = GoldDraft(gold, DOC, TEXT)
    draft.accept(against, ACCEPTED, ends=no_ends)

    (only,) = draft.payload(1)["stances"]
    assert (only["object"], only["value"], only["provenance"]) == (80, "against", ACCEPTED)


def test_an_edit_changes_what_is_accepted_and_the_text_follows_the_offsets():
    (claim,) = units_of(layer(span_row(1, "CLAIM", "The plan")), "span")
    start = TEXT.index("The plan")
    fragments = [[start, start + 8], [TEXT.index("is sound"), TEXT.index("is sound") + 8]]
    draft = GoldDraft(layer(), DOC, TEXT)
    draft.accept(
        claim, {**ACCEPTED, "method": "edited"}, ends=no_ends, edit={"fragments": fragments}
    )

    (edited,) = draft.payload(1)["spans"]
    assert edited["text"] == "The plan is sound"
    assert edited["fragments"] == fragments
    assert (edited["start"], edited["end"]) == (fragments[0][0], fragments[1][1])
    assert edited["provenance"]["method"] == "edited"


def test_removing_a_span_takes_the_relations_and_stances_on_it():
    gold = layer(
        span_row(80, "CLAIM", "The plan"),
        span_row(81, "SOURCE", "he"),
        relations=[{"id": 6, "type": "ATTRIBUTED_TO", "source": 80, "target": 81}],
        stances=[{"id": 7, "holder": 81, "target": None, "object": 80, "value": "favor"}],
    )
    source = next(u for u in units_of(gold, "span") if u.places[0].label == "SOURCE")
    draft = GoldDraft(gold, DOC, TEXT)
    draft.remove(source)

    payload = draft.payload(1)
    assert [s["id"] for s in payload["spans"]] == [80]
    assert payload["relations"] == [] and payload["stances"] == []


def test_answers_per_target_are_accepted_and_removed_one_target_at_a_time():
    contents = layer(answers={"framing": {"israel": "critical", "hamas": "neutral"}})
    israel = next(u for u in units_of(contents, "answer") if u.tag == ("framing", "israel"))
    draft = GoldDraft(layer(answers={"framing": {"hamas": "critical"}}), DOC, TEXT)
    draft.accept(israel, ACCEPTED, ends=no_ends)
    assert draft.payload(1)["answers"] == {"framing": {"hamas": "critical", "israel": "critical"}}

    hamas = next(
        u for u in units_of(layer(answers=draft.answers), "answer") if u.tag == ("framing", "hamas")
    )
    draft.remove(hamas)
    assert draft.payload(1)["answers"] == {"framing": {"israel": "critical"}}
