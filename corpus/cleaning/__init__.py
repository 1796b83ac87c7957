"""Pure text cleaning for imported news articles (no ORM, no DRF).

``article_clean(raw, enabled=True, title=None, outlet=None, url=None) -> CleanResult``
normalises the text (NFC, ``\\n``), removes page boilerplate (every removal reported with its
input line and rule), marks captions, and finds the headline, dateline, byline and outlet.
docs/cleaning.md describes every rule.
"""

from __future__ import annotations

from corpus.cleaning.boilerplate import LINE_RULES
from corpus.cleaning.normalise import collapse_whitespace, normalise_text
from corpus.cleaning.pipeline import article_clean
from corpus.cleaning.result import CleanResult, OutletCue, Removal, Zone

__all__ = [
    "LINE_RULES",
    "CleanResult",
    "OutletCue",
    "Removal",
    "Zone",
    "article_clean",
    "collapse_whitespace",
    "normalise_text",
]
