"""A project's guidelines: Markdown written by its managers, shown to everyone as HTML.

The text is rendered by markdown-it-py (CommonMark, raw HTML off: a ``<script>`` typed into
the guidelines comes out as text) and the HTML is then sanitised by nh3 (Rust's ammonia),
which keeps only harmless tags and attributes and drops ``javascript:`` links, event
handlers and styles. Two layers, so a bug in one is not a hole. Pure: no ORM, no DRF.
"""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table").enable("strikethrough")

# The tags Markdown produces, and nothing else.
_TAGS = {
    "a", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "img", "li", "ol", "p", "pre", "s", "strong", "table", "tbody", "td", "th", "thead", "tr",
    "ul",
}  # fmt: skip
_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
    "th": {"align"},
    "td": {"align"},
}


def guidelines_html(markdown_text: str) -> str:
    """The guidelines as sanitised HTML ('' for no guidelines)."""
    if not markdown_text.strip():
        return ""
    html = _MARKDOWN.render(markdown_text)
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
