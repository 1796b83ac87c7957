"""HTML tag remnants in scraped text, such as ``<i>Jo Smith/AP</i><br/>A caption``."""

from __future__ import annotations

import html
import re

from corpus.cleaning.lines import Line
from corpus.cleaning.result import Removal

_TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_BREAK_RE = re.compile(r"<br\s*/?>|</?p(?:\s[^<>]*)?>", re.IGNORECASE)
_LOOKAHEAD_LINES = 4


def _has_tags(text: str) -> bool:
    return "<" in text and ">" in text and _TAG_RE.search(text) is not None


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def markup_strip(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """Lines holding HTML tags: a line whose text (tags stripped, split at ``<br>``) is
    repeated by the lines that follow is removed whole (``html_duplicate``); otherwise the
    tags are removed (``html_tags``), entities decoded, and ``<br>`` splits it into lines
    that keep the input line number."""
    out: list[Line] = []
    for index, line in enumerate(lines):
        if not _has_tags(line.text):
            out.append(line)
            continue
        parts = [
            html.unescape(_TAG_RE.sub("", part)).strip() for part in _BREAK_RE.split(line.text)
        ]
        parts = [part for part in parts if part]
        following = {
            _fold(other.text) for other in lines[index + 1 :][: _LOOKAHEAD_LINES * 2] if other.text
        }
        if parts and all(_fold(part) in following for part in parts):
            line.removed = "html_duplicate"
            removed.append(Removal(line.no, "html_duplicate", line.raw))
            out.append(line)
            continue
        tags = " ".join(_TAG_RE.findall(line.text))
        removed.append(Removal(line.no, "html_tags", tags))
        if not parts:
            line.removed = "html_tags"
            out.append(line)
            continue
        out.extend(Line(no=line.no, raw=part, text=part) for part in parts)
    return out
