"""Normalisation: NFC, newlines, whitespace; what it never touches."""

from __future__ import annotations

import unicodedata

from corpus.cleaning import article_clean, normalise_text

BODY = (
    "The council met on Tuesday and voted on the harbour budget after a long debate, "
    "officials said."
)


def test_crlf_and_lone_cr_become_newlines() -> None:
    assert normalise_text("a\r\nb\rc\n") == "a\nb\nc\n"


def test_combining_accents_are_composed_to_nfc() -> None:
    decomposed = "Cafe\u0301 owner Jose\u0301 said"
    assert normalise_text(decomposed) == "Café owner José said"
    assert unicodedata.is_normalized("NFC", article_clean(decomposed).text)


def test_emoji_zero_width_joiners_and_curly_quotes_survive_cleaning() -> None:
    line = "“We 👷🏽‍♀️ will stay — no matter what,” the engineer said on the bridge 🌉 today."
    result = article_clean(f"Bridge crews hold the line\n\n{line}\n")
    assert line in result.text


def test_trailing_spaces_are_trimmed_and_blank_runs_collapse() -> None:
    result = article_clean(f"Harbour vote goes ahead   \n\n\n\n{BODY}  \t\n\n\n{BODY} \n\n")
    assert result.text == f"Harbour vote goes ahead\n\n{BODY}\n\n{BODY}"


def test_crlf_input_gives_the_same_text_as_lf_input() -> None:
    lf = f"Harbour vote goes ahead\n\n{BODY}\nRead more: Another story\n{BODY}\n"
    assert article_clean(lf.replace("\n", "\r\n")).text == article_clean(lf).text


def test_cleaning_switched_off_keeps_the_text_except_nfc_and_newlines() -> None:
    raw = "Skip to Content\r\nHarbour vote  \r\n\r\n\r\nCafe\u0301 " + BODY + "\r\nGo deeper"
    result = article_clean(raw, enabled=False)
    assert result.text == normalise_text(raw)
    assert result.removed == []
    assert result.enabled is False


def test_cleaning_switched_off_still_finds_the_title_and_zones_match_the_text() -> None:
    raw = "Skip to Content\n\n  Harbour vote goes ahead  \n\n" + BODY + "\n"
    result = article_clean(raw, enabled=False)
    assert result.title == "Harbour vote goes ahead"
    headline = next(zone for zone in result.zones if zone.kind == "headline")
    assert result.text[headline.start : headline.end] == "Harbour vote goes ahead"
