"""The quote aligner (annotations/suggesters/quotes.py): synthetic stories written here, and the
seed story read from ../shared/seeds."""

from __future__ import annotations

from pathlib import Path

from annotations.suggesters.quotes import AlignerSettings, align_quotes, find_quotes

AXIOS = "000_d2ff3460eda35a53.txt"
AL_MAYADEEN = "001_c1c76d7a80e1dc22.txt"
QUOTE_MARKS = '"“”„«»‘’'


def linked_texts(documents: list[tuple[int, str]]) -> set[tuple[str, str]]:
    result = align_quotes(documents)
    return {
        (result.spans[link.source].text, result.spans[link.target].text) for link in result.links
    }


def test_a_quote_in_curly_marks_matches_the_same_quote_in_straight_marks_and_other_case() -> None:
    one = "The mayor said: “The bridge will reopen before the festival,” and left."
    two = 'Asked again, she repeated: "the Bridge will REOPEN before the festival."'
    assert linked_texts([(1, one), (2, two)]) == {
        (
            "The bridge will reopen before the festival",
            "the Bridge will REOPEN before the festival",
        )
    }


def test_guillemets_and_possessives_are_normalised() -> None:
    one = "He wrote «Hamas's demands are not serious at all» on Monday."
    two = "He wrote “Hamas’ demands are not serious at all” on Monday."
    result = align_quotes([(1, one), (2, two)])
    assert [(link.score, link.kind) for link in result.links] == [(1.0, "same")]


def test_a_partial_quote_is_linked_to_the_whole_sentence_it_comes_from() -> None:
    whole = (
        '"We will not pay for repairs that the harbour authority promised to fund last year, '
        'and we will say so at the council meeting," she said.'
    )
    part = "She said the council would “not pay for repairs that the harbour authority promised”."
    result = align_quotes([(7, whole), (9, part)])
    assert len(result.links) == 1
    link = result.links[0]
    assert link.kind == "partial"
    assert link.containment == 1.0
    assert link.score < AlignerSettings().min_ratio


def test_a_paraphrase_below_the_threshold_is_not_linked() -> None:
    one = '"The closure will last at least a week," the engineer said.'
    two = '"We expect the bridge to be shut for about seven days," the engineer said.'
    assert align_quotes([(1, one), (2, two)]).links == []


def test_quotes_in_the_same_document_are_not_linked_to_each_other() -> None:
    text = '"The ferry will run all night," he said. Later: "The ferry will run all night."'
    assert align_quotes([(1, text)]).links == []


def test_scare_quotes_are_not_proposed() -> None:
    one = 'Officials called it a "pause" and a "humanitarian pause".'
    two = 'Officials called it a "pause" and a "humanitarian pause".'
    assert align_quotes([(1, one), (2, two)]).spans == []


def test_an_apostrophe_inside_a_word_does_not_close_a_single_quote() -> None:
    (quote,) = find_quotes(3, "She said ‘it’s not over yet, we’re still talking’ today.", 3)
    assert quote.span.text == "it’s not over yet, we’re still talking"


def test_offsets_are_code_points_of_the_stored_text_even_after_emoji() -> None:
    one = "🚢🌉 Ahead of the vote, “the tender was approved without new funding,” he said."
    two = "Ünïcode first: «The tender was approved without new funding.»"
    documents = {1: one, 2: two}
    result = align_quotes(list(documents.items()))
    assert len(result.spans) == 2
    for span in result.spans:
        assert documents[span.document_id][span.start : span.end] == span.text


def test_the_output_order_does_not_depend_on_the_input_order() -> None:
    documents = [
        (3, '"The repair plan must be reviewed again," he said.'),
        (1, "“The repair plan must be reviewed again”, they wrote."),
        (2, "A source: “the repair plan must be reviewed again.”"),
    ]
    assert align_quotes(documents) == align_quotes(list(reversed(documents)))
    result = align_quotes(documents)
    assert [span.document_id for span in result.spans] == [1, 2, 3]
    assert [(link.source, link.target) for link in result.links] == [(0, 1), (0, 2), (1, 2)]


COPIED = (
    "The inspection report found that two of the eleven cables on the northern span had lost "
    "more than a third of their strength since the last survey in the spring"
)


def test_a_long_passage_copied_without_quote_marks_is_linked_as_a_passage() -> None:
    one = f"Port Veyra, Monday. {COPIED}. The council met later."
    two = f"According to a leaked memo, {COPIED.lower()}; divers went down on Tuesday."
    result = align_quotes([(1, one), (2, two)])
    assert [(link.kind, link.score) for link in result.links] == [("passage", 1.0)]
    first, second = result.spans
    assert first.text == COPIED
    assert second.text == COPIED.lower()
    assert two[second.start : second.end] == second.text


def test_a_shared_run_shorter_than_the_passage_minimum_is_not_linked() -> None:
    short = " ".join(COPIED.split()[:15])
    one = f"Port Veyra, Monday. {short}. The council met later."
    two = f"Elsewhere: {short}, divers said nothing."
    assert align_quotes([(1, one), (2, two)]).links == []
    assert align_quotes([(1, one), (2, two)], AlignerSettings(min_passage_tokens=12)).links


def test_passages_can_be_turned_off() -> None:
    documents = [(1, f"{COPIED}."), (2, f"{COPIED}.")]
    assert align_quotes(documents, AlignerSettings(min_passage_tokens=0)).links == []


def test_the_axios_and_al_mayadeen_seed_articles_share_their_quotes(seeds_dir: Path) -> None:
    paths = sorted(seeds_dir.glob("*.txt"))
    documents = [(number, path.read_text(encoding="utf-8")) for number, path in enumerate(paths)]
    texts = dict(documents)
    axios = next(n for n, p in enumerate(paths) if p.name == AXIOS)
    al_mayadeen = next(n for n, p in enumerate(paths) if p.name == AL_MAYADEEN)
    result = align_quotes(documents)

    shared = [
        link
        for link in result.links
        if {result.spans[link.source].document_id, result.spans[link.target].document_id}
        == {axios, al_mayadeen}
    ]
    assert len(shared) >= 12  # 13 when written
    assert {link.kind for link in shared} == {"same"}
    for span in result.spans:
        text = texts[span.document_id]
        assert text[span.start : span.end] == span.text
        before = text[: span.start].rstrip()[-1:]
        assert before in QUOTE_MARKS, f"not inside quote marks: {span.text!r}"
        assert len(span.text.split()) >= AlignerSettings().min_quote_tokens
