"""The attribution suggester (issue 14 §3): rule-based CLAIM / SOURCE / CUE spans with
ATTRIBUTED_TO (claim -> source) and CUE_OF (cue -> claim), over synthetic sentences for each
pattern and over the real seed articles (read from ../shared/seeds, never copied)."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotations.presets import NEWS_ATTRIBUTION
from annotations.spans import check_span
from annotations.suggesters.attribution import (
    CUE_VERBS,
    SuggestedSpan,
    Suggestions,
    suggest_attributions,
)


def triples(result: Suggestions) -> list[tuple[str, str, str]]:
    """(claim text, source text, cue text) for each attribution, in claim order."""
    by_key = {s.key: s for s in result.spans}
    source_of = {r.from_key: r.to_key for r in result.relations if r.type == "ATTRIBUTED_TO"}
    cue_of = {r.to_key: r.from_key for r in result.relations if r.type == "CUE_OF"}
    claims = [s for s in result.spans if s.label == "CLAIM"]
    return [(c.text, by_key[source_of[c.key]].text, by_key[cue_of[c.key]].text) for c in claims]


def only_claim(result: Suggestions) -> SuggestedSpan:
    claims = [s for s in result.spans if s.label == "CLAIM"]
    assert len(claims) == 1, claims
    return claims[0]


def test_a_direct_quote_attributed_after_it_names_the_speaker_and_the_cue() -> None:
    result = suggest_attributions('"We will not cave to these demands," Netanyahu\'s office said.')
    assert triples(result) == [("We will not cave to these demands", "Netanyahu's office", "said")]
    assert only_claim(result).attributes == {"quote_type": "direct"}


def test_a_direct_quote_with_the_cue_before_the_speaker_is_found_with_curly_quotes() -> None:
    result = suggest_attributions("“It is only a matter of time,” said John Kirby.")
    assert triples(result) == [("It is only a matter of time", "John Kirby", "said")]


def test_a_direct_quote_introduced_by_speaker_and_cue_is_found() -> None:
    result = suggest_attributions('The White House said: "We remain hopeful about a deal."')
    assert triples(result) == [("We remain hopeful about a deal", "The White House", "said")]


def test_a_quote_split_by_its_cue_is_one_discontinuous_claim() -> None:
    text = '"The talks are stuck," he said, "but they are not over."'
    claim = only_claim(suggest_attributions(text))
    assert [text[a:b] for a, b in claim.fragments] == [
        "The talks are stuck",
        "but they are not over",
    ]
    assert claim.text == "The talks are stuck but they are not over"
    checked = check_span(
        text, claim.start, claim.end, claim.text, [list(f) for f in claim.fragments]
    )
    assert checked.fragments is not None
    assert triples(suggest_attributions(text))[0][1:] == ("he", "said")


def test_indirect_speech_after_told_reporters_that_is_the_claim() -> None:
    result = suggest_attributions(
        "An Israeli official told reporters that the talks would resume next week."
    )
    assert triples(result) == [("the talks would resume next week", "An Israeli official", "told")]
    assert only_claim(result).attributes == {"quote_type": "indirect"}


def test_according_to_attributes_the_clause_before_it() -> None:
    result = suggest_attributions(
        "Talks stalled over the weekend, according to officials briefed on the talks."
    )
    assert triples(result) == [
        ("Talks stalled over the weekend", "officials briefed on the talks", "according to")
    ]


def test_a_trailing_attribution_to_an_anonymous_official_is_marked_as_such() -> None:
    result = suggest_attributions("Hamas rejected the latest offer, a senior U.S. official said.")
    assert triples(result) == [
        ("Hamas rejected the latest offer", "a senior U.S. official", "said")
    ]
    source = next(s for s in result.spans if s.label == "SOURCE")
    assert source.attributes == {"source_type": "anonymous_official"}


def test_a_pronoun_speaker_and_an_inflected_cue_are_found() -> None:
    result = suggest_attributions("She warned that the ceasefire could collapse within days.")
    assert triples(result) == [("the ceasefire could collapse within days", "She", "warned")]


def test_the_object_of_told_before_that_is_not_part_of_the_claim() -> None:
    result = suggest_attributions("Katz told the visiting envoys that the crossing stays shut.")
    assert triples(result) == [("the crossing stays shut", "Katz", "told")]


def test_a_clause_after_said_keeps_its_own_capitalised_subject() -> None:
    result = suggest_attributions("Israel said the Biden administration's decision was a mistake.")
    assert triples(result) == [
        ("the Biden administration's decision was a mistake", "Israel", "said")
    ]


def test_a_quote_in_the_next_sentence_goes_on_in_the_same_speakers_voice() -> None:
    result = suggest_attributions(
        '"We are close to a deal," one official said. "The gaps are small now."'
    )
    assert triples(result) == [
        ("We are close to a deal", "one official", "said"),
        ("The gaps are small now", "one official", "said"),
    ]


def test_a_quote_in_a_new_paragraph_is_not_given_the_previous_speaker() -> None:
    result = suggest_attributions('"We are close," one official said.\n"Nothing is agreed."')
    assert triples(result) == [("We are close", "one official", "said")]


def test_according_to_at_the_start_of_a_sentence_attributes_what_follows() -> None:
    result = suggest_attributions(
        "According to people briefed on the talks, Hamas wants a permanent ceasefire."
    )
    assert triples(result) == [
        ("Hamas wants a permanent ceasefire", "people briefed on the talks", "According to")
    ]


def test_a_trailing_attribution_with_told_and_an_outlet_is_found() -> None:
    result = suggest_attributions(
        "Israel agreed to release 700 prisoners, two Israeli officials told Axios."
    )
    assert triples(result) == [
        ("Israel agreed to release 700 prisoners", "two Israeli officials", "told")
    ]


def test_offsets_are_code_points_after_emoji_and_accents() -> None:
    text = "Crowds 🌉🇶🇦 gathered in Doha.\n“Déjà vu all over again,” the mediator said."
    result = suggest_attributions(text)
    assert triples(result) == [("Déjà vu all over again", "the mediator", "said")]
    for span in result.spans:
        assert text[span.start : span.end] == span.text


def test_a_connective_opening_the_sentence_is_left_out_of_the_claim() -> None:
    result = suggest_attributions("But the deadlock is much more serious, another official said.")
    assert triples(result) == [("the deadlock is much more serious", "another official", "said")]


def test_a_sentence_without_a_cue_gets_no_suggestions() -> None:
    result = suggest_attributions("The delegation returned to Doha on Tuesday evening.")
    assert result.spans == [] and result.relations == []


def test_a_circumstance_after_the_cue_is_not_taken_for_what_was_said() -> None:
    result = suggest_attributions("Katz said at the beginning of the meeting.")
    assert result.spans == []


def test_relations_use_the_news_attribution_presets_types_and_directions() -> None:
    preset = {r["key"]: r for r in NEWS_ATTRIBUTION["relation_types"]}
    result = suggest_attributions(
        '"We are close," one official said. Officials said the gap was wide and growing.'
    )
    labels = {s.key: s.label for s in result.spans}
    assert len(result.relations) == 4
    for relation in result.relations:
        kind = preset[relation.type]
        assert labels[relation.from_key] in kind["from_labels"]
        assert labels[relation.to_key] in kind["to_labels"]


def test_the_cue_lexicon_lists_each_verb_with_its_past_tense() -> None:
    forms = {form for verb in CUE_VERBS for form in verb}
    assert {"said", "told", "added", "accused", "claimed", "admitted", "denied"} <= forms
    assert {"warned", "stressed", "noted", "insisted", "argued"} <= forms


@pytest.fixture(scope="module")
def seed_texts(seeds_dir: Path) -> dict[str, str]:
    paths = sorted(seeds_dir.glob("*.txt"))
    assert len(paths) == 5
    return {p.name: p.read_text(encoding="utf-8") for p in paths}


def test_on_every_seed_article_spans_match_the_text_and_claims_never_overlap(
    seed_texts: dict[str, str],
) -> None:
    for name, text in seed_texts.items():
        result = suggest_attributions(text)
        counts = {label: 0 for label in ("CLAIM", "SOURCE", "CUE")}
        pieces = []
        for span in result.spans:
            counts[span.label] += 1
            fragments = [list(f) for f in span.fragments] if len(span.fragments) > 1 else None
            check_span(text, span.start, span.end, span.text, fragments)
            if span.label == "CLAIM":
                pieces.extend(span.fragments)
        assert all(n > 0 for n in counts.values()), (name, counts)
        pieces.sort()
        for (_, end), (start, _) in zip(pieces, pieces[1:], strict=False):
            assert start >= end, (name, "overlapping CLAIMs")
        keys = {s.key for s in result.spans}
        assert all(r.from_key in keys and r.to_key in keys for r in result.relations)


def test_on_the_seeds_the_shared_axios_quote_is_attributed_to_netanyahus_office(
    seed_texts: dict[str, str],
) -> None:
    found = [
        t
        for text in seed_texts.values()
        for t in triples(suggest_attributions(text))
        if t[0].startswith("Hamas's stance clearly demonstrates")
    ]
    assert len(found) >= 2
    assert {source for _, source, _ in found} == {"Netanyahu's office"}
