"""Words as the suggesters compare them. Pure.

A word is a run of letters or digits, with inner apostrophes ("don't", "it’s"); punctuation
and whitespace are not words. A word's normal form is casefolded, with ’ read as ' and a
possessive 's dropped, so "Hamas's", "HAMAS’s" and "Hamas'" are one word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True)
class Token:
    norm: str
    start: int
    end: int


def normalise_token(word: str) -> str:
    token = word.casefold().replace("’", "'")
    return token[:-2] if token.endswith("'s") else token


def tokenize(text: str) -> list[Token]:
    """The words of ``text`` with their code-point offsets."""
    return [Token(normalise_token(m.group()), m.start(), m.end()) for m in WORD.finditer(text)]


def normalised_words(text: str) -> tuple[str, ...]:
    return tuple(normalise_token(m.group()) for m in WORD.finditer(text))
