"""Tokens whose boundaries include every span boundary, for the token-level formats.

spaCy's blank English tokenizer (rules only, no model) splits the text; before that, the text
is cut at every span boundary, so each span starts and ends on a token boundary and token
offsets give back the span's code-point offsets exactly. spaCy is imported on first use.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any


@cache
def blank_english() -> Any:
    import spacy

    return spacy.blank("en")


def words_and_spaces(text: str, boundaries: Iterable[int]) -> tuple[list[str], list[bool]]:
    """spaCy ``Doc`` words and trailing-space flags that rebuild ``text`` exactly, with a token
    boundary at each of ``boundaries``."""
    tokenizer = blank_english().tokenizer
    cuts = sorted({0, len(text), *(b for b in boundaries if 0 < b < len(text))})
    words: list[str] = []
    spaces: list[bool] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        for token in tokenizer(text[a:b]):
            if token.text:
                words.append(token.text)
                spaces.append(bool(token.whitespace_))
            elif token.whitespace_ and spaces:
                spaces[-1] = True
    return words, spaces


def token_offsets(words: list[str], spaces: list[bool]) -> list[tuple[int, int]]:
    """Each word's ``[start, end)`` in the rebuilt text."""
    out = []
    at = 0
    for word, space in zip(words, spaces, strict=True):
        out.append((at, at + len(word)))
        at += len(word) + (1 if space else 0)
    return out
