"""Captions are kept once as caption zones; repeated copies are removed."""

from __future__ import annotations

from corpus.cleaning import article_clean
from tests.corpus.sample_articles import LEAD, zone_texts


def test_a_caption_with_a_credit_in_brackets_is_a_caption_zone() -> None:
    caption = "Workers inspect the bridge deck on Monday. (Jo Smith/Ledger)"
    result = article_clean(f"Bridge to close\n\n{caption}\n\n{LEAD}\n")
    assert zone_texts(result, "caption") == [caption]
    assert result.removed == []


def test_a_caption_repeated_word_for_word_is_kept_once() -> None:
    caption = "File: The old bridge at dawn, on March 2, 2031. (Jo Smith/Ledger)"
    result = article_clean(f"Bridge to close\n\n{caption}\n{caption}\n\n{LEAD}\n")
    assert result.text.count(caption) == 1
    assert [(r.line, r.rule) for r in result.removed] == [(3, "caption_duplicate")]


def test_a_shorter_copy_of_a_credited_caption_is_removed() -> None:
    short = "A man walks past the closed bridge covered with notices in the harbour district."
    full = (
        "A man walks past the closed bridge covered with council notices in the harbour "
        "district, on Mar. 2, 2031. Photo: Jo Smith/Getty Images"
    )
    result = article_clean(f"Bridge to close\n\n {short}\n\n{full}\n\n{LEAD}\n")
    assert short not in result.text
    assert zone_texts(result, "caption") == [full]
    assert [r.rule for r in result.removed] == ["caption_duplicate"]


def test_an_html_caption_repeated_below_as_credit_and_text_is_removed_whole() -> None:
    html_line = "<i>Jo Smith/AP</i><br/>Divers inspect the pillars of the old bridge."
    raw = (
        f"Bridge to close\n\n{html_line}\nJo Smith/AP\n"
        f"Divers inspect the pillars of the old bridge.\n\n{LEAD}\n"
    )
    result = article_clean(raw)
    assert "<i>" not in result.text
    assert result.text.count("Divers inspect the pillars") == 1
    assert zone_texts(result, "caption") == [
        "Jo Smith/AP\nDivers inspect the pillars of the old bridge."
    ]
    assert [(r.line, r.rule) for r in result.removed] == [(3, "html_duplicate")]


def test_an_article_sentence_ending_in_brackets_is_not_a_caption() -> None:
    sentence = "The council (which met twice) approved the plan on Tuesday, officials said."
    result = article_clean(f"Bridge to close\n\n{LEAD}\n{sentence}\n")
    assert zone_texts(result, "caption") == []
