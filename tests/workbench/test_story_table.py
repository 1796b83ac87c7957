"""The pure pieces of the claims x outlets table: clusters, differing words, paragraphs,
zones and the per-outlet figures."""

from __future__ import annotations

from annotations.story_table import (
    claim_clusters,
    differing_ranges,
    is_anonymous,
    outlet_figures,
    paragraph_number,
    paragraph_starts,
    word_set,
    zone_of,
)


def test_claims_joined_by_links_form_one_cluster_and_an_unlinked_claim_its_own():
    assert claim_clusters([1, 2, 3, 4, 5], [(1, 4), (4, 5), (9, 1)]) == [[1, 4, 5], [2], [3]]


def test_links_in_a_chain_in_any_order_join_every_claim():
    assert claim_clusters([10, 20, 30], [(30, 20), (20, 10)]) == [[10, 20, 30]]


def test_the_words_other_outlets_do_not_use_are_marked_and_neighbours_merge():
    text = "Israel will not cave to Hamas’s delusional demands"
    others = word_set("We haven’t committed to any of the delusional demands of Hamas")
    ranges = differing_ranges(text, others)
    assert [text[a:b] for a, b in ranges] == ["Israel will not cave"]


def test_case_curly_apostrophes_and_possessives_do_not_make_words_differ():
    assert differing_ranges("Hamas's DEMANDS", word_set("hamas’s demands")) == []
    assert differing_ranges("the Council's resolution", word_set("the council resolution")) == []


def test_nothing_differs_when_no_other_outlet_words_the_claim():
    assert differing_ranges("one outlet alone", set()) == []


def test_paragraphs_are_separated_by_blank_lines():
    text = "Headline\n\nFirst paragraph.\nStill first.\n\n  Second."
    starts = paragraph_starts(text)
    assert paragraph_number(starts, 0) == 1
    assert paragraph_number(starts, text.index("Still")) == 2
    assert paragraph_number(starts, text.index("Second")) == 3


def test_a_text_without_blank_lines_has_a_paragraph_per_line():
    text = "Headline\nFirst paragraph.\nSecond."
    assert paragraph_number(paragraph_starts(text), text.index("Second")) == 3


def test_zones_say_headline_then_lede_for_the_first_body_paragraph_then_body():
    text = "Headline\n\nFirst paragraph.\n\nSecond."
    zones = [
        {"kind": "headline", "start": 0, "end": 8},
        {"kind": "body", "start": 10, "end": len(text)},
    ]
    starts = paragraph_starts(text)
    assert zone_of(zones, starts, 2) == "headline"
    assert zone_of(zones, starts, text.index("paragraph")) == "lede"
    assert zone_of(zones, starts, text.index("Second")) == "body"


def test_a_source_is_anonymous_by_its_type_or_its_registry_entrys_kind():
    assert is_anonymous({"source_type": "anonymous_official", "entry": None})
    assert is_anonymous({"source_type": None, "entry": {"kind": "anonymous_official"}})
    assert not is_anonymous({"source_type": "named_person", "entry": {"kind": "named_person"}})
    assert not is_anonymous(None)


def _claim(source_type: str | None, cue: str | None, stances: list[str]) -> dict:
    return {
        "source": {"source_type": source_type, "entry": None} if source_type else None,
        "cue": {"text": cue} if cue else None,
        "stances": [{"holder": None, "value": v} for v in stances],
    }


def test_outlet_figures_count_claims_anonymity_lone_claims_cues_and_stances():
    columns = [{"id": 1, "outlet": "Axios"}, {"id": 2, "outlet": "CNN"}]
    rows = [
        {"cells": [
            {"document": 1, "claims": [_claim("anonymous_official", "Said", ["against"])]},
            {"document": 2, "claims": [_claim("named_person", "told", [])]},
        ]},
        {"cells": [{"document": 1, "claims": [_claim(None, "said", ["against", "favor"])]}]},
    ]  # fmt: skip
    axios, cnn = outlet_figures(columns, rows)
    assert (axios["claims"], axios["anonymous"], axios["anonymous_share"]) == (2, 1, 0.5)
    assert axios["only_outlet"] == 1 and cnn["only_outlet"] == 0
    assert axios["cues"] == [{"cue": "said", "count": 2}]
    assert axios["stances"] == [{"value": "against", "count": 2}, {"value": "favor", "count": 1}]
    assert cnn["anonymous_share"] == 0.0
