"""Pure: cross-document links as clusters, compared between two layers.

A layer's ``SAME_CLAIM`` (or ``SAME_SOURCE``) links over the documents of a story make
clusters: the connected components of its mentions (the spans of the labels the link type
joins), a mention no link touches being a cluster of its own.

Two layers' clusters are compared over the mentions **both** marked: their spans are matched
one to one (``matching.matching``, exact or by overlap), and each layer's clustering is read on
the matched mentions only (what each layer marked as a span is what span F1 measures; this
measures how they were linked). With the first layer as the reference:

- **pairwise link F1**: a link is an unordered pair of mentions in one cluster (after
  closure: A-B and B-C link A-C); ``tp`` pairs linked in both, F1 = 2 tp / (a + b);
- **B-cubed** (Bagga and Baldwin 1998): for each mention m, with K its cluster in the
  reference and R in the other layer, precision_m = |K ∩ R| / |R| and recall_m =
  |K ∩ R| / |K|; precision and recall are their means over mentions, F1 their harmonic mean.
  Sums are kept (``BCubed``) so stories and pairs add up mention by mention.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annotations.agreement.matching import matching
from annotations.agreement.tally import Counts
from annotations.agreement.units import Mode, Place, Unit


@dataclass
class BCubed:
    precision_sum: float = 0.0
    recall_sum: float = 0.0
    mentions: int = 0

    def add(self, other: BCubed) -> None:
        self.precision_sum += other.precision_sum
        self.recall_sum += other.recall_sum
        self.mentions += other.mentions

    @property
    def precision(self) -> float | None:
        return self.precision_sum / self.mentions if self.mentions else None

    @property
    def recall(self) -> float | None:
        return self.recall_sum / self.mentions if self.mentions else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


def components(mentions: Sequence[Place], links: Iterable[tuple[Place, Place]]) -> list[int]:
    """The cluster (a root index) of each mention, by union-find over the links; links to
    places that are not mentions are left out."""
    index = {place: i for i, place in enumerate(mentions)}
    parent = list(range(len(mentions)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for x, y in links:
        if x in index and y in index:
            parent[root(index[x])] = root(index[y])
    return [root(i) for i in range(len(mentions))]


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def compare(
    a_mentions: Sequence[Unit],
    a_links: Iterable[tuple[Place, Place]],
    b_mentions: Sequence[Unit],
    b_links: Iterable[tuple[Place, Place]],
    mode: Mode = "exact",
    min_iou: float = 0.0,
) -> tuple[Counts, BCubed]:
    """Pairwise link counts and B-cubed sums of two layers' clusterings of one story."""
    a_mentions, b_mentions = list(dict.fromkeys(a_mentions)), list(dict.fromkeys(b_mentions))
    pairs = matching(a_mentions, b_mentions, mode, min_iou)
    if not pairs:
        return Counts(), BCubed()
    a_of = components([u.places[0] for u in a_mentions], a_links)  # type: ignore[misc]
    b_of = components([u.places[0] for u in b_mentions], b_links)  # type: ignore[misc]
    key = [a_of[i] for i, _ in pairs]  # each common mention's cluster in either layer
    response = [b_of[j] for _, j in pairs]
    key_size, response_size = Counter(key), Counter(response)
    both = Counter(zip(key, response, strict=True))
    links = Counts(
        tp=sum(_pairs(n) for n in both.values()),
        a=sum(_pairs(n) for n in key_size.values()),
        b=sum(_pairs(n) for n in response_size.values()),
    )
    b3 = BCubed(
        precision_sum=sum(n * n / response_size[r] for (_, r), n in both.items()),
        recall_sum=sum(n * n / key_size[k] for (k, _), n in both.items()),
        mentions=len(pairs),
    )
    return links, b3
