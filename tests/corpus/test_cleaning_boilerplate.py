"""Boilerplate lines are removed whole, each removal audited; article sentences never are."""

from __future__ import annotations

import pytest

from corpus.cleaning import Removal, article_clean
from tests.corpus.sample_articles import LEAD

SECOND = "“The bridge is not safe,” the mayor told reporters after the vote, adding nothing else."


def cleaned(*lines: str) -> tuple[str, list[Removal]]:
    result = article_clean("\n".join(["Harbour bridge to close for repairs", "", LEAD, *lines]))
    return result.text, result.removed


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Skip to Content", "navigation"),
        ("Skip to main content", "navigation"),
        ("Leave a Comment", "comments"),
        ("Jump to comments ↓", "comments"),
        ("BE PART OF THE CONVERSATION", "comments"),
        ("Most Popular", "related_heading"),
        ("read more:", "related_heading"),
        ("Go deeper", "related_heading"),
        ("Read more: Bridge inspectors find new cracks", "read_more_link"),
        ("Read more: Any talks will not continue: Mayor to The Ledger", "read_more_link"),
        (
            "Harbour News 8 is committed to providing a forum for civil and constructive "
            "conversation.",
            "comment_policy",
        ),
        (
            "Please keep your comments respectful and relevant. You can review our Community "
            "Guidelines by clicking here",
            "comment_policy",
        ),
        ("If you would like to share a story idea, please submit it here.", "comment_policy"),
        ("™ & © 2031 Harbour Ledger, Inc. All rights reserved.", "copyright"),
        ("Copyright 2031 The Ledger", "copyright"),
        ("The-CNN-Wire", "syndication"),
        ("Article Topic Follows: Ledger - World", "syndication"),
        ("Author Profile Photo", "author_photo"),
        ("Sign up for our daily newsletter to get the news first", "promotion"),
    ],
)
def test_boilerplate_line_is_removed_and_audited(line: str, rule: str) -> None:
    text, removed = cleaned(line, SECOND)
    assert line not in text
    assert SECOND in text
    assert Removal(4, rule, line) in removed


def test_removal_reports_the_line_number_of_the_input_with_crlf() -> None:
    raw = "Harbour bridge to close\r\n\r\n" + LEAD + "\r\nRead more: Other story\r\n" + SECOND
    result = article_clean(raw)
    assert result.removed == [Removal(4, "read_more_link", "Read more: Other story")]


def test_a_sentence_that_mentions_read_more_or_comments_is_kept() -> None:
    sentences = [
        "Residents can read more about the closure on the council website, officials said.",
        "Comments from the public will be collected until Friday, the mayor said.",
        "Copyright lawyers for the city said the plans belonged to the council.",
    ]
    text, removed = cleaned(*sentences)
    for sentence in sentences:
        assert sentence in text
    assert removed == []


def test_a_short_line_after_an_author_photo_is_the_author_card() -> None:
    text, removed = cleaned(SECOND, "", "Author Profile Photo", "", "Ledger Newsdesk", "")
    assert "Ledger Newsdesk" not in text
    assert [r.rule for r in removed] == ["author_photo", "author_card"]


def test_removing_a_line_between_paragraphs_leaves_one_blank_line() -> None:
    text, _ = cleaned("", "Read more: Other story", "", SECOND)
    assert text.endswith(f"{LEAD}\n\n{SECOND}")


def test_html_tag_remnants_are_stripped_and_audited() -> None:
    text, removed = cleaned("<b>Bridge</b> repairs start on <i>Monday</i>, the council said.")
    assert "Bridge repairs start on Monday, the council said." in text
    assert "<" not in text
    assert removed == [Removal(4, "html_tags", "<b> </b> <i> </i>")]
