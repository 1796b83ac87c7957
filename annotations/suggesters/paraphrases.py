"""Paraphrased quotes: two quotes that say the same thing in other words. Pure: no ORM.

The quote rules (``quotes.py``) compare word sequences, so they miss a claim an outlet quotes
in another translation or wording ("Israel will not cave to Hamas's delusional demands" /
"We haven't committed to any of the delusional demands of Hamas"). Here two quotes are
compared as SETS of content words (a word's normal form, ``tokens.normalise_token``, that is
not a function word or a number): they are a paraphrase when both quotes have at least
``min_tokens`` words, share at least ``min_shared`` content words, and the Dice coefficient
of their content words (2 x shared / the sum of their sizes) is at least ``min_dice``.

Candidate pairs come from a prefix filter (the AllPairs set-similarity join): content words
are ordered rarest first across the quotes, and a quote is indexed by its first few words
only, as many as a partner that passes ``min_dice`` must share with it; two quotes that share
none of those words cannot pass and are never compared.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

# Function words (in ``normalise_token``'s form: casefolded, ' for ’) that carry no content of
# their own; a paraphrase must share words outside this list.
_FUNCTION_WORDS = """
    a about above after again against all also am an and any are aren't as at be because
    been before being below between both but by can can't cannot could couldn't did didn't
    do does doesn't doing don't down during each few for from further had hadn't has hasn't
    have haven't having he he'd he'll her here hers herself him himself his how i i'd i'll
    i'm i've if in into is isn't it it'll itself its just let me may might more most must
    mustn't my myself no nor not now of off on once only or other ought our ours ourselves
    out over own same shall shan't she she'd she'll should shouldn't so some such than that
    that'll the then there these they they'd they'll they're they've this those through to
    too under until up us very was wasn't we we'd we'll we're we've were weren't what when
    where which while who whom whose why will with won't would wouldn't you you'd you'll
    you're you've your yours yourself
"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())


@dataclass(frozen=True)
class ParaphraseSettings:
    min_tokens: int = 6
    min_shared: int = 3
    min_dice: float = 0.6


def content_words(tokens: Sequence[str]) -> frozenset[str]:
    """The words of a normalised token sequence that are neither function words nor numbers."""
    return frozenset(t for t in tokens if t not in FUNCTION_WORDS and not t.isdigit())


def _least_overlap(size: int, settings: ParaphraseSettings) -> int:
    """The fewest words a quote of ``size`` content words shares with any partner it passes
    with: Dice >= d needs 2o >= d(|A| + |B|) >= d(|A| + o), so o >= d|A| / (2 - d)."""
    by_dice = math.ceil(settings.min_dice * size / (2 - settings.min_dice) - 1e-9)
    return max(settings.min_shared, by_dice)


def paraphrase_pairs(
    sequences: Sequence[tuple[str, ...]], settings: ParaphraseSettings
) -> dict[tuple[int, int], tuple[float, float]]:
    """(Dice, shared / the smaller set) of every pair ``(i, j)``, i < j, of ``sequences`` that
    is a paraphrase by the rules above."""
    words = [
        content_words(tokens) if len(tokens) >= settings.min_tokens else frozenset()
        for tokens in sequences
    ]
    frequency = Counter(word for found in words for word in found)
    index: dict[str, list[int]] = defaultdict(list)
    candidates: set[tuple[int, int]] = set()
    for number, found in enumerate(words):
        if len(found) < settings.min_shared:
            continue
        ordered = sorted(found, key=lambda word: (frequency[word], word))
        prefix = ordered[: len(ordered) - _least_overlap(len(ordered), settings) + 1]
        for word in prefix:
            candidates.update((other, number) for other in index[word])
            index[word].append(number)
    pairs: dict[tuple[int, int], tuple[float, float]] = {}
    for i, j in candidates:
        shared = len(words[i] & words[j])
        if shared < settings.min_shared:
            continue
        dice = 2 * shared / (len(words[i]) + len(words[j]))
        if dice >= settings.min_dice:
            pairs[(i, j)] = (dice, shared / min(len(words[i]), len(words[j])))
    return pairs
