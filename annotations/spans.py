"""Pure offset logic: validation, fragments, overlap, UTF-16 <-> code points.

Offsets are Unicode code points (Python ``str`` indices), half-open ``[start, end)``, over the
stored, normalised document text. A discontinuous span is a sorted list of non-touching
fragments; its ``text`` is the fragments' texts joined by ``FRAGMENT_JOINER``.
"""

from __future__ import annotations

import operator
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

FRAGMENT_JOINER = " "

Fragment = tuple[int, int]


class OffsetError(ValueError):
    """An offset problem, with the field it concerns."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class CheckedSpan:
    start: int
    end: int
    fragments: list[Fragment] | None
    text: str


def normalise_fragments(
    start: int | None, end: int | None, fragments: Sequence[Sequence[int]] | None
) -> list[Fragment]:
    """The span's pieces, sorted; a plain span is one piece."""
    if fragments:
        pieces = []
        for i, frag in enumerate(fragments):
            if not isinstance(frag, list | tuple) or len(frag) != 2:
                raise OffsetError(f"fragments[{i}]", "each fragment is [start, end]")
            a, b = frag
            if not all(isinstance(x, int) and not isinstance(x, bool) for x in (a, b)):
                raise OffsetError(f"fragments[{i}]", "fragment offsets must be integers")
            pieces.append((a, b))
        return sorted(pieces)
    if start is None or end is None:
        raise OffsetError("start", "start and end are required")
    return [(start, end)]


def check_span(
    document_text: str,
    start: int | None,
    end: int | None,
    text: str,
    fragments: Sequence[Sequence[int]] | None = None,
) -> CheckedSpan:
    """Validate a span against the document text; return it in canonical form.

    Raises ``OffsetError`` naming the field when offsets fall outside the text, are empty,
    overlap or touch (fragments), or when ``text`` does not equal what the offsets select.
    """
    pieces = normalise_fragments(start, end, fragments)
    length = len(document_text)
    for i, (a, b) in enumerate(pieces):
        field = "start" if len(pieces) == 1 else f"fragments[{i}]"
        if a < 0:
            raise OffsetError(field, f"offset {a} is negative")
        if b > length:
            raise OffsetError(field, f"offset {b} is past the end of the text ({length})")
        if b <= a:
            raise OffsetError(field, f"empty or reversed range [{a}, {b})")
    for i in range(1, len(pieces)):
        if pieces[i][0] <= pieces[i - 1][1]:
            raise OffsetError(
                f"fragments[{i}]", "fragments must not overlap or touch; merge them instead"
            )
    outer = (pieces[0][0], pieces[-1][1])
    if fragments and start is not None and end is not None and (start, end) != outer:
        raise OffsetError("start", "start/end must be the outer bounds of the fragments")
    expected = FRAGMENT_JOINER.join(document_text[a:b] for a, b in pieces)
    if text != expected:
        raise OffsetError(
            "text",
            f"text does not match the document at these offsets: expected {expected!r}",
        )
    return CheckedSpan(
        start=pieces[0][0],
        end=pieces[-1][1],
        fragments=[list(p) for p in pieces] if len(pieces) > 1 else None,  # type: ignore[misc]
        text=expected,
    )


def overlaps(a: Fragment, b: Fragment) -> bool:
    """Two half-open ranges share at least one code point."""
    return a[0] < b[1] and b[0] < a[1]


def utf16_index_to_codepoint(text: str, index: int) -> int:
    """The code-point index of a UTF-16 code-unit index (must fall on a character boundary)."""
    if index < 0:
        raise ValueError(f"UTF-16 index {index} is negative")
    units = 0
    for i, ch in enumerate(text):
        if units == index:
            return i
        if units > index:
            raise ValueError(f"UTF-16 index {index} falls inside a surrogate pair")
        units += 2 if ord(ch) > 0xFFFF else 1
    if units == index:
        return len(text)
    raise ValueError(f"UTF-16 index {index} is past the end of the text")


def codepoint_to_utf16_index(text: str, index: int) -> int:
    """The UTF-16 code-unit index of a code-point index."""
    if index < 0 or index > len(text):
        raise ValueError(f"code-point index {index} is outside the text")
    prefix = text[:index]
    return index + sum(1 for ch in prefix if ord(ch) > 0xFFFF)


# --- Many offsets over one text -------------------------------------------------------------
# Added for the Label Studio format, which converts every region of a document: the two
# functions above walk the text on each call; this does the same conversions in O(log k)
# each after one pass (k: characters outside the BMP), with the same results and errors, but
# for an index inside the text's last character when that is a surrogate pair: reported as
# inside the pair (``utf16_index_to_codepoint`` says past the end).

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Offsets:
    """UTF-16 <-> code-point conversion for many offsets over one text."""

    def __init__(self, text: str):
        self.length = len(text)
        # Code-point positions of the characters that take two UTF-16 units, and where each
        # of them starts in UTF-16 units.
        self.astral = [m.start() for m in _ASTRAL.finditer(text)]
        self.astral_units = [p + k for k, p in enumerate(self.astral)]
        self.units = self.length + len(self.astral)

    def to_codepoint(self, index: int) -> int:
        """As ``utf16_index_to_codepoint``: the index must fall on a character boundary."""
        index = operator.index(index)
        if index < 0:
            raise ValueError(f"UTF-16 index {index} is negative")
        if index > self.units:
            raise ValueError(f"UTF-16 index {index} is past the end of the text")
        before = bisect_left(self.astral_units, index)  # pairs starting before the index
        if before and self.astral_units[before - 1] + 1 == index:
            raise ValueError(f"UTF-16 index {index} falls inside a surrogate pair")
        return index - before

    def to_utf16(self, index: int) -> int:
        """As ``codepoint_to_utf16_index``."""
        index = operator.index(index)
        if index < 0 or index > self.length:
            raise ValueError(f"code-point index {index} is outside the text")
        return index + bisect_left(self.astral, index)
