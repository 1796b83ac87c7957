"""What the CoNLL export tags of a layer's spans (``conll.py``): the chunks, none overlapping
another, and why a span is not written as it is (an overlap, fragments, whitespace or a
token split at its edges). Pure.
"""

from __future__ import annotations

from bisect import bisect_left

from annotations.formats.records import SpanRecord, span_pieces
from annotations.formats.tokens import Piece

Chunk = tuple[int, int, str]
OVERLAPS = "overlaps "  # how the reason for an overlapping span not tagged begins


class _Taken:
    """The pieces tagged so far (never overlapping), sorted by start, each with the number
    of pieces taken before it: finding a clash is a binary search, not a walk of them all."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.pieces: list[tuple[Piece, int]] = []

    def clash(self, pieces: list[Piece]) -> Piece | None:
        """The piece taken first of those overlapping any of ``pieces``; None if none."""
        first: tuple[Piece, int] | None = None
        for a, b in pieces:
            k = bisect_left(self.starts, b)  # taken pieces [0, k) start before b
            while k and self.pieces[k - 1][0][1] > a:  # ends grow with starts: walk back
                k -= 1
                if first is None or self.pieces[k][1] < first[1]:
                    first = self.pieces[k]
        return first[0] if first is not None else None

    def add(self, pieces: list[Piece]) -> None:
        for piece in pieces:
            k = bisect_left(self.starts, piece[0])
            self.starts.insert(k, piece[0])
            self.pieces.insert(k, (piece, len(self.pieces)))


def chosen(spans: list[SpanRecord]) -> tuple[list[Chunk], dict[int, list[str]]]:
    """The chunks to tag (``start, end, label``), none overlapping another, and why each span
    (by its index in ``spans``) is not written as it is."""
    chunks: list[Chunk] = []
    why: dict[int, list[str]] = {}
    taken = _Taken()
    order = sorted(range(len(spans)), key=lambda i: (spans[i]["start"], -spans[i]["end"]))
    for i in order:
        span = spans[i]
        pieces = span_pieces(span)
        clash = taken.clash(pieces)
        if clash is not None:
            why.setdefault(i, []).append(f"{OVERLAPS}[{clash[0]}, {clash[1]}) in the same layer")
            continue
        taken.add(pieces)
        chunks.extend((a, b, span["label"]) for a, b in pieces)
        if len(pieces) > 1:
            where = " ".join(f"[{a}, {b})" for a, b in pieces)
            why.setdefault(i, []).append(
                f"discontinuous: written as {len(pieces)} separate chunks {where}"
            )
    return chunks, why


def edges(text: str, span: SpanRecord, split: dict[int, Piece]) -> list[str]:
    """Why a span's own edges cannot be written as they are (tokens split, whitespace)."""
    reasons = []
    for a, b in span_pieces(span):
        if text[a:b].isspace():
            reasons.append(f"[{a}, {b}) is whitespace only: no token to tag")
            continue
        if text[a].isspace() or text[b - 1].isspace():
            reasons.append(f"whitespace at the edge of [{a}, {b}) is not written")
        for edge, verb in ((a, "starts"), (b, "ends")):
            if edge in split:
                s, e = split[edge]
                reasons.append(
                    f"{verb} inside the token {text[s:e]!r} [{s}, {e}), written split there"
                )
    return reasons
