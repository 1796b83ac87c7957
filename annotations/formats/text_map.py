"""Pure: a text normalised as the corpus stores it (NFC, ``\\n`` line endings), with the map
that moves offsets (code points) from the original text onto the stored one.

``normalised(text)`` returns ``(stored, offsets)``. ``offsets.map(o)`` (or ``offsets(o)``)
gives where original offset ``o`` (``0 <= o <= len(text)``) lands in ``stored``;
``offsets.map_span(start, end)`` does both ends of a span. An offset that falls *inside* a
sequence the stored text merged into one piece has no exact place there: between ``\\r`` and
``\\n`` (the pair becomes one ``\\n``), or between a letter and a mark NFC composed with it
(``e`` + U+0301 becomes ``é``). Such an offset raises ``ValueError`` with a message naming
it; nothing is guessed. ``offsets.inside(o)`` asks without raising.

Most texts are already in stored form: then the original string itself is returned, with
``offsets.identity`` true, and the check costs two C-level scans (no per-character Python).

How NFC is followed. The text (after line endings) is cut into *segments*: a segment starts at
a character before which normalisation can never reach back, i.e. one of canonical
combining class 0 that is not the second half of any canonical composition (Hangul vowel and
final jamo are; so are a few Indic vowel signs such as U+09BE) and whose own decomposition
starts with such a character. Everything else (combining marks, those second halves) stays in
the segment of the character before it. NFC of the whole text is then NFC of each segment,
joined. The stored text is ``unicodedata.normalize`` of the whole (one pass in C), and each
changed segment's NFC and the unchanged text between segments are checked to stand where
the map puts them; a mismatch (which would mean the Unicode tables changed under us) raises
``ValueError`` rather than mapping offsets wrongly. Segments are looked for only in the parts
of the text (about 65,000 code points, ending before an ASCII character) not in NFC on their
own. The map keeps three integers per changed segment (arrays, 24 bytes each) and nothing
per unchanged character: time is linear in the text, memory in the changes (a 20 MB text
with 2.5 million decomposed letters: 6 s and 0.4 GB, see ``bench/bench_long_document.py``;
1.6 GB before). A segment NFC leaves as it is keeps every offset; one it changes (composed,
reordered, or lengthened: U+0958 becomes two code points) maps its two ends, and the offsets
strictly inside it are the ones with no place. For any span whose ends map, the stored text
between the mapped ends is the NFC (with ``\\n`` line endings) of the original span's text.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Iterator

# Hangul vowel (V) and trailing consonant (T) jamo compose with what precedes them
# algorithmically: the Unicode data lists no decomposition for Hangul syllables.
_HANGUL_SECOND = (*range(0x1161, 0x1176), *range(0x11A8, 0x11C3))
# Planes 4 to 13 are unassigned and private use has no properties: not worth scanning.
_SCAN = (range(0, 0xD800), range(0xF900, 0x40000), range(0xE0000, 0xF0000))


def _class(code_points: list[int]) -> str:
    """A regex character class body for a sorted list of code points."""
    parts: list[str] = []
    i = 0
    while i < len(code_points):
        j = i
        while j + 1 < len(code_points) and code_points[j + 1] == code_points[j] + 1:
            j += 1
        first, last = code_points[i], code_points[j]
        parts.append(f"\\U{first:08x}" if first == last else f"\\U{first:08x}-\\U{last:08x}")
        i = j + 1
    return "".join(parts)


@functools.cache
def _segments_re() -> re.Pattern[str]:
    """Finds where NFC might change the text: runs of characters that join the character
    before them (group ``joins``), and characters NFC replaces (U+212B ANGSTROM SIGN, ...).

    Computed once, when the first text that is not in NFC comes along (about 0.1 s)."""
    seconds = set(_HANGUL_SECOND)
    decomposable: list[str] = []
    joining: set[int] = set()
    for block in _SCAN:
        for cp in block:
            char = chr(cp)
            if unicodedata.combining(char):
                joining.add(cp)
            decomposition = unicodedata.decomposition(char)
            if not decomposition or decomposition.startswith("<"):
                continue  # no canonical decomposition (compatibility ones NFC keeps)
            decomposable.append(char)
            pair = decomposition.split()
            if len(pair) == 2 and unicodedata.normalize("NFC", char) == char:
                seconds.add(int(pair[1], 16))  # a primary composite: its second half joins
    joining |= seconds
    replaced: list[int] = []
    for char in decomposable:
        first = unicodedata.normalize("NFD", char)[0]
        if unicodedata.combining(first) or ord(first) in seconds:
            joining.add(ord(char))
        if unicodedata.normalize("NFC", char) != char:
            replaced.append(ord(char))
    joins = _class(sorted(joining))
    return re.compile(f"(?P<joins>[{joins}]+)|[{_class(replaced)}]")


def _describe(char: str) -> str:
    """A character as a reader can tell it apart: 'e', \\r, U+0301 COMBINING ACUTE ACCENT."""
    if char in "\r\n":
        return repr(char)[1:-1]
    if char.isascii() and char.isprintable():
        return repr(char)
    return f"U+{ord(char):04X} {unicodedata.name(char, '')}".rstrip()


class _Edits:
    """Disjoint replacements of ``text[start:end]``, in order: three arrays of integers, 24
    bytes an edit (what was replaced is read again from ``text`` when a message needs it)."""

    __slots__ = ("text", "starts", "ends", "shifts")

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = array("q")
        self.ends = array("q")
        self.shifts = array("q", [0])  # shifts[k]: the length change of the first k edits

    def add(self, start: int, end: int, change: int) -> None:
        self.starts.append(start)
        self.ends.append(end)
        self.shifts.append(self.shifts[-1] + change)

    def note(self, k: int) -> tuple[str, str]:
        """Edit ``k``: what was there and what NFC made of it."""
        old = self.text[self.starts[k] : self.ends[k]]
        return old, unicodedata.normalize("NFC", old)

    def find(self, offset: int) -> tuple[int, int | None]:
        """(the offset moved, or -1) and the index of the edit it falls strictly inside."""
        k = bisect_left(self.starts, offset)  # edits [0, k) start before the offset
        if k and offset < self.ends[k - 1]:
            return -1, k - 1
        return offset + self.shifts[k], None


class OffsetMap:
    """Moves offsets in an original text onto its stored form (see the module docstring)."""

    __slots__ = ("identity", "length", "stored_length", "_lines", "_nfc")

    def __init__(
        self,
        length: int,
        stored_length: int | None = None,
        lines: _Edits | None = None,
        nfc: _Edits | None = None,
    ) -> None:
        self.length = length
        self.stored_length = length if stored_length is None else stored_length
        self._lines = lines
        self._nfc = nfc
        self.identity = lines is None and nfc is None

    def _locate(self, offset: int) -> tuple[int, str | None]:
        if not isinstance(offset, int) or not 0 <= offset <= self.length:
            return -1, f"offset {offset!r} is outside the text (0 to {self.length})"
        moved = offset
        if self._lines is not None:
            moved, inside = self._lines.find(moved)
            if inside is not None:
                return -1, (
                    f"offset {offset} falls between \\r and \\n, which the stored text keeps "
                    "as one line break (\\n)"
                )
        if self._nfc is not None:
            at, inside = self._nfc.find(moved)
            if inside is not None:
                old, new = self._nfc.note(inside)
                cut = moved - self._nfc.starts[inside]
                return -1, (
                    f"offset {offset} falls between {_describe(old[cut - 1])} and "
                    f"{_describe(old[cut])}, which the stored text (Unicode NFC) turns into "
                    f"{new!r} ({' '.join(f'U+{ord(c):04X}' for c in new)})"
                )
            moved = at
        return moved, None

    def inside(self, offset: int) -> bool:
        """True when the offset (in range) falls inside a sequence the stored text merged:
        it has no exact place there, and ``map`` raises."""
        in_range = isinstance(offset, int) and 0 <= offset <= self.length
        return in_range and self._locate(offset)[1] is not None

    def map(self, offset: int) -> int:
        """The offset in the stored text; ``ValueError`` when it has no exact place there."""
        moved, problem = self._locate(offset)
        if problem is not None:
            raise ValueError(problem)
        return moved

    __call__ = map

    def map_span(self, start: int, end: int) -> tuple[int, int]:
        """Both ends of a half-open span moved; ``ValueError`` naming the end that cannot be."""
        return self.map(start), self.map(end)


def _line_endings(text: str) -> tuple[str, _Edits | None]:
    """ "\\r\\n" and lone "\\r" as "\\n"; only the pairs move offsets."""
    if "\r" not in text:
        return text, None
    edits = _Edits(text)
    at = text.find("\r\n")
    while at != -1:
        edits.add(at, at + 2, -1)
        at = text.find("\r\n", at + 2)
    stored = text.replace("\r\n", "\n").replace("\r", "\n")
    return stored, edits if edits.starts else None


_CHUNK = 1 << 16  # code points checked for NFC at a time, about
_ASCII = re.compile("[\x00-\x7f]")


def _chunks(text: str) -> Iterator[tuple[int, int]]:
    """The parts of the text that are not in NFC on their own, as (start, end). Parts of about
    ``_CHUNK`` code points end before an ASCII character, which nothing before it composes
    or reorders with: NFC of the text is NFC of its parts, joined."""
    at = 0
    while at < len(text):
        found = _ASCII.search(text, at + _CHUNK)
        end = found.start() if found else len(text)
        if not unicodedata.is_normalized("NFC", text[at:end]):
            yield at, end
        at = end


def _changeable(text: str) -> Iterator[tuple[int, int]]:
    """The segments NFC might change, as (start, end), in order: a run of joining characters
    with the character before it, or a lone character NFC replaces (looked for only in the
    parts of the text that are not in NFC)."""
    pattern = _segments_re()
    for first, last in _chunks(text):
        pending: tuple[int, int] | None = None
        for match in pattern.finditer(text, first, last):
            start, end = match.span()
            if match.group("joins") is not None and start > first:
                start -= 1  # the character the run joins
                if pending is not None and pending[1] > start:  # it was a replaced one
                    start, pending = pending[0], None
            if pending is not None:
                yield pending
            pending = (start, end)
        if pending is not None:
            yield pending


_RUN = 1 << 20  # code points of the result checked at a time, about


def _composed(text: str) -> tuple[str, _Edits | None]:
    """NFC of the whole text, and the segments it changed (see the module docstring): the
    text rebuilt from the unchanged runs and each changed segment's NFC must be the result,
    or the offsets could not be moved (checked ``_RUN`` code points at a time)."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    result = unicodedata.normalize("NFC", text)
    edits = _Edits(text)
    starts, ends, shifts = edits.starts.append, edits.ends.append, edits.shifts.append
    done = shift = checked = pending = 0  # text done; its shift; result checked; to check
    pieces: list[str] = []
    seen: dict[str, str] = {}  # the same few segments come back (a decomposed language)
    for start, end in _changeable(text):
        segment = text[start:end]
        stored = seen.get(segment)
        if stored is None:
            stored = seen[segment] = unicodedata.normalize("NFC", segment)
        if stored == segment:
            continue
        pieces += (text[done:start], stored)
        pending += start - done + len(stored)
        shift += len(stored) - len(segment)
        starts(start)
        ends(end)
        shifts(shift)
        done = end
        if pending > _RUN:
            checked = _check(result, checked, pieces)
            pending = 0
    pieces.append(text[done:])
    checked = _check(result, checked, pieces)
    if checked != len(result):
        raise _piecewise_error()
    return result, edits if edits.starts else None


def _check(result: str, at: int, pieces: list[str]) -> int:
    """The pieces, joined, stand in ``result`` at ``at``: where the next ones must stand
    (the list is emptied)."""
    joined = "".join(pieces)
    pieces.clear()
    if not result.startswith(joined, at):
        raise _piecewise_error()
    return at + len(joined)


def _piecewise_error() -> ValueError:
    return ValueError(
        "the text cannot be brought to Unicode NFC piece by piece, so offsets into it "
        "cannot be moved; normalise the text (NFC) before importing"
    )


def normalised(text: str) -> tuple[str, OffsetMap]:
    """The text as the corpus stores it (NFC, ``\\n`` line endings) and the map of original
    offsets onto it. Already stored form: the same string object and an identity map."""
    if "\r" not in text and unicodedata.is_normalized("NFC", text):
        return text, OffsetMap(len(text))
    lines_text, lines = _line_endings(text)
    stored, nfc = _composed(lines_text)
    return stored, OffsetMap(len(text), len(stored), lines, nfc)
