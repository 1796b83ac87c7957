"""How a rewrite reworded its original, sentence by sentence (pure; no ORM).

Both texts are cut into sentences (``corpus.sentences``) and aligned in order (a monotone
alignment: no sentence is paired across another pair), each original sentence with at most
one sentence of the rewrite. Every row of the alignment is one of:

- ``copied``: the same sentence once quote marks, case and white space are normalised;
- ``changed``: similar (the word similarity is at least ``CHANGED_THRESHOLD``), with a
  word-level diff: the original's words ``kept`` or ``removed``, the rewrite's ``kept`` or
  ``added``;
- ``moved``: a sentence the rewrite moved elsewhere (below);
- ``added``: a sentence only the rewrite has;
- ``dropped``: a sentence only the original has.

Word similarity is difflib's ratio over the two sentences' normalised words (punctuation
counts as words): ``2 * matched / (len(a) + len(b))``. The alignment is the one with the
largest sum of similarities over its pairs (dynamic programming over the two sentence lists);
a pair below the threshold is never made. The ratio is bounded above by the two lengths and
by the words' multiset overlap (``_overlap_bound``), so most pairs are ruled out without
running difflib.

Which pairs: ``rewrite_pairs`` flags near-duplicates with the corpus import's own measure and
threshold (``corpus.similarity``), the documents taken in publication order, so the earlier
published document of a pair is its original.

A sentence the rewrite moved elsewhere has two rows, since the alignment keeps both texts'
order: one where it stood in the original (``original`` set, ``rewrite`` None) and one where
it stands in the rewrite (``rewrite`` set, ``original`` None). A dropped sentence and an
added one at least ``CHANGED_THRESHOLD`` similar are such a pair (most similar first, each
row once): both rows become ``moved``, name each other in ``moved``, carry the two
sentences' similarity and, when it is below 1, the word-level diff against each other (the
original's words ``kept`` or ``removed``, the rewrite's ``kept`` or ``added``). ``counts``
counts a moved sentence once (``moved``), and neither as added nor as dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from corpus.sentences import Range, sentence_ranges
from corpus.similarity import ClauseIndex, NearDuplicate, clauses

CHANGED_THRESHOLD = 0.5
KINDS = ("copied", "changed", "moved", "added", "dropped")

_WORD_RE = re.compile(r"\w+|[^\w\s]")
_QUOTES = str.maketrans({c: '"' for c in "“”„‟«»″"} | {c: "'" for c in "‘’‚‛′`"})
_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of one sentence: ``kept`` in both, ``removed`` from the original or
    ``added`` by the rewrite. Offsets are the document's."""

    op: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    runs: tuple[Run, ...] = ()


@dataclass(frozen=True, slots=True)
class Row:
    kind: str
    similarity: float
    original: Sentence | None
    rewrite: Sentence | None
    moved: int | None = None  # a moved row's counterpart row (its other place)


@dataclass(frozen=True)
class Alignment:
    rows: list[Row]
    counts: dict[str, int] = field(default_factory=dict)


def normalised(text: str) -> str:
    """Quote marks made plain, case folded, white space collapsed: what ``copied`` compares."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return _SPACE_RE.sub(" ", text).strip()


def _words(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """(normalised word, start, end) of each word or punctuation mark in ``text[start:end]``."""
    return [
        (normalised(m.group()), m.start(), m.end()) for m in _WORD_RE.finditer(text, start, end)
    ]


class _Side:
    """One text's sentences with what the alignment compares."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ranges: list[Range] = sentence_ranges(text)
        self.plain = [normalised(text[a:b]) for a, b in self.ranges]
        self.words = [_words(text, a, b) for a, b in self.ranges]
        self.keys = [[w for w, _, _ in words] for words in self.words]
        self.bags = [Counter(keys) for keys in self.keys]


def _overlap_bound(a: Counter[str], b: Counter[str], size: int) -> float:
    """An upper bound of difflib's ratio: no more words can match than the two share. The
    shared vocabulary is found in C (a set intersection of the keys), then counted."""
    shared = a.keys() & b.keys()
    return 2 * sum(min(a[w], b[w]) for w in shared) / size if size else 0.0


def _similarity(original: _Side, i: int, rewrite: _Side, j: int) -> float:
    if original.plain[i] == rewrite.plain[j]:
        return 1.0
    a, b = len(original.keys[i]), len(rewrite.keys[j])
    if 2 * min(a, b) < CHANGED_THRESHOLD * (a + b):  # difflib's real_quick_ratio: lengths alone
        return 0.0
    if _overlap_bound(original.bags[i], rewrite.bags[j], a + b) < CHANGED_THRESHOLD:
        return 0.0
    return SequenceMatcher(None, original.keys[i], rewrite.keys[j], autojunk=False).ratio()


def _similar(original: _Side, rewrite: _Side) -> dict[tuple[int, int], float]:
    """Every pair of sentences at least ``CHANGED_THRESHOLD`` similar: {(i, j): similarity}."""
    sims = {}
    shared = {key for bag in rewrite.bags for key in bag}
    for i in range(len(original.ranges)):
        if not shared & original.bags[i].keys():
            continue
        for j in range(len(rewrite.ranges)):
            s = _similarity(original, i, rewrite, j)
            if s >= CHANGED_THRESHOLD:
                sims[i, j] = s
    return sims


