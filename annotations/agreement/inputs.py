"""Pure: what an agreement report is computed from, the measures it can hold, and the units
of each layer on each document, made once for every measure.

``Inputs`` holds the layers (``layer name -> document -> LayerSet``: the set's contents as the
API gives them, the spans' text and rows' provenance aside, and when it was submitted), the
documents (title, story, and the text when token-based F1 is asked for) and the project's
schema. A relation whose target lies in
another document carries that span as ``target_span`` with its ``target_document`` (the
selector reads them with the relation), so links are placed whatever documents were chosen.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from annotations.agreement.attribution import attribution_units
from annotations.agreement.units import Mode, Unit, set_units

# measure -> (name, statistic, whether its value is a mean over pairs)
MEASURES: dict[str, tuple[str, str, bool]] = {
    "spans.exact": ("Spans: F1, exact match (bratiaa instance-based)", "f1", True),
    "spans.tokens": ("Spans: F1 by token (bratiaa token-based)", "f1", True),
    "spans.overlap": ("Spans: F1, overlap match", "f1", True),
    "relations.exact": ("Relations: F1, exact spans", "f1", True),
    "relations.overlap": ("Relations: F1, overlapping spans", "f1", True),
    "attribution.exact": ("Attribution pairs and triples: F1, exact spans", "f1", True),
    "attribution.overlap": ("Attribution pairs and triples: F1, overlapping spans", "f1", True),
    "links.pairwise": ("Cross-document links: pairwise link F1", "link_f1", True),
    "links.bcubed": ("Cross-document links: B-cubed F1", "b_cubed_f1", True),
    "stances.cohen": ("Stance values: Cohen's kappa", "cohen_kappa", True),
    "stances.fleiss": ("Stance values: Fleiss' kappa", "fleiss_kappa", False),
    "stances.alpha": ("Stance values: Krippendorff's alpha", "krippendorff_alpha", False),
    "attributes.cohen": ("Span attributes: Cohen's kappa", "cohen_kappa", True),
    "attributes.fleiss": ("Span attributes: Fleiss' kappa", "fleiss_kappa", False),
    "attributes.alpha": ("Span attributes: Krippendorff's alpha", "krippendorff_alpha", False),
    "answers.cohen": ("Document answers: Cohen's kappa", "cohen_kappa", True),
    "answers.fleiss": ("Document answers: Fleiss' kappa", "fleiss_kappa", False),
    "answers.alpha": ("Document answers: Krippendorff's alpha", "krippendorff_alpha", False),
}
PERIODS = ("day", "week", "month")
FAMILIES = tuple(dict.fromkeys(m.split(".")[0] for m in MEASURES))


def expand_measures(names: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Measures by name, a family (``spans``) standing for its measures; ``ValueError``
    naming the first unknown one."""
    out: list[str] = []
    for name in names:
        if name in FAMILIES:
            out += [m for m in MEASURES if m.startswith(f"{name}.")]
        elif name in MEASURES:
            out.append(name)
        else:
            known = ", ".join((*FAMILIES, *MEASURES))
            raise ValueError(f"unknown measure {name!r}: use one of {known}")
    return tuple(dict.fromkeys(out))


@dataclass(frozen=True)
class Options:
    measures: tuple[str, ...] = tuple(MEASURES)
    labels: frozenset[str] | None = None  # keep only these labels (each measure's own)
    against: str | None = None  # compare every other layer with this one only
    match: Mode = "exact"  # pairing of stance holders, attributes' spans, link mentions
    min_iou: float = 0.0
    period: str = "week"


@dataclass
class LayerSet:
    contents: Mapping[str, Any]
    submitted_at: datetime | None = None


@dataclass
class DocumentInfo:
    title: str
    story: int | None = None
    text: str | None = None


@dataclass
class Inputs:
    layers: dict[str, dict[int, LayerSet]]
    documents: dict[int, DocumentInfo]
    schema: Mapping[str, Any]
    stories: dict[int, str] = field(default_factory=dict)  # story id -> name


@dataclass
class LayerUnits:
    """One layer's units on one document, by kind (with the label filter applied)."""

    spans: list[Unit]
    relations: list[Unit]
    attribution: list[Unit]
    stances: list[Unit]
    answers: list[Unit]
    submitted_at: datetime | None


def symmetric_types(schema: Mapping[str, Any]) -> frozenset[str]:
    return frozenset(t["key"] for t in schema.get("relation_types", []) if not t.get("directed"))


def cross_document_types(schema: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [t for t in schema.get("relation_types", []) if t.get("cross_document")]


class SpansElsewhere(Mapping[int, tuple[int, Mapping[str, Any]]]):
    """The spans links of a layer point at in other documents, by id: first those the links
    carry (``target_span``, which the selector gives every link to another document), then,
    only if an id is not among them, every span of the layer (looked through once). Both
    describe the same span, so the answer is the same whichever is found; the layer's
    thousands of spans are seldom read (only for contents given without ``target_span``)."""

    def __init__(self, sets: Mapping[int, LayerSet]) -> None:
        self.sets = sets
        self.carried: dict[int, tuple[int, Mapping[str, Any]]] = {}
        for layer_set in sets.values():
            for relation in layer_set.contents.get("relations") or []:
                target = relation.get("target_span")
                if target is not None:
                    self.carried[relation["target"]] = (relation["target_document"], target)
        self._all: dict[int, tuple[int, Mapping[str, Any]]] | None = None

    def _every(self) -> dict[int, tuple[int, Mapping[str, Any]]]:
        if self._all is None:
            self._all = {}
            for document, layer_set in self.sets.items():
                for span in layer_set.contents.get("spans") or []:
                    self._all[span["id"]] = (document, span)
        return self._all

    def __contains__(self, span_id: object) -> bool:
        return span_id in self.carried or span_id in self._every()

    def __getitem__(self, span_id: int) -> tuple[int, Mapping[str, Any]]:
        if span_id in self.carried:
            return self.carried[span_id]
        return self._every()[span_id]

    def __iter__(self) -> Iterator[int]:
        return iter({**self._every(), **self.carried})

    def __len__(self) -> int:
        return len({**self._every(), **self.carried})

    def __bool__(self) -> bool:  # not by counting, which would look through every span
        return True


def spans_elsewhere(sets: Mapping[int, LayerSet]) -> SpansElsewhere:
    """The spans links of a layer point at in other documents, by id (``SpansElsewhere``)."""
    return SpansElsewhere(sets)


def layer_units(inputs: Inputs, options: Options) -> dict[str, dict[int, LayerUnits]]:
    """Every layer's units on every document it has a set on."""
    symmetric = symmetric_types(inputs.schema)
    keep = options.labels

    def kept(units: list[Unit]) -> list[Unit]:
        return units if keep is None else [u for u in units if u.label in keep]

    out: dict[str, dict[int, LayerUnits]] = {}
    for layer, sets in inputs.layers.items():
        elsewhere = spans_elsewhere(sets)
        out[layer] = {}
        for document, layer_set in sets.items():
            units = set_units(
                layer_set.contents, document, spans_elsewhere=elsewhere, symmetric=symmetric
            )
            kinds: dict[str, list[Unit]] = {k: [] for k in ("span", "relation", "stance", "answer")}
            for unit in units:
                kinds[unit.kind].append(unit)
            out[layer][document] = LayerUnits(
                spans=kinds["span"],  # filtered by label where they are counted
                relations=kinds["relation"],
                attribution=kept(attribution_units(kinds["relation"])),
                stances=kept(kinds["stance"]),
                answers=kept(kinds["answer"]),
                submitted_at=layer_set.submitted_at,
            )
    return out
