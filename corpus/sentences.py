"""Sentences of an article's text (pure; no ORM), as code-point ranges over the stored text.

A sentence ends at a line break (each line of a cleaned article is a paragraph, a headline,
a caption or a bullet) or after ``.``, ``!``, ``?`` or ``…`` (maybe followed by a closing
quote or bracket) when white space follows. A full stop after a single capital letter or a
title (``U.S.``, ``Mr.``, ``Dr.``, ``Mar.``, ...) does not end one: the same rule the
attribution suggester (``annotations/suggesters/attribution.py``) applies around one cue,
here over the whole text (``corpus`` does not import ``annotations``).

Each range is trimmed: no white space or bullet (``•``, ``-``, ``*``) at either end; empty
ones are left out. ``text[start:end]`` is the sentence.
"""

from __future__ import annotations

import re

Range = tuple[int, int]

_END_RE = re.compile(r"[.!?…]+[”’\"')\]]*(?=\s)|\n")
# Words whose full stop is an abbreviation's, not a sentence end (case-sensitive).
_ABBREVIATION_RE = re.compile(
    r"(?:\b[A-Z]|\b(?:U\.S|U\.N|U\.K|Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Col|Lt|Prof|No|vs"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Ltd|Jr|Sr))$"
)
_LEAD = " \t\r\f\v\u00a0•*-–—"
_TRAIL = " \t\r\f\v\u00a0"


def sentence_ranges(text: str) -> list[Range]:
    """The text's sentences, in order, as ``(start, end)`` code-point offsets."""
    ranges: list[Range] = []
    start = 0
    for m in _END_RE.finditer(text):
        if m.group() != "\n" and _is_abbreviation(text, start, m.start()):
            continue
        end = m.start() if m.group() == "\n" else m.end()
        _keep(text, start, end, ranges)
        start = m.end()
    _keep(text, start, len(text), ranges)
    return ranges


def _is_abbreviation(text: str, start: int, at: int) -> bool:
    return text[at] == "." and bool(_ABBREVIATION_RE.search(text, max(start, at - 5), at))


def _keep(text: str, start: int, end: int, ranges: list[Range]) -> None:
    while start < end and text[start] in _LEAD:
        start += 1
    while end > start and text[end - 1] in _TRAIL:
        end -= 1
    if start < end:
        ranges.append((start, end))
