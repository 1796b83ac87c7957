"""Pure: the counts and items every measure is made from, in one pass over the documents.

- F1 measures (spans, relations, attribution): a ``Tally`` each, filled pair by pair on each
  document both layers of the pair have (``f1.py``);
- cross-document links: a ``Tally`` of link counts and one of B-cubed sums, by pair, story
  and link type (``clusters.py``);
- categories (stances, attributes, answers): ``Item``s, each one thing the layers rated with
  the value each gave (``categorical.py`` turns them into kappa and alpha).

Items are made per document from ``matching.consensus`` at k = 1 over the layers on it (by the
``match`` option, values left out of the matching): a stance is the stance of one holder
toward one target or object; an attribute item is one choice (or bool, or multi-choice)
attribute of one span the layers marked; an answer item is one question (per target when
asked per target). A layer that does not have the thing has no value for it (missing).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import numpy as np

from annotations.agreement import clusters, f1
from annotations.agreement.clusters import BCubed
from annotations.agreement.inputs import Inputs, LayerUnits, Options, cross_document_types
from annotations.agreement.matching import consensus
from annotations.agreement.tally import Pair, Tally
from annotations.agreement.units import Unit

F1_KINDS = ("spans", "relations", "attribution")
CATEGORICAL_KINDS = ("stances", "attributes", "answers")


@dataclass
class Item:
    document: int
    label: str
    values: dict[str, Hashable]  # layer -> category


@dataclass
class Counted:
    tallies: dict[str, Tally]  # "spans.exact", ..., "links.pairwise", "links.bcubed"
    items: dict[str, list[Item]]  # "stances", "attributes", "answers"
    pairs: list[Pair]


def layer_pairs(layers: Iterable[str], against: str | None) -> list[Pair]:
    names = sorted(layers)
    if against is not None:
        return [(against, name) for name in names if name != against]
    return list(combinations(names, 2))


def counted(
    inputs: Inputs, units: Mapping[str, Mapping[int, LayerUnits]], options: Options
) -> Counted:
    wanted = {m.split(".")[0] for m in options.measures}
    pairs = layer_pairs(units, options.against)
    tallies: dict[str, Tally] = defaultdict(Tally)
    ready = _Ready(inputs, units, options)
    for document in inputs.documents:
        present = {name: by_doc[document] for name, by_doc in units.items() if document in by_doc}
        for a, b in pairs:
            if a in present and b in present:
                _count_pair(tallies, (a, b), document, present, ready)
    if "links" in wanted:
        _count_links(tallies, inputs, units, pairs, options)
    items = {
        kind: _items(kind, inputs, units, options) for kind in CATEGORICAL_KINDS if kind in wanted
    }
    return Counted(tallies=dict(tallies), items=items, pairs=pairs)


def _add(tally: Tally, pair: Pair, document: int, counts: Mapping[str, f1.Counts]) -> None:
    tally.seen(pair, document)
    for label, c in counts.items():
        tally.add(pair, document, label, c.tp, c.a, c.b)


class _Ready:
    """Each layer's units on each document made ready for counting (``f1.Side``) once, for
    every pair the layer is in; token bits once per layer over all its documents, and token
    counts once per pair over all the documents of the pair (``f1.Texts``)."""

    def __init__(
        self, inputs: Inputs, units: Mapping[str, Mapping[int, LayerUnits]], options: Options
    ) -> None:
        self.inputs, self.units, self.keep = inputs, units, options.labels
        self.wanted = set(options.measures)
        self.min_iou = options.min_iou
        self.sides: dict[tuple[str, int, str], f1.Side] = {}
        self.texts: f1.Texts | None = None
        self.index = {document: i for i, document in enumerate(inputs.documents)}
        self.bits: dict[str, f1.TokenBits] = {}
        self.token_counts: dict[Pair, dict[int, dict[str, f1.Counts]]] = {}
        self.labels: dict[str, int] = {}  # numbers of labels in token bits

    def side(self, layer: str, document: int, kind: str, units: LayerUnits) -> f1.Side:
        key = (layer, document, kind)
        if key not in self.sides:
            self.sides[key] = f1.side(getattr(units, kind), self.keep)
        return self.sides[key]

    def tokens(self, pair: Pair, document: int) -> dict[str, f1.Counts]:
        if pair not in self.token_counts:
            if self.texts is None:
                self.texts = f1.Texts([d.text or "" for d in self.inputs.documents.values()])
            a, b = (self._layer_bits(layer) for layer in pair)
            shared = np.zeros(len(self.index), dtype=bool)
            both = self.units[pair[0]].keys() & self.units[pair[1]].keys()
            shared[[self.index[d] for d in both if d in self.index]] = True
            by_index = self.texts.counts(a, b, shared, self.labels)
            documents = list(self.inputs.documents)
            self.token_counts[pair] = {documents[i]: c for i, c in by_index.items()}
        return self.token_counts[pair][document]

    def _layer_bits(self, layer: str) -> f1.TokenBits:
        if layer not in self.bits:
            keep, index = self.keep, self.index
            spans = (
                (index[d], [u for u in units.spans if keep is None or u.label in keep])
                for d, units in self.units[layer].items()
                if d in index
            )
            self.bits[layer] = self.texts.bits(spans, self.labels)  # type: ignore[union-attr]
        return self.bits[layer]


def _count_pair(
    tallies: dict[str, Tally],
    pair: Pair,
    document: int,
    present: Mapping[str, LayerUnits],
    ready: _Ready,
) -> None:
    wanted = ready.wanted
    a, b = pair
    for kind in F1_KINDS:
        exact, overlap = f"{kind}.exact" in wanted, f"{kind}.overlap" in wanted
        if not exact and not overlap:
            continue
        mine = ready.side(a, document, kind, present[a])
        theirs = ready.side(b, document, kind, present[b])
        if exact:
            _add(tallies[f"{kind}.exact"], pair, document, f1.exact_side_counts(mine, theirs))
        if overlap:
            counts = f1.overlap_side_counts(mine, theirs, ready.min_iou)
            _add(tallies[f"{kind}.overlap"], pair, document, counts)
    if "spans.tokens" in wanted:
        _add(tallies["spans.tokens"], pair, document, ready.tokens(pair, document))


def _count_links(
    tallies: dict[str, Tally],
    inputs: Inputs,
    units: Mapping[str, Mapping[int, LayerUnits]],
    pairs: list[Pair],
    options: Options,
) -> None:
    """Clusters of each cross-document link type, story by story, pair by pair."""
    stories: dict[int, list[int]] = defaultdict(list)
    for document, info in inputs.documents.items():
        if info.story is not None:
            stories[info.story].append(document)
    pairwise, bcubed = tallies["links.pairwise"], Tally(cell=BCubed)
    tallies["links.bcubed"] = bcubed
    for link_type in cross_document_types(inputs.schema):
        key = link_type["key"]
        if options.labels is not None and key not in options.labels:
            continue
        labels = set(link_type.get("from_labels", [])) | set(link_type.get("to_labels", []))
        for story, documents in stories.items():
            # each layer's mentions and links in the story once, for every pair it is in
            found = {
                layer: _mentions(by_document, documents, labels, key)
                for layer, by_document in units.items()
                if any(d in by_document for d in documents)
            }
            for a, b in pairs:
                if a not in found or b not in found:
                    continue
                (mentions_a, links_a), (mentions_b, links_b) = found[a], found[b]
                links, b3 = clusters.compare(
                    mentions_a, links_a, mentions_b, links_b, options.match, options.min_iou
                )
                pairwise.seen((a, b), story)
                pairwise.add((a, b), story, key, links.tp, links.a, links.b)
                bcubed.seen((a, b), story)
                bcubed.cells[((a, b), story, key)].add(b3)


def _mentions(
    by_document: Mapping[int, LayerUnits], documents: list[int], labels: set[str], link: str
) -> tuple[list[Unit], list[tuple[Any, Any]]]:
    mentions, links = [], []
    for document in documents:
        mine = by_document.get(document)
        if mine is None:
            continue
        mentions.extend(u for u in mine.spans if u.label in labels)
        links.extend(u.places for u in mine.relations if u.tag == (link,))
    return mentions, links


def _items(
    kind: str, inputs: Inputs, units: Mapping[str, Mapping[int, LayerUnits]], options: Options
) -> list[Item]:
    rated = _rated_attributes(inputs.schema)
    make: Callable[[dict[str, LayerUnits], int], list[Item]] = {
        "stances": lambda present, d: _grouped_items(present, d, "stances", options),
        "attributes": lambda present, d: _attribute_items(present, d, rated, options),
        "answers": lambda present, d: _grouped_items(present, d, "answers", options),
    }[kind]
    items: list[Item] = []
    for document in inputs.documents:
        present = {name: by_doc[document] for name, by_doc in units.items() if document in by_doc}
        if len(present) >= 2:
            items.extend(make(present, document))
    return items


def _grouped_items(
    present: dict[str, LayerUnits], document: int, kind: str, options: Options
) -> list[Item]:
    layers = {name: getattr(u, kind) for name, u in sorted(present.items())}
    groups = consensus(layers, 1, options.match, options.min_iou, same_value=()).agreed
    return [
        Item(document, g.unit.label, {name: unit.value for name, unit in g.members.items()})
        for g in groups
    ]


def _rated_attributes(schema: Mapping[str, Any]) -> dict[str, list[str]]:
    """Each label's attributes that are rated (all but text)."""
    return {
        label["key"]: [a["key"] for a in label.get("attributes", []) if a["type"] != "text"]
        for label in schema.get("span_labels", [])
    }


def _attribute_items(
    present: dict[str, LayerUnits],
    document: int,
    rated: Mapping[str, list[str]],
    options: Options,
) -> list[Item]:
    keep = options.labels
    layers = {name: u.spans for name, u in sorted(present.items())}
    items = []
    for group in consensus(layers, 1, options.match, options.min_iou, same_value=()).agreed:
        label = group.unit.label
        attributes = rated.get(label)
        if not attributes:
            continue
        given = [(name, dict(unit.value)) for name, unit in group.members.items()]  # type: ignore[arg-type]
        for attribute in attributes:
            key = f"{label}.{attribute}"
            if keep is not None and key not in keep and label not in keep:
                continue
            values = {name: v[attribute] for name, v in given if v.get(attribute) is not None}
            if values:
                items.append(Item(document, key, values))
    return items
