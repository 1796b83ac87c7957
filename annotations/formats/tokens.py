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

**Long texts.** spaCy's tokenizer slows down on one very long string (20 s for 20 MB, where
the same text in parts of a few thousand characters takes 2 s), so a long stretch between
two cuts is tokenised in parts of about ``STRETCH`` code points, each ending after a single
space between two words: spaCy splits there anyway, so the tokens are the same. The words'
offsets are kept as one array of starts (``Tokens.starts``), not a tuple per word.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from annotations.formats.records import DocumentRecord, span_pieces

Piece = tuple[int, int]
STRETCH = 5_000  # code points tokenised at a time, at most about


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
    them, and where each word starts in the text."""

    words: list[str]
    spaces: list[bool]
    starts: array[int]

    @property
    def offsets(self) -> list[Piece]:
        """Each word's ``[start, end)`` (a new list on each call)."""
        return [(s, s + len(w)) for s, w in zip(self.starts, self.words, strict=True)]

    def doc(self) -> Any:
        from spacy.tokens import Doc

        return Doc(blank_english().vocab, words=self.words, spaces=self.spaces)


def stretches(text: str, start: int, end: int) -> Iterator[Piece]:
    """``[start, end)`` in parts of about ``STRETCH`` code points, each (but the last) ending
    after a single space that follows a word and precedes one: where spaCy splits anyway."""
    while end - start > STRETCH:
        at = text.find(" ", start + STRETCH, end - 1)
        while at != -1 and (text[at - 1].isspace() or text[at + 1].isspace()):
            at = text.find(" ", at + 1, end - 1)
        if at == -1:
            break
        yield start, at + 1
        start = at + 1
    yield start, end


def _part(
    text: str,
    a: int,
    b: int,
    words: list[str],
    spaces: list[bool],
    starts: array[int],
    seen: dict[str, str],
) -> None:
    """Append the tokens of ``text[a:b]`` (spaCy's, read as arrays: no Token objects); a
    word seen before is the same string object (``seen``), so a long text's words take the
    room of its vocabulary, not one string each."""
    from spacy.attrs import IDX, LENGTH, SPACY

    part = text[a:b]
    found = blank_english().tokenizer(part).to_array([IDX, LENGTH, SPACY]).tolist()
    same = seen.setdefault
    words.extend([same(word, word) for word in [part[i : i + n] for i, n, _ in found]])
    spaces.extend([bool(space) for _, _, space in found])
    starts.extend([a + i for i, _, _ in found])


def tokenise(text: str, pieces: Iterable[Piece], start: int = 0, end: int | None = None) -> Tokens:
    """The tokens of ``text[start:end]`` (all of it by default; a section must begin and end
    where spaCy splits), with a boundary at the start and end of each piece; offsets are in
    ``text``."""
    end = len(text) if end is None else end
    pieces = list(pieces)
    ends = {b for _, b in pieces}
    cuts = sorted({start, end} | {x for p in pieces for x in p if start < x < end})
    words: list[str] = []
    spaces: list[bool] = []
    starts: array[int] = array("q")
    seen: dict[str, str] = {}
    for a, b in zip(cuts, cuts[1:], strict=False):
        for part in stretches(text, a, b):
            _part(text, *part, words, spaces, starts, seen)
        if b in ends and spaces and spaces[-1]:
            # a piece ends after this space: the space becomes a token of its own
            spaces[-1] = False
            words.append(" ")
            spaces.append(False)
            starts.append(b - 1)
    return Tokens(words, spaces, starts)


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
    tokens = tokenise(text, [])
    return [p for p, w in zip(tokens.offsets, tokens.words, strict=True) if not w.isspace()]


def tokens_around(text: str, boundaries: Iterable[int]) -> list[Piece]:
    """The non-space tokens of the plain tokenisation that hold a boundary strictly inside,
    found by tokenising only the run of non-space characters around each boundary (spaCy
    tokenises such a run alone as it does within the whole text)."""
    found = set()
    for x in set(boundaries):
        if not 0 < x < len(text) or text[x - 1].isspace() or text[x].isspace():
            continue
        a = x - 1
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        b = x + 1
        while b < len(text) and not text[b].isspace():
            b += 1
        found.update(p for p in tokenise(text, [], a, b).offsets if p[0] < x < p[1])
    return sorted(found)


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
