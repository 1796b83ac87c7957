"""Query parameters that narrow document lists, parsed once for every list that takes them."""

from __future__ import annotations

from typing import Any

from config.api import query_int
from corpus.selectors import DocumentFilters


def document_filters(params: Any) -> DocumentFilters:
    """``story`` (an id; not a whole number is a 400), ``outlet`` (a name), ``q`` (full text)."""
    return DocumentFilters(
        story=query_int(params, "story"),
        outlet=params.get("outlet") or None,
        q=params.get("q") or None,
    )
