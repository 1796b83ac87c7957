"""Paraphrased quotes (annotations/suggesters/paraphrases.py, speakers.py): the same claim
quoted in other words is linked as kind "paraphrase" on shared content words, unless the
word sequences mostly match (another claim in the same frame) or the speakers' names differ.
Synthetic stories written here, and the seed story's Times of Israel / CNN pair."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

from annotations.suggesters.paraphrases import (
    ParaphraseSettings,
    content_words,
    paraphrase_pairs,
)
from annotations.suggesters.quotes import AlignerSettings, align_quotes
from annotations.suggesters.speakers import quote_speakers, speaker_name, speakers_conflict
from annotations.suggesters.tokens import normalised_words

TIMES_OF_ISRAEL = "003_a960ab71803a349e.txt"
CNN = "004_29fe430bf39ea3d0.txt"

MAYOR = "The mayor at noon: “The old harbour will never go to the developers, whatever they offer.”"
REWORDED = "Asked on Friday, she answered: “The developers are never getting our old harbour.”"


def links(documents: list[tuple[int, str]], settings: AlignerSettings | None = None):
    result = align_quotes(documents, settings)
    return [
        (result.spans[link.source].text, result.spans[link.target].text, link.kind)
        for link in result.links
    ]


def test_a_quote_reworded_around_the_same_content_words_is_linked_as_a_paraphrase() -> None:
    assert links([(1, MAYOR), (2, REWORDED)]) == [
        (
            "The old harbour will never go to the developers, whatever they offer",
            "The developers are never getting our old harbour",
            "paraphrase",
        )
    ]


def test_the_paraphrase_score_is_the_dice_coefficient_of_the_content_words() -> None:
    result = align_quotes([(1, MAYOR), (2, REWORDED)])
    (link,) = result.links
    # {old, harbour, never, go, developers, whatever, offer} and
    # {developers, never, getting, old, harbour}: 4 shared, 4 of the smaller set's 5
    assert (link.score, link.containment) == (round(2 * 4 / (7 + 5), 4), 0.8)


def test_the_same_frame_with_another_subject_is_not_a_paraphrase() -> None:
    one = 'Later: "The harbour will reopen as long as the cracks remain," they said.'
    two = 'Then: "The ferry was cancelled as long as the cracks remain," they said.'
    assert links([(1, one), (2, two)]) == []


def test_two_speakers_with_different_names_are_not_linked_as_a_paraphrase() -> None:
    one = "“The old harbour will never go to the developers,” said Mayor Ada Quill."
    two = "“The developers are never getting our old harbour,” said Councillor Bram Osei."
    assert links([(1, one), (2, two)]) == []


def test_one_speaker_named_more_fully_in_one_outlet_is_still_linked() -> None:
    one = "“The old harbour will never go to the developers,” said Quill."
    two = "“The developers are never getting our old harbour,” said Mayor Ada Quill."
    assert [kind for *_texts, kind in links([(1, one), (2, two)])] == ["paraphrase"]


def test_short_quotes_are_never_paraphrases() -> None:
    one = 'He rejected "the delusional harbour demands" outright.'
    two = "“We refuse the harbour demands, which are delusional and absurd,” he said."
    assert links([(1, one), (2, two)]) == []


def test_two_shared_content_words_are_not_enough() -> None:
    one = "“Nobody expected the storm to close the harbour this early,” she said."
    two = "“The harbour budget will grow because of the storm damage,” she said."
    assert links([(1, one), (2, two)]) == []


def test_paraphrases_can_be_turned_off() -> None:
    assert links([(1, MAYOR), (2, REWORDED)], AlignerSettings(min_paraphrase_tokens=0)) == []


def test_content_words_leave_out_function_words_and_numbers() -> None:
    quote = "We haven’t committed to any of the 40 demands of Hamas"
    assert content_words(normalised_words(quote)) == {"committed", "demands", "hamas"}


def test_the_prefix_filter_finds_every_pair_a_full_comparison_finds() -> None:
    rng = random.Random(7)
    vocabulary = [f"w{n}" for n in range(25)]
    sequences = [tuple(rng.choices(vocabulary, k=rng.randint(4, 12))) for _ in range(150)]
    settings = ParaphraseSettings(min_tokens=4, min_shared=2, min_dice=0.5)
    expected = set()
    for i, j in itertools.combinations(range(len(sequences)), 2):
        a, b = set(sequences[i]), set(sequences[j])
        if len(a & b) >= 2 and 2 * len(a & b) / (len(a) + len(b)) >= 0.5:
            expected.add((i, j))
    found = paraphrase_pairs(sequences, settings)
    assert expected  # the random sets do pass sometimes: the comparison is not empty
    assert set(found) == expected


def test_a_speakers_name_is_its_capitalised_words_without_function_words() -> None:
    assert speaker_name("Israeli Prime Minister Benjamin Netanyahu") == {
        "israeli",
        "prime",
        "minister",
        "benjamin",
        "netanyahu",
    }
    assert speaker_name("The Harbour Authority") == {"harbour", "authority"}
    assert speaker_name("he") == frozenset()
    assert speaker_name("a senior official") == frozenset()


def test_only_two_named_speakers_without_a_shared_word_conflict() -> None:
    netanyahu, office = speaker_name("Benjamin Netanyahu"), speaker_name("Netanyahu's office")
    assert not speakers_conflict(netanyahu, office)
    assert not speakers_conflict(netanyahu, speaker_name("it"))
    assert speakers_conflict(netanyahu, speaker_name("John Kirby"))


def test_a_quote_has_the_speaker_of_the_claim_the_attribution_suggester_finds() -> None:
    text = "“The bridge stays shut until May,” said Ada Quill. No one else spoke."
    assert quote_speakers(text, [(1, 33), (36, 40)]) == [{"ada", "quill"}, frozenset()]


def test_the_times_of_israel_and_cnn_delusional_remark_is_linked(seeds_dir: Path) -> None:
    paths = sorted(seeds_dir.glob("*.txt"))
    documents = [(number, path.read_text(encoding="utf-8")) for number, path in enumerate(paths)]
    names = {number: path.name for number, path in enumerate(paths)}
    result = align_quotes(documents)
    paraphrases = [
        (
            names[result.spans[link.source].document_id],
            result.spans[link.source].text,
            names[result.spans[link.target].document_id],
            result.spans[link.target].text,
        )
        for link in result.links
        if link.kind == "paraphrase"
    ]
    assert paraphrases == [
        (
            TIMES_OF_ISRAEL,
            "Israel will not cave to Hamas’s delusional demands",
            CNN,
            "We haven’t committed to any of the delusional demands of Hamas",
        )
    ]
