"""Photo captions and credits.

Decision: captions are **kept once and marked** as ``caption`` zones, because a caption can
carry information an annotator may want to see; the copies a page repeats (the same caption
twice, or a shorter version next to the credited one) are **removed** as
``caption_duplicate``, keeping the last copy (usually the one with the credit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from corpus.cleaning.lines import BODY, CAPTION, Line
from corpus.cleaning.result import Removal

# "... on October 15, 2023. (Kobi Gideon/GPO)", "(AP Photo/Hatem Ali, File)"
_CREDIT_PAREN_RE = re.compile(r"\([A-Z][^()/\n]{0,60}/\s?[A-Z][^()\n]{0,60}\)$")
# "(Photo: Reuters)", "(Getty Images)"
_CREDIT_LABEL_PAREN_RE = re.compile(
    r"\((?:(?:Photo|Image|Picture|Credit)s?:\s?[^()\n]{1,80}"
    r"|[^()\n]{0,60}\b(?:Getty Images|Shutterstock|AP Photo|AFP|EPA|Flash90|GPO)\b[^()\n]{0,40})\)$"
)
# "... in Tel Aviv, Israel. Photo: Amir Levy/Getty Images"
_CREDIT_TAIL_RE = re.compile(
    r"(?:^|\s)(?:Photo(?:graph)?|Image|Picture|Credit|Photo credit)s?:\s*[A-Z][^.!?\n]{0,80}$"
)
_CREDIT_TAIL_WORD_RE = re.compile("Photo|Image|Picture|Credit")  # in every tail credit
# "File: ...", "File – ...", "Illustrative: ..."
_CAPTION_PREFIX_RE = re.compile(
    r"^(?:File(?: photo)?|Illustrative(?: image| photo)?)\s*(?::|–|—|-)\s", re.IGNORECASE
)
_CAPTION_PREFIX_FIRST = "FfIi\u0130\u0131"  # what the prefix can start with, ignoring case
# A credit on its own line: "Ohad Zwigenberg/AP", "Photo: Jo Smith/Reuters", "AFP via Getty Images"
_CREDIT_ONLY_RE = re.compile(
    r"^(?:(?:Photo|Image|Credit)s?:\s*)?"
    r"(?:[A-Z][\w.'’ -]{0,50}/\s?[A-Z][\w.&'’ -]{0,40}"
    r"|(?:[A-Z][\w.'’ -]{0,50} )?(?:via |for )?Getty Images)$"
)
_CREDIT_ONLY_MAX_WORDS = 8
_DUPLICATE_WINDOW = 3  # content lines looked at on each side of a caption
_NEAR_DUPLICATE_RATIO = 0.7  # word-level similarity above which two captions are one
_NEAR_DUPLICATE_MIN_CHARS = 30
_TAIL_CHARS = 120  # a credit at the end of a line is shorter than this


def is_credit_only(text: str) -> bool:
    return (
        ("/" in text or "Getty" in text)
        and len(text.split()) <= _CREDIT_ONLY_MAX_WORDS
        and _CREDIT_ONLY_RE.match(text) is not None
    )


def has_caption_marker(text: str) -> bool:
    """A credit at the end of the line, or a "File:" prefix."""
    if text.endswith(")") and (
        _CREDIT_PAREN_RE.search(text) or _CREDIT_LABEL_PAREN_RE.search(text)
    ):
        return True
    tail = text[-_TAIL_CHARS:]
    if ":" in tail and _CREDIT_TAIL_WORD_RE.search(tail) and _CREDIT_TAIL_RE.search(tail):
        return True
    return text[:1] in _CAPTION_PREFIX_FIRST and _CAPTION_PREFIX_RE.match(text) is not None


def _credit_free(text: str) -> bool:
    """No credit or prefix pattern can apply: ``caption_without_credit`` only folds the
    case and the spaces, and keeps the number of words."""
    return not (
        text.endswith(")")
        or (":" in text and _CREDIT_TAIL_WORD_RE.search(text) is not None)
        or text[:1] in _CAPTION_PREFIX_FIRST
    )


def caption_without_credit(text: str) -> str:
    """The caption's words, case-folded, without credits or a "File:" prefix. Each pattern
    is tried only when the character it needs is there (most lines are plain paragraphs)."""
    if text.endswith(")"):
        text = _CREDIT_PAREN_RE.sub("", text)
        if text.endswith(")"):
            text = _CREDIT_LABEL_PAREN_RE.sub("", text)
    if ":" in text and _CREDIT_TAIL_WORD_RE.search(text):
        text = _CREDIT_TAIL_RE.sub("", text)
    if text[:1] in _CAPTION_PREFIX_FIRST:
        text = _CAPTION_PREFIX_RE.sub("", text)
    return " ".join(text.split()).casefold()


@dataclass(frozen=True, slots=True)
class _Folded:
    """A line as captions are compared: ``caption_without_credit`` and its words."""

    text: str
    words: list[str]


def _fold(text: str) -> _Folded:
    folded = caption_without_credit(text)
    return _Folded(folded, folded.split())


def captions_same(a: str, b: str) -> bool:
    """The same caption: equal, or equal without credits, or (30+ characters) at least 70%
    of its words in the same order."""
    return a == b or _folded_same(a, b, _fold(a), _fold(b))


def _folded_same(a: str, b: str, fa: _Folded, fb: _Folded) -> bool:
    if fa.text == fb.text:
        return bool(fa.text) or a.casefold() == b.casefold()
    if min(len(fa.text), len(fb.text)) < _NEAR_DUPLICATE_MIN_CHARS:
        return False
    # The ratio is 2 * matches / (na + nb). Two bounds on the matches reject most pairs
    # before any matching is done: the shorter length (a caption beside a long paragraph),
    # and the words of each side found anywhere in the other (unrelated lines).
    na, nb = len(fa.words), len(fb.words)
    if 2.0 * min(na, nb) / (na + nb) < _NEAR_DUPLICATE_RATIO:
        return False
    in_b, in_a = set(fb.words), set(fa.words)
    shared = min(sum(map(in_b.__contains__, fa.words)), sum(map(in_a.__contains__, fb.words)))
    if 2.0 * shared / (na + nb) < _NEAR_DUPLICATE_RATIO:
        return False
    # The matcher's matches include its longest block of words in a row, so a pair whose
    # common start or end alone reaches the ratio (a caption and its shorter copy, most
    # pairs that get here) is one without running it.
    if 2.0 * _common_ends(fa.words, fb.words) / (na + nb) >= _NEAR_DUPLICATE_RATIO:
        return True
    matcher = SequenceMatcher(None, fa.words, fb.words, autojunk=False)
    return matcher.ratio() >= _NEAR_DUPLICATE_RATIO


def _common_ends(a: list[str], b: list[str]) -> int:
    """The longer of the two lists' common start and common end, in words."""
    n = min(len(a), len(b))
    start = 0
    while start < n and a[start] == b[start]:
        start += 1
    end = 0
    while end < n and a[-1 - end] == b[-1 - end]:
        end += 1
    return max(start, end)


