"""A ``T`` line's offsets and text column, read as brat writes them.

- *Pieces* are ``start end`` pairs joined by ``;``, in the order the annotator selected them,
  which need not be the order in the text (``954 1048;852 944``). The text column is checked
  against the pieces in that listed order (joined by a space, as brat does); the span keeps
  them sorted.
- Pieces that *touch* (``4107 4154;4154 4193``) are one piece; so are pieces apart only by a
  line break (and spaces): brat cuts a selection across lines into one piece per line, and so
  does our export. Both are joined, with a note. Pieces that *overlap* are an error, as in
  brat.
- The *text column* may run over several ``.ann`` lines: brat writes a span's text as it is,
  line breaks included, so the lines after a ``T`` line can be the rest of its text. They are
  taken when, with the line breaks between them, they are exactly what the offsets select.
  The line breaks may also be written as spaces.
"""

from __future__ import annotations

import re

_DATA_RE = re.compile(r"^(\S+) (\d+ \d+(?:;\d+ \d+)*)$")
_BREAK_RE = re.compile(r"\r\n|\r|\n")

Piece = tuple[int, int]


class BoundError(ValueError):
    """What is wrong with a ``T`` line (the message names the line's id where it helps)."""


def one_line(text: str) -> str:
    """``text`` with each line break written as a space."""
    return _BREAK_RE.sub(" ", text)


def bound_read(data: str) -> tuple[str, list[Piece]]:
    """The label and the pieces (in the order written) of the second column of a ``T`` line."""
    match = _DATA_RE.match(data)
    if not match:
        raise BoundError(f"cannot read {data!r} as 'Label start end' (pieces joined by ';')")
    pieces = [(int(a), int(b)) for a, b in (p.split(" ") for p in match.group(2).split(";"))]
    return match.group(1), pieces


def pieces_check(pieces: list[Piece], length: int) -> None:
    for a, b in pieces:
        if b > length:
            raise BoundError(f"[{a}, {b}) is outside the text ({length} characters)")
        if b <= a:
            raise BoundError(f"[{a}, {b}) is empty or reversed")


def first_line_matches(selected: str, quoted: str) -> bool:
    """Whether a text column could be the start of the text ``selected`` (to tell which way a
    file counts its offsets: see ``text_views``)."""
    return quoted in (selected, one_line(selected), _BREAK_RE.split(selected)[0])


def quoted_lines(selected: str, quoted: str, lines: list[str], after: int) -> int | None:
    """How many lines after its own the text column ``quoted`` takes (0: none), or None when
    it is not the text ``selected``. ``lines[after:]`` are the next lines of the ``.ann``."""
    if quoted in (selected, one_line(selected)):
        return 0
    parts = _BREAK_RE.split(selected)
    more = len(parts) - 1
    if more and parts == [quoted, *lines[after : after + more]]:
        return more
    return None


def pieces_joined(ident: str, text: str, listed: list[Piece]) -> tuple[list[Piece], list[str]]:
    """The pieces sorted, those that touch or are apart only by a line break joined (with a
    note each); pieces that overlap raise ``BoundError``."""
    ordered = sorted(listed)
    joined = [ordered[0]]
    notes: list[str] = []
    for a, b in ordered[1:]:
        start, end = joined[-1]
        if a < end:
            raise BoundError(
                f"{ident}: its pieces {start} {end} and {a} {b} overlap (brat refuses them too)"
            )
        gap = text[end:a]
        if a == end:
            why = "touch"
        elif not gap.strip() and _BREAK_RE.search(gap):
            why = "are apart only by a line break (brat's pieces of a selection across lines)"
        else:
            joined.append((a, b))
            continue
        joined[-1] = (start, b)
        notes.append(f"{ident}: its pieces {start} {end} and {a} {b} {why}: one piece {start} {b}")
    return joined, notes
