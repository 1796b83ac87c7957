"""Properties of cleaning on generated input: kept lines are never edited, zones fit."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.cleaning import article_clean, normalise_text

LINES = [
    "Skip to Content",
    "Read more: Bridge inspectors find new cracks",
    "Most Popular",
    "Harbour bridge to close for repairs",
    "Mar 2, 2031 - World",
    "By Ann Lee, CNN",
    "Workers inspect the deck. (Jo Smith/AP)",
    "Jo Smith/AP",
    "  “It is not safe,” the mayor said — and left.  ",
    'The council "paused" the vote, officials said on Tuesday after a long and heated debate.',
    "Café owners 👷🏽‍♀️ were angry, the union said, and they promised to keep protesting daily.",
    "Cafe\u0301 prices rose",
    "(CNN) — The council met again on Tuesday and voted on the budget, officials said today.",
    "",
    "   ",
]


@settings(max_examples=150, deadline=None)
@given(
    lines=st.lists(st.sampled_from(LINES), min_size=1, max_size=14),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
    enabled=st.booleans(),
)
def test_cleaning_keeps_lines_verbatim_and_zones_fit(
    lines: list[str], newline: str, enabled: bool
) -> None:
    raw = newline.join(lines)
    result = article_clean(raw, enabled=enabled)
    assert "\r" not in result.text
    assert unicodedata.is_normalized("NFC", result.text)
    normalised = normalise_text(raw).split("\n")
    if enabled:
        kept = {line.strip() for line in normalised}
        for line in result.text.split("\n"):
            assert line == "" or line in kept
        for removal in result.removed:
            assert normalised[removal.line - 1] == removal.text
    else:
        assert result.text == normalise_text(raw)
    previous = 0
    for zone in result.zones:
        assert previous <= zone.start < zone.end <= len(result.text)
        previous = zone.end
