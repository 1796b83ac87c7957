"""Tokens for the token-level exports (CoNLL, spaCy), with a token boundary at every span
boundary so that token offsets give back span offsets exactly.

The tokenizer is spaCy's blank English one (rules only: no model, nothing downloaded),
created once per process. ``tokenise(text, pieces)`` first cuts the text at the start and end
of every piece (a span, or one fragment of a discontinuous span), then tokenises each cut
part; the parts' tokens together rebuild the text character for character. Where a piece
ends right after a space that spaCy would keep as the previous word's trailing space, the
space becomes a token of its own, so the piece can still end exactly there.

A cut inside what spaCy would have kept as one token (a span ending inside ``"U.S.-led"``)
splits that token; ``split_tokens`` names such tokens so a writer can say so. Whitespace
stays as spaCy has it: a run of spaces or a line break is a token of its own
(``Token.is_space``), a single space is the preceding word's trailing space.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from annotations.formats.records import DocumentRecord, span_pieces

Piece = tuple[int, int]


@cache
def blank_english() -> Any:
    """``spacy.blank("en")``, made once: its vocab and tokenizer are shared by the writers."""
    import spacy

    return spacy.blank("en")


@cache
def sentencizer() -> Any:
    """spaCy's rule-based sentence splitter (sentence-final punctuation), made once."""
    from spacy.pipeline import Sentencizer

    return Sentencizer()


@dataclass(frozen=True)
class Tokens:
    """Words and trailing-space flags, as ``spacy.tokens.Doc(vocab, words, spaces)`` takes
    them, and each word's ``[start, end)`` in the text."""

    words: list[str]
    spaces: list[bool]
    offsets: list[Piece]

    def doc(self) -> Any:
        from spacy.tokens import Doc

        return Doc(blank_english().vocab, words=self.words, spaces=self.spaces)


def tokenise(text: str, pieces: Iterable[Piece]) -> Tokens:
    """The text's tokens, with a boundary at the start and end of each piece."""
    pieces = list(pieces)
    ends = {b for _, b in pieces}
    cuts = sorted({0, len(text)} | {x for p in pieces for x in p if 0 < x < len(text)})
    tokenizer = blank_english().tokenizer
    words: list[str] = []
    spaces: list[bool] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        for token in tokenizer(text[a:b]):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))
        if b in ends and spaces and spaces[-1]:
            # a piece ends after this space: the space becomes a token of its own
            spaces[-1] = False
            words.append(" ")
            spaces.append(False)
    offsets = []
    at = 0
    for word, space in zip(words, spaces, strict=True):
        offsets.append((at, at + len(word)))
        at += len(word) + space
    return Tokens(words, spaces, offsets)


def all_pieces(record: DocumentRecord) -> list[Piece]:
    """Every piece of every span in every set of a document record: cutting at all of them
    gives all the document's layers the same tokens."""
    return [
        piece
        for aset in record.get("sets") or []
        for span in aset.get("spans") or []
        for piece in span_pieces(span)
    ]


def plain_tokens(text: str) -> list[Piece]:
    """``[start, end)`` of each non-space token of the plain tokenisation (no cuts)."""
    return [
        (token.idx, token.idx + len(token.text))
        for token in blank_english().tokenizer(text)
        if not token.is_space
    ]


def split_tokens(plain: list[Piece], boundaries: Iterable[int]) -> dict[int, Piece]:
    """For each boundary falling strictly inside one of the ``plain`` tokens (``plain_tokens``),
    that token."""
    wanted = sorted(set(boundaries))
    found: dict[int, Piece] = {}
    if not wanted:
        return found
    for start, end in plain:
        i = bisect_left(wanted, start + 1)
        while i < len(wanted) and wanted[i] < end:
            found[wanted[i]] = (start, end)
            i += 1
    return found
