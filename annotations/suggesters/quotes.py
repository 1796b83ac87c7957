"""The quote aligner: the same quoted passage in different documents of one story.

Pure: no ORM, no DRF. Input is a story's documents as ``(document id, text)``; output is the
proposed CLAIM spans (code-point offsets into each stored text, half-open) and SAME_CLAIM links
between spans of different documents, each with a similarity score, in a deterministic order.

How it works:
1. Quotes are the text between a pair of quote marks: straight ``"..."``, curly double
   ``“...”``, low-high ``„...“``, guillemets ``«...»`` and curly single ``‘...’`` (an apostrophe
   inside a word, as in "it’s", does not close a single quote). A quote shorter than
   ``min_quote_tokens`` words is a scare quote ("pause") and is not proposed.
2. Quotes are compared as word sequences normalised for case (casefold), apostrophes (’ -> '),
   the possessive ('s is dropped, so "Hamas's" equals "Hamas'"), punctuation and whitespace
   (neither is a token).
3. Candidate pairs come from an index of word shingles (``shingle_size`` words), so only quotes
   of different documents that share a shingle are compared; a pair is scored with difflib's
   ``SequenceMatcher`` over the token lists: ``ratio`` (2 x matched / total) and ``containment``
   (matched / the shorter quote's length).
4. A pair is linked when ``ratio >= min_ratio`` (the same quote, perhaps reworded a little), or
   when ``containment >= min_containment`` and the shorter quote has at least
   ``min_partial_tokens`` words (one outlet quotes part of the other's sentence).

5. Long runs of words two documents share outside quote marks (``min_passage_tokens`` words or
   more, see annotations/suggesters/passages.py) are linked too, as kind "passage".

What it cannot do is listed in docs/suggesters.md (paraphrase, one-word quotes, quotes whose
marks are unbalanced or span paragraphs).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from annotations.suggesters.passages import find_shared_passages
from annotations.suggesters.tokens import normalised_words, tokenize

QUOTE_PATTERNS = (
    re.compile(r'"([^"\n]+)"'),
    re.compile(r"“([^“”\n]+)”"),
    re.compile(r"„([^„“”\n]+)[“”]"),
    re.compile(r"«([^«»\n]+)»"),
    re.compile(r"‘((?:[^‘’\n]|’(?=\w))+)’(?!\w)"),
)
# Trailing characters a quote often carries that are not part of the claim ("...," / "...."),
# as the gold layer marks them; "?" and "!" stay.
TRAILING = " \t,;:."


@dataclass(frozen=True)
class AlignerSettings:
    min_quote_tokens: int = 3
    shingle_size: int = 3
    min_ratio: float = 0.8
    min_containment: float = 0.9
    min_partial_tokens: int = 5
    # Shared runs of words outside quote marks (0 turns them off).
    min_passage_tokens: int = 20
    passage_shingle_size: int = 8


@dataclass(frozen=True)
class ProposedSpan:
    document_id: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ProposedLink:
    """SAME_CLAIM between ``spans[source]`` and ``spans[target]`` (indices into the result)."""

    source: int
    target: int
    score: float
    containment: float
    kind: str  # "same" (ratio rule), "partial" (containment rule) or "passage" (unquoted run)


@dataclass(frozen=True)
class Alignment:
    spans: list[ProposedSpan]
    links: list[ProposedLink]


@dataclass(frozen=True)
class _Quote:
    span: ProposedSpan
    tokens: tuple[str, ...]


def find_quotes(document_id: int, text: str, min_tokens: int) -> list[_Quote]:
    """Every quote in ``text`` with at least ``min_tokens`` words, in text order; when two
    patterns find overlapping quotes the earlier (then longer) one wins."""
    found: list[tuple[int, int]] = []
    for pattern in QUOTE_PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span(1)
            while end > start and text[end - 1] in TRAILING:
                end -= 1
            while start < end and text[start].isspace():
                start += 1
            found.append((start, end))
    quotes: list[_Quote] = []
    last_end = -1
    for start, end in sorted(found, key=lambda se: (se[0], -se[1])):
        if start < last_end:
            continue
        tokens = normalised_words(text[start:end])
        if len(tokens) < min_tokens:
            continue
        last_end = end
        quotes.append(_Quote(ProposedSpan(document_id, start, end, text[start:end]), tokens))
    return quotes


def _candidate_pairs(sequences: Sequence[tuple[str, ...]], size: int) -> set[tuple[int, int]]:
    """Pairs (i < j) of distinct token sequences that share at least one shingle."""
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for number, tokens in enumerate(sequences):
        for shingle in {tokens[i : i + size] for i in range(max(1, len(tokens) - size + 1))}:
            index[shingle].append(number)
    pairs: set[tuple[int, int]] = set()
    for members in index.values():
        for i, a in enumerate(members):
            pairs.update((a, b) for b in members[i + 1 :])
    return pairs


def _score(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[float, float]:
    """(ratio, containment) of two token sequences, whichever order they come in."""
    a, b = min(a, b), max(a, b)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return 2 * matched / (len(a) + len(b)), matched / min(len(a), len(b))


def _similar_sequences(
    sequences: Sequence[tuple[str, ...]], settings: AlignerSettings
) -> dict[tuple[int, int], tuple[float, float, str]]:
    """(ratio, containment, kind) of every pair of distinct sequences that passes a rule. The
    shared words (a multiset) bound what SequenceMatcher can match, so most pairs that share a
    shingle by chance are dropped before it runs."""
    counts = [Counter(tokens) for tokens in sequences]
    similar: dict[tuple[int, int], tuple[float, float, str]] = {}
    for i, j in _candidate_pairs(sequences, settings.shingle_size):
        a, b = sequences[i], sequences[j]
        shorter = min(len(a), len(b))
        bound = sum((counts[i] & counts[j]).values())
        may_be_same = 2 * bound / (len(a) + len(b)) >= settings.min_ratio
        may_be_part = (
            shorter >= settings.min_partial_tokens and bound / shorter >= settings.min_containment
        )
        if not (may_be_same or may_be_part):
            continue
        ratio, containment = _score(a, b)
        if ratio >= settings.min_ratio:
            similar[(i, j)] = (ratio, containment, "same")
        elif shorter >= settings.min_partial_tokens and containment >= settings.min_containment:
            similar[(i, j)] = (ratio, containment, "partial")
    return similar


def align_quotes(
    documents: Iterable[tuple[int, str]], settings: AlignerSettings | None = None
) -> Alignment:
    """Propose CLAIM spans and SAME_CLAIM links for one story's ``(document id, text)`` pairs.
    Spans are ordered by (document id, start, end); links by (source, target). Only spans that
    take part in a link are proposed."""
    settings = settings or AlignerSettings()
    texts = dict(sorted(documents, key=lambda item: item[0]))
    quotes = [
        quote
        for document_id, text in texts.items()
        for quote in find_quotes(document_id, text, settings.min_quote_tokens)
    ]
    scored = _quote_links(quotes, settings)
    if settings.min_passage_tokens:
        scored += _passage_links(texts, quotes, settings)
    spans = sorted({span for a, b, *_ in scored for span in (a, b)}, key=_span_order)
    position = {span: i for i, span in enumerate(spans)}
    links = [
        ProposedLink(
            *sorted((position[a], position[b])), round(ratio, 4), round(containment, 4), kind
        )
        for a, b, ratio, containment, kind in scored
    ]
    links.sort(key=lambda link: (link.source, link.target))
    return Alignment(spans=spans, links=links)


_Scored = tuple[ProposedSpan, ProposedSpan, float, float, str]


def _span_order(span: ProposedSpan) -> tuple[int, int, int]:
    return (span.document_id, span.start, span.end)


def _quote_links(quotes: Sequence[_Quote], settings: AlignerSettings) -> list[_Scored]:
    holders: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for number, quote in enumerate(quotes):
        holders[quote.tokens].append(number)
    sequences = list(holders)
    similar = _similar_sequences(sequences, settings)
    similar.update({(i, i): (1.0, 1.0, "same") for i in range(len(sequences))})
    scored: list[_Scored] = []
    for (i, j), (ratio, containment, kind) in similar.items():
        for a in holders[sequences[i]]:
            for b in holders[sequences[j]]:
                if quotes[a].span.document_id != quotes[b].span.document_id and (i != j or a < b):
                    scored.append((quotes[a].span, quotes[b].span, ratio, containment, kind))
    return scored


def _passage_links(
    texts: dict[int, str], quotes: Sequence[_Quote], settings: AlignerSettings
) -> list[_Scored]:
    excluded: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for quote in quotes:
        excluded[quote.span.document_id].append((quote.span.start, quote.span.end))
    passages = find_shared_passages(
        {document_id: tokenize(text) for document_id, text in texts.items()},
        min_tokens=settings.min_passage_tokens,
        shingle_size=settings.passage_shingle_size,
        excluded=excluded,
    )
    scored: list[_Scored] = []
    for p in passages:
        one, two = texts[p.first], texts[p.second]
        first = ProposedSpan(p.first, p.start, p.end, one[p.start : p.end])
        second = ProposedSpan(
            p.second, p.other_start, p.other_end, two[p.other_start : p.other_end]
        )
        scored.append((first, second, 1.0, 1.0, "passage"))
    return scored