def _pairs(
    original: _Side, rewrite: _Side, sims: dict[tuple[int, int], float]
) -> list[tuple[int, int, float]]:
    """The monotone pairing with the largest total similarity, as (i, j, similarity)."""
    n, m = len(original.ranges), len(rewrite.ranges)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = best[i], best[i + 1]
        for j in range(m - 1, -1, -1):
            score = max(below[j], row[j + 1])
            s = sims.get((i, j))
            if s is not None:
                score = max(score, s + below[j + 1])
            row[j] = score
    pairs: list[tuple[int, int, float]] = []
    i = j = 0
    while i < n and j < m:
        s = sims.get((i, j))
        if s is not None and best[i][j] == s + best[i + 1][j + 1]:
            pairs.append((i, j, s))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def _runs(words: list[tuple[str, int, int]], changed: set[int], op: str) -> tuple[Run, ...]:
    """The sentence as runs: each word ``op`` when its index is in ``changed``, else
    ``kept``; the white space between two words goes with them when they share an op, else
    with the kept side. The runs cover the sentence from its first word to its last."""
    runs: list[Run] = []
    for index, (_, start, end) in enumerate(words):
        kind = op if index in changed else "kept"
        if not runs:
            runs.append(Run(kind, start, end))
        elif runs[-1].op == kind:
            runs[-1] = Run(kind, runs[-1].start, end)
        elif kind == "kept":
            runs.append(Run(kind, runs[-1].end, end))
        else:  # a changed word after kept ones: the gap stays kept
            runs[-1] = Run("kept", runs[-1].start, start)
            runs.append(Run(kind, start, end))
    return tuple(runs)


def _diff(original: _Side, i: int, rewrite: _Side, j: int) -> tuple[Sentence, Sentence]:
    a, b = original.keys[i], rewrite.keys[j]
    removed: set[int] = set()
    added: set[int] = set()
    for tag, a1, a2, b1, b2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            removed.update(range(a1, a2))
            added.update(range(b1, b2))
    (oa, ob), (ra, rb) = original.ranges[i], rewrite.ranges[j]
    return (
        Sentence(oa, ob, _runs(original.words[i], removed, "removed")),
        Sentence(ra, rb, _runs(rewrite.words[j], added, "added")),
    )


def rewrite_alignment(original_text: str, rewrite_text: str) -> Alignment:
    """The rewrite's sentences aligned with the original's, in order (see the module's
    docstring); rows follow both texts: a dropped sentence comes where it stood in the
    original, an added one where it stands in the rewrite."""
    original, rewrite = _Side(original_text), _Side(rewrite_text)
    sims = _similar(original, rewrite)
    rows: list[Row] = []
    dropped: dict[int, int] = {}  # original sentence -> its dropped row
    added: dict[int, int] = {}  # rewrite sentence -> its added row
    i = j = 0
    for pi, pj, similarity in [*_pairs(original, rewrite, sims), (len(original.ranges), None, 0.0)]:
        for alone in range(i, pi):
            dropped[alone] = len(rows)
            rows.append(Row("dropped", 0.0, Sentence(*original.ranges[alone]), None))
        for alone in range(j, len(rewrite.ranges) if pj is None else pj):
            added[alone] = len(rows)
            rows.append(Row("added", 0.0, None, Sentence(*rewrite.ranges[alone])))
        if pj is None:
            break
        if original.plain[pi] == rewrite.plain[pj]:
            rows.append(
                Row("copied", 1.0, Sentence(*original.ranges[pi]), Sentence(*rewrite.ranges[pj]))
            )
        else:
            before, after = _diff(original, pi, rewrite, pj)
            rows.append(Row("changed", round(similarity, 3), before, after))
        i, j = pi + 1, pj + 1
    _mark_moved(rows, dropped, added, sims, original, rewrite)
    counts = Counter(row.kind for row in rows)
    counts["moved"] //= 2  # a moved sentence has two rows: where it was and where it is
    return Alignment(rows, {kind: counts.get(kind, 0) for kind in KINDS})


def _mark_moved(
    rows: list[Row],
    dropped: dict[int, int],
    added: dict[int, int],
    sims: dict[tuple[int, int], float],
    original: _Side,
    rewrite: _Side,
) -> None:
    """A dropped sentence similar to an added one moved (most similar first, each row
    once): both rows become ``moved``, name each other in ``moved``, carry their
    similarity and, unless the two are the same sentence, their word-level diff."""
    candidates = sorted(
        ((s, i, j) for (i, j), s in sims.items() if i in dropped and j in added), reverse=True
    )
    for s, i, j in candidates:
        a, b = dropped[i], added[j]
        if rows[a].moved is not None or rows[b].moved is not None:
            continue
        before, after = rows[a].original, rows[b].rewrite
        similarity = 1.0 if original.plain[i] == rewrite.plain[j] else s
        if similarity < 1:
            before, after = _diff(original, i, rewrite, j)
        similarity = round(similarity, 3)
        rows[a] = Row("moved", similarity, before, None, moved=b)
        rows[b] = Row("moved", similarity, None, after, moved=a)


def rewrite_pairs(documents: list[tuple[int, str]]) -> list[NearDuplicate]:
    """The near-duplicate pairs among ``documents`` ((id, text), earliest published first),
    as the corpus import flags them: ``document`` is the rewrite, ``similar_to`` its
    original (published earlier)."""
    index = ClauseIndex()
    pairs: list[NearDuplicate] = []
    for key, text in documents:
        pairs.extend(index.add(key, clauses(text)))
    return pairs


def clause_similarity(original_text: str, rewrite_text: str) -> float:
    """The import's near-duplicate score of two texts (shared clauses over the fewer)."""
    a, b = clauses(original_text), clauses(rewrite_text)
    return round(len(a & b) / min(len(a), len(b)), 3) if a and b else 0.0
