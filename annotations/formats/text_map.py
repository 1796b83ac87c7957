"""Pure: a text normalised as the corpus stores it (NFC, ``\\n`` line endings), with the map
that moves offsets from the original text onto it.

``normalised(text)`` returns ``(stored_text, offsets)``. ``offsets.map_span(start, end)`` gives
the span's offsets in the stored text, or raises ``ValueError`` when a boundary falls inside a
sequence that became one character (between ``\\r`` and ``\\n``; between a letter and the
combining mark NFC composed with it): such an offset has no place in the stored text.

Most texts are already stored-form: then ``offsets.identity`` is true, no per-character work
is done, and the original string itself is returned.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field


@dataclass
class OffsetMap:
    identity: bool = True
    positions: list[int] = field(default_factory=list)  # original offset -> stored offset
    inside: set[int] = field(default_factory=set)  # offsets with no exact place

    def map(self, offset: int) -> int:
        if self.identity:
            return offset
        if offset < 0 or offset >= len(self.positions):
            raise ValueError(f"offset {offset} is outside the text")
        if offset in self.inside:
            raise ValueError(
                f"offset {offset} falls inside a sequence that the stored text keeps as one "
                "character (\\r\\n, or a letter and its combining mark)"
            )
        return self.positions[offset]

    def map_span(self, start: int, end: int) -> tuple[int, int]:
        return self.map(start), self.map(end)


def _newlines(text: str) -> tuple[str, list[int], set[int]]:
    out: list[str] = []
    positions: list[int] = []
    inside: set[int] = set()
    at = 0
    i = 0
    while i < len(text):
        ch = text[i]
        positions.append(at)
        if ch == "\r":
            out.append("\n")
            if i + 1 < len(text) and text[i + 1] == "\n":
                positions.append(at + 1)
                inside.add(i + 1)
                i += 1
        else:
            out.append(ch)
        at += 1
        i += 1
    positions.append(at)
    return "".join(out), positions, inside


def _compose(text: str) -> tuple[str, list[int], set[int]]:
    """NFC piece by piece: a piece is a character of combining class 0 and the marks after
    it. Offsets between pieces map exactly; inside a piece NFC changed, they do not."""
    out: list[str] = []
    positions: list[int] = [0] * (len(text) + 1)
    inside: set[int] = set()
    at = 0
    start = 0
    for end in range(1, len(text) + 1):
        if end < len(text) and unicodedata.combining(text[end]):
            continue
        piece = text[start:end]
        stored = unicodedata.normalize("NFC", piece)
        for k in range(start, end):
            positions[k] = at + (k - start) if stored == piece else at
            if k > start and stored != piece:
                inside.add(k)
        out.append(stored)
        at += len(stored)
        start = end
    positions[len(text)] = at
    result = "".join(out)
    if result != unicodedata.normalize("NFC", text):
        raise ValueError(
            "the text is not in Unicode NFC and cannot be normalised piece by piece; "
            "normalise it (NFC) before importing"
        )
    return result, positions, inside


def normalised(text: str) -> tuple[str, OffsetMap]:
    """The text as stored (NFC, ``\\n``) and the map of original offsets onto it."""
    if "\r" not in text and unicodedata.is_normalized("NFC", text):
        return text, OffsetMap()
    first, positions, inside = _newlines(text)
    if unicodedata.is_normalized("NFC", first):
        return first, OffsetMap(identity=False, positions=positions, inside=inside)
    second, positions2, inside2 = _compose(first)
    combined = [positions2[p] for p in positions]
    blocked = inside | {i for i, p in enumerate(positions) if p in inside2}
    return second, OffsetMap(identity=False, positions=combined, inside=blocked)
