"""Pure: how a source is named, and which registry entries a span's text may mean.

``name_normalized`` makes two spellings of one name equal: case folded, quote marks and
punctuation dropped, whitespace collapsed, a leading article ("the", "a", "an") and a
possessive "'s" dropped. ``entry_matches`` ranks entries for a span's text: 1.0 when the
normalised text is the entry's name or one of its aliases, else the share of the shorter
side's words found in the longer one ("Netanyahu" in "Prime Minister Benjamin Netanyahu"),
weighed down a little for the words the longer side has beyond it. Names are short, so the
ranking is a plain scan of the project's entries.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

ARTICLES = ("the", "a", "an")
THRESHOLD = 0.5  # below this a token overlap is not worth suggesting
LIMIT = 5
_APOSTROPHES = "'\u2019\u02bc"
_POSSESSIVE = re.compile(rf"[{_APOSTROPHES}]s\b")
# Words that say what someone is rather than who: they alone never make a match.
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "president",
        "prime",
        "minister",
        "senior",
        "official",
        "officials",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "u.s",
        "us",
        "of",
        "for",
    ]
)


@lru_cache(maxsize=8192)  # a project's names come back with every suggestion
def name_normalized(text: str) -> str:
    """``text`` as names are compared: see the module docstring."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = _POSSESSIVE.sub("", folded)
    kept = "".join(
        ch if ch.isalnum() or ch.isspace() else (" " if ch in "-/" else "") for ch in folded
    )
    words = kept.split()
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True)
class Named:
    """An entry as matching sees it: its id, its name and its aliases."""

    id: int
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    entry_id: int
    score: float  # 0..1
    matched: str  # the name or alias that matched best


def _overlap(words: list[str], other: list[str]) -> float:
    """How far two names share their words: the share of the shorter side's distinctive
    words (not titles) found in the longer side, less a tenth per word the longer side has
    beyond the shorter's length."""
    short, long = sorted((words, other), key=len)
    distinctive = [w for w in short if w not in _TITLES]
    if not distinctive:
        return 0.0
    found = sum(1 for w in distinctive if w in long)
    share = found / len(distinctive)
    return max(0.0, share - 0.1 * (len(long) - len(short))) if found else 0.0


def name_score(text: str, name: str) -> float:
    """1.0 when the two normalise alike; else their word overlap (below 1)."""
    a, b = name_normalized(text), name_normalized(name)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    return min(0.99, _overlap(a.split(), b.split()))


def entry_matches(span_text: str, entries: Iterable[Named], limit: int = LIMIT) -> list[Match]:
    """The entries ``span_text`` may name, best first (ties by name), at most ``limit``,
    only those scoring at least ``THRESHOLD``."""
    found: list[tuple[Match, str]] = []
    for entry in entries:
        best = max(
            ((name_score(span_text, n), n) for n in (entry.name, *entry.aliases)),
            key=lambda pair: pair[0],
        )
        if best[0] >= THRESHOLD:
            found.append((Match(entry.id, round(best[0], 3), best[1]), entry.name.casefold()))
    found.sort(key=lambda pair: (-pair[0].score, pair[1], pair[0].entry_id))
    return [match for match, _ in found[:limit]]
