"""Headline, dateline, byline and outlet detection; zones over the cleaned text."""

from __future__ import annotations

from datetime import date

import pytest

from corpus.cleaning import CleanResult, article_clean
from corpus.models import ZONE_KINDS
from tests.corpus.sample_articles import LEAD, zone_texts


def assert_zones_well_formed(result: CleanResult) -> None:
    previous_end = 0
    for zone in result.zones:
        assert zone.kind in ZONE_KINDS
        assert previous_end <= zone.start < zone.end <= len(result.text)
        assert result.text[zone.start : zone.end] == result.text[zone.start : zone.end].strip()
        previous_end = zone.end


def test_the_first_headline_like_line_is_the_title_and_a_headline_zone() -> None:
    result = article_clean(f"Bridge to close for repairs\n\n{LEAD}\n")
    assert result.title == "Bridge to close for repairs"
    assert zone_texts(result, "headline") == ["Bridge to close for repairs"]
    assert zone_texts(result, "body") == [LEAD]
    assert_zones_well_formed(result)


def test_a_date_line_above_the_headline_is_the_dateline_with_its_date() -> None:
    result = article_clean(f"Mar 2, 2031 - World\n\nBridge to close for repairs\n\n{LEAD}\n")
    assert result.dateline == "Mar 2, 2031 - World"
    assert result.published == date(2031, 3, 2)
    assert zone_texts(result, "dateline") == ["Mar 2, 2031 - World"]
    assert result.title == "Bridge to close for repairs"


def test_a_by_line_is_the_byline_and_its_trailing_outlet_counts() -> None:
    raw = f"Bridge to close\n\nBy Ann Lee and Tom Ray, CNN\n\n{LEAD}\n"
    result = article_clean(raw)
    assert result.byline == "Ann Lee and Tom Ray"
    assert zone_texts(result, "byline") == ["By Ann Lee and Tom Ray, CNN"]
    assert result.outlet == "CNN"


def test_an_inline_dateline_is_its_own_zone_before_the_body() -> None:
    result = article_clean(f"Bridge to close\n\n(Harbour Ledger) — {LEAD}\n")
    assert zone_texts(result, "dateline") == ["(Harbour Ledger) —"]
    assert zone_texts(result, "body") == [LEAD]
    assert result.outlet == "Harbour Ledger"
    assert_zones_well_formed(result)


def test_the_headline_among_kicker_and_standfirst_is_the_one_matching_the_lead() -> None:
    raw = (
        "Ferry service to run through the night\n\n"
        "Council votes to close old harbour bridge for repairs\n\n"
        "Mayor points to ‘cracks’ found by divers, as traders fear months of detours\n\n"
        f"{LEAD}\n"
    )
    result = article_clean(raw)
    assert result.title == "Council votes to close old harbour bridge for repairs"


def test_a_staff_line_gives_byline_and_outlet() -> None:
    raw = f"Bridge to close\n\nAnn Lee is The Harbour Ledger's transport reporter\n\n{LEAD}\n"
    result = article_clean(raw)
    assert result.byline == "Ann Lee"
    assert result.outlet == "The Harbour Ledger"


def test_contributor_lines_are_byline_zones() -> None:
    result = article_clean(f"Bridge to close\n\n{LEAD}\n\nTom Ray contributed to this report.\n")
    assert zone_texts(result, "byline") == ["Tom Ray contributed to this report."]


@pytest.mark.parametrize(
    ("sentence", "outlet"),
    [
        ("Two officials told Axios the plan was ready.", "Axios"),
        ("A source confirmed to Al Mayadeen that talks ended.", "Al Mayadeen"),
        ("An official told The Times of Israel it was over.", "The Times of Israel"),
        ("An official told The Harbour Ledger it was over.", "The Harbour Ledger"),
        ("CNN has learned that the council will meet again.", "CNN"),
    ],
)
def test_a_source_speaking_to_an_outlet_names_the_outlet(sentence: str, outlet: str) -> None:
    assert article_clean(f"Bridge to close\n\n{LEAD}\n{sentence}\n").outlet == outlet


def test_an_outlet_whose_reporting_is_cited_is_not_the_outlet() -> None:
    raw = (
        "Bridge to close: Axios\n\nAxios reported that the bridge will close, according to "
        "Axios sources in the council who spoke on condition of anonymity.\n"
        "A council source confirmed to Al Mayadeen that the vote was unanimous on Tuesday.\n"
    )
    result = article_clean(raw)
    assert result.outlet == "Al Mayadeen"
    assert result.cited_outlets == ["Axios"]


def test_metadata_outlet_and_url_domain_win_over_the_text() -> None:
    text = f"Bridge to close\n\n{LEAD}\nTwo officials told Axios the plan was ready.\n"
    assert article_clean(text, outlet="The Harbour Ledger").outlet == "The Harbour Ledger"
    by_url = article_clean(text, url="https://www.nytimes.com/2031/03/02/bridge.html")
    assert by_url.outlet == "The New York Times"
    assert by_url.outlet_domain == "nytimes.com"
    unknown = article_clean(f"Bridge to close\n\n{LEAD}\n", url="https://ledger.example/a")
    assert unknown.outlet == "ledger.example"


def test_metadata_title_wins_and_marks_the_matching_line() -> None:
    result = article_clean(f"Bridge  to close\n\n{LEAD}\n", title="Bridge to close")
    assert result.title == "Bridge to close"
    assert zone_texts(result, "headline") == ["Bridge  to close"]


def test_no_outlet_when_the_text_gives_no_cue() -> None:
    assert article_clean(f"Bridge to close\n\n{LEAD}\n").outlet is None


def test_a_text_with_only_body_has_no_title() -> None:
    result = article_clean(LEAD)
    assert result.title == ""
    assert zone_texts(result, "body") == [LEAD]
