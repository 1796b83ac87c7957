"""Page furniture found in the demo corpus: menus, share buttons, audio players, author
photos, "Most Popular" lists; and zones that must not cross a paragraph break."""

from __future__ import annotations

import pytest

from corpus.cleaning import article_clean
from tests.corpus.sample_articles import LEAD

HEADLINE = "Harbour bridge to close for repairs"
SECOND = "“The bridge is not safe,” the mayor told reporters after the vote, adding nothing else."


def clean(*lines: str) -> tuple[str, list[tuple[int, str]]]:
    result = article_clean("\n".join(lines))
    return result.text, [(removal.line, removal.rule) for removal in result.removed]


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Menu  |  News  |  Port & Shipping  |  Opinion  |  Sport  |  Subscribe", "menu"),
        ("Follow us | Contact | Privacy | Cookie settings", "menu"),
        ("Facebook  Twitter  Email", "share_buttons"),
        ("Share: Facebook | WhatsApp | Copy link", "share_buttons"),
        ("Listen to this article · 4 min", "audio_player"),
        ("Listen to this story", "audio_player"),
        ("Author photo: Tobias Wren", "author_photo"),
    ],
)
def test_page_furniture_lines_are_removed_and_audited(line: str, rule: str) -> None:
    text, removed = clean(HEADLINE, "", line, "", LEAD, "", SECOND)
    assert line not in text
    assert removed == [(3, rule)]
    assert LEAD in text and SECOND in text


@pytest.mark.parametrize(
    "line",
    [
        "NATIONAL | LABOUR",  # a two-part section label, not a menu
        "By Grant Holloway, Political Editor | 11 March 2025, 9:10 am | Updated 11:42 am",
        "Listen to the full report on Coastline Drive from 5pm.",
        "Twitter",
        "The mayor said on Facebook that the bridge would reopen.",
    ],
)
def test_lines_that_only_look_like_furniture_stay(line: str) -> None:
    text, removed = clean(HEADLINE, "", line, "", LEAD)
    assert line in text
    assert removed == []


def test_numbered_items_under_most_popular_go_up_to_the_blank_line() -> None:
    items = [
        "1. Ring road closures: what drivers need to know this week",
        "2. Ferry timetable changes for the spring season",
        "3. Porthaven FC sign young striker on three-year deal",
    ]
    text, removed = clean(HEADLINE, "", LEAD, "", "Most Popular", *items, "", SECOND)
    assert removed == [
        (5, "related_heading"),
        (6, "related_list"),
        (7, "related_list"),
        (8, "related_list"),
    ]
    assert text == f"{HEADLINE}\n\n{LEAD}\n\n{SECOND}"


def test_unnumbered_headlines_under_most_popular_go_too_but_prose_stops_the_list() -> None:
    text, removed = clean(
        HEADLINE,
        "",
        LEAD,
        "",
        "Most Popular",
        "Lottery winner, 71, reveals what he bought first",
        "Weather warning: gales to batter the coast this weekend",
        SECOND,
    )
    assert [rule for _, rule in removed] == ["related_heading", "related_list", "related_list"]
    assert SECOND in text and "Lottery" not in text


def test_a_list_item_after_a_blank_line_is_article_text() -> None:
    text, removed = clean(HEADLINE, "", "Most Popular", "", "1. First, the council met", "", LEAD)
    assert removed == [(3, "related_heading")]
    assert "1. First, the council met" in text


def test_the_author_name_after_an_author_photo_with_name_stays_when_it_is_a_bio() -> None:
    bio = "Tobias Wren is the Calder Post’s labour correspondent"
    text, removed = clean(HEADLINE, "", "Author photo: Tobias Wren", bio, "", LEAD)
    assert removed == [(3, "author_photo")]
    assert bio in text


def test_a_dateline_zone_does_not_cross_a_blank_line() -> None:
    result = article_clean(
        "\n".join(
            [
                HEADLINE,
                "",
                "Published March 11, 2025, 6:15 a.m.",
                "",
                "PORTHAVEN (Harbour Ledger) — " + LEAD,
            ]
        )
    )
    datelines = [result.text[z.start : z.end] for z in result.zones if z.kind == "dateline"]
    assert datelines == ["Published March 11, 2025, 6:15 a.m.", "PORTHAVEN (Harbour Ledger) —"]
    for zone in result.zones:
        if zone.kind != "body":
            assert "\n\n" not in result.text[zone.start : zone.end]


def test_the_same_holds_with_cleaning_off() -> None:
    raw = "\n".join([HEADLINE, "", "Published March 11, 2025", "", "PORTHAVEN (AP) — " + LEAD])
    result = article_clean(raw, enabled=False)
    datelines = [result.text[z.start : z.end] for z in result.zones if z.kind == "dateline"]
    assert datelines == ["Published March 11, 2025", "PORTHAVEN (AP) —"]


def test_body_paragraphs_still_form_one_body_zone() -> None:
    result = article_clean("\n".join([HEADLINE, "", LEAD, "", SECOND]))
    bodies = [z for z in result.zones if z.kind == "body"]
    assert len(bodies) == 1
    assert result.text[bodies[0].start : bodies[0].end] == f"{LEAD}\n\n{SECOND}"
