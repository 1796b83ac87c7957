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

5. Quotes that say the same in other words share few word sequences but many content words:
   two quotes of at least ``min_paraphrase_tokens`` words whose content words overlap enough
   (see annotations/suggesters/paraphrases.py) are linked as kind "paraphrase", unless a rule
   above linked them already or their speakers have different names (speakers.py).

6. Long runs of words two documents share outside quote marks (``min_passage_tokens`` words or
   more, see annotations/suggesters/passages.py) are linked too, as kind "passage".

What it cannot do is listed in docs/suggesters.md (most paraphrase, one-word quotes, quotes whose
marks are unbalanced or span paragraphs).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from annotations.suggesters.paraphrases import ParaphraseSettings, paraphrase_pairs
from annotations.suggesters.passages import find_shared_passages
from annotations.suggesters.speakers import Name, quote_speakers, speakers_conflict
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
    # Paraphrased quotes (0 turns them off): least words of each quote, least content words
    # shared, least Dice coefficient of the two quotes' content words.
    min_paraphrase_tokens: int = 6
    min_paraphrase_shared: int = 3
    min_paraphrase_dice: float = 0.6
    # Quotes whose word sequences match this much (difflib's ratio) are the same quote with a
    # word changed, or one frame with another subject ("The bridge / The harbour will reopen as
    # long as the cracks remain"): the ``min_ratio`` rule judges them, never the paraphrase one.
    max_paraphrase_ratio: float = 0.5
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
    # "same" (ratio rule), "partial" (containment rule), "paraphrase" (content words: score is
    # their Dice coefficient, containment the share of the smaller set) or "passage" (unquoted)
    kind: str


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
    if settings.min_paraphrase_tokens:
        paraphrase = ParaphraseSettings(
            min_tokens=settings.min_paraphrase_tokens,
            min_shared=settings.min_paraphrase_shared,
            min_dice=settings.min_paraphrase_dice,
        )
        for (i, j), (dice, containment) in paraphrase_pairs(sequences, paraphrase).items():
            if (i, j) in similar:
                continue
            a, b = sequences[i], sequences[j]
            bound = 2 * sum((counts[i] & counts[j]).values()) / (len(a) + len(b))
            if bound < settings.max_paraphrase_ratio or (
                _score(a, b)[0] < settings.max_paraphrase_ratio
            ):
                similar[(i, j)] = (dice, containment, "paraphrase")
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
    scored = _quote_links(texts, quotes, settings)
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


def _quote_links(
    texts: dict[int, str], quotes: Sequence[_Quote], settings: AlignerSettings
) -> list[_Scored]:
    holders: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for number, quote in enumerate(quotes):
        holders[quote.tokens].append(number)
    sequences = list(holders)
    similar = _similar_sequences(sequences, settings)
    similar.update({(i, i): (1.0, 1.0, "same") for i in range(len(sequences))})
    scored: list[_Scored] = []
    paraphrased: list[tuple[int, int, float, float]] = []
    for (i, j), (ratio, containment, kind) in similar.items():
        for a in holders[sequences[i]]:
            for b in holders[sequences[j]]:
                if quotes[a].span.document_id == quotes[b].span.document_id or (i == j and a >= b):
                    continue
                if kind == "paraphrase":
                    paraphrased.append((a, b, ratio, containment))
                else:
                    scored.append((quotes[a].span, quotes[b].span, ratio, containment, kind))
    names = _speaker_names(texts, quotes, {n for a, b, *_ in paraphrased for n in (a, b)})
    scored.extend(
        (quotes[a].span, quotes[b].span, ratio, containment, "paraphrase")
        for a, b, ratio, containment in paraphrased
        if not speakers_conflict(names[a], names[b])
    )
    return scored


def _speaker_names(
    texts: dict[int, str], quotes: Sequence[_Quote], numbers: set[int]
) -> dict[int, Name]:
    """The speaker's name of each quote in ``numbers`` (the attribution suggester runs once on
    each document that holds one)."""
    by_document: dict[int, list[int]] = defaultdict(list)
    for number in sorted(numbers):
        by_document[quotes[number].span.document_id].append(number)
    names: dict[int, Name] = {}
    for document_id, held in by_document.items():
        ranges = [(quotes[n].span.start, quotes[n].span.end) for n in held]
        names.update(zip(held, quote_speakers(texts[document_id], ranges), strict=True))
    return names


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
