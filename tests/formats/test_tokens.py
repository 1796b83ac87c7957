"""Tokens of long texts: taken in stretches, they are spaCy's tokens of the whole text (pure)."""

from __future__ import annotations

import random

from annotations.formats import tokens
from annotations.formats.tokens import blank_english, split_tokens, tokenise, tokens_around

PARTS = ["word", "U.S.-led", "said.", "\n", "\n\n", " ", "  ", "\u00a0", "“Quote”", "(x)",
         "e\u0301", "\U0001f6a2", "don't", "1,000", "--", "."]  # fmt: skip


def random_text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(PARTS) + rng.choice(["", " ", " "]) for _ in range(n))


def test_a_text_tokenised_in_stretches_has_the_tokens_of_the_whole(monkeypatch):
    rng = random.Random(11)
    monkeypatch.setattr(tokens, "STRETCH", 40)
    for _ in range(50):
        text = random_text(rng, 400)
        whole = blank_english().tokenizer(text)

        found = tokenise(text, [])

        assert found.words == [t.text for t in whole]
        assert found.spaces == [bool(t.whitespace_) for t in whole]
        assert found.offsets == [(t.idx, t.idx + len(t.text)) for t in whole]


def test_the_words_split_by_a_boundary_are_found_around_it_as_in_the_whole_text():
    rng = random.Random(12)
    for _ in range(50):
        text = random_text(rng, 200)
        boundaries = [rng.randrange(len(text)) for _ in range(20)]
        doc = blank_english().tokenizer(text)
        whole = [(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space]
        expected = {x: p for x in boundaries for p in whole if p[0] < x < p[1]}

        assert split_tokens(tokens_around(text, boundaries), boundaries) == expected