def captions_mark(lines: list[Line], removed: list[Removal]) -> None:
    """Mark caption lines (kind ``caption``) and remove repeated copies of a caption."""
    content: list[int] = []  # the lines not blank and not removed
    credits = captions = False
    for index, line in enumerate(lines):
        text = line.text
        if not text or line.removed is not None:
            continue
        content.append(index)
        if is_credit_only(text):
            line.kind, line.credit_only, credits = CAPTION, True, True
        elif has_caption_marker(text):
            line.kind, captions = CAPTION, True
    if credits:
        _credit_neighbours_mark(lines)
    if credits or captions:
        _duplicates_remove(lines, content, removed)


def _credit_neighbours_mark(lines: list[Line]) -> None:
    """A credit on its own line captions the line right below it ("Jo Smith/AP" then the
    caption), or else the line right above it (the caption then "Jo Smith/AP")."""
    for index, line in enumerate(lines):
        if not (line.credit_only and line.content):
            continue
        below = lines[index + 1] if index + 1 < len(lines) else None
        above = lines[index - 1] if index > 0 else None
        if below is not None and below.content:
            if below.kind == BODY:
                below.kind = CAPTION
        elif above is not None and above.content and above.kind == BODY:
            above.kind = CAPTION


def _duplicates_remove(lines: list[Line], content: list[int], removed: list[Removal]) -> None:
    folded: dict[str, _Folded] = {}  # by line text: each line is folded once
    counts: dict[str, int] = {}  # the words of each line once folded

    def fold(text: str) -> _Folded:
        return folded.get(text) or folded.setdefault(text, _fold(text))

    def word_count(text: str) -> int:
        count = counts.get(text)
        if count is None:
            words = text.split() if _credit_free(text) else fold(text).words
            count = counts[text] = len(words)
        return count

    def same(a: str, b: str) -> bool:
        """``captions_same``, with the length bound of ``_folded_same`` tried first on word
        counts: a long paragraph is rejected without being folded."""
        if a == b:
            return True
        na, nb = word_count(a), word_count(b)
        if na + nb and 2.0 * min(na, nb) / (na + nb) < _NEAR_DUPLICATE_RATIO:
            return False
        return _folded_same(a, b, fold(a), fold(b))

    for position, index in enumerate(content):
        line = lines[index]
        if line.kind != CAPTION or line.removed is not None:
            continue
        window = content[max(0, position - _DUPLICATE_WINDOW) : position + _DUPLICATE_WINDOW + 1]
        for other_index in window:
            other = lines[other_index]
            if other_index == index or other.removed is not None:
                continue
            if other.kind not in (BODY, CAPTION) or not same(line.text, other.text):
                continue
            other.kind = CAPTION
            earlier = lines[min(index, other_index)]
            earlier.removed = "caption_duplicate"
            removed.append(Removal(earlier.no, "caption_duplicate", earlier.raw))
            if earlier is line:
                break
