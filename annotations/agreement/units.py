"""Pure: what a unit of annotation is, and where it lies (its places).

Agreement, auto-merge and the curation view all compare *layers* (an annotator's sets, a
model's, gold) unit by unit. This module says what is compared. It reads a set's contents as
the API and the export give them: spans ``{id, label, start, end, fragments, text, ...}``,
relations ``{id, type, source, target}``, stances ``{id, holder, target, object, value}`` and
answers ``{question: value}`` (``{question: {target: value}}`` when asked per target).

**Places.** A span is a ``Place``: its document, label and pieces (its ``fragments``, or
``[[start, end]]``), in code points. Two places are

- the *same* (``exact``) when document, label and pieces are equal;
- *overlapping* (``overlap``) when document and label are equal and a piece of one shares a
  code point with a piece of the other; ``iou`` is the code points both cover over those
  either covers, and ``overlap(a, b, min_iou)`` also asks for at least that IoU.

**Units.** ``Unit`` is what is counted: ``kind`` (span, relation, stance, answer), ``tag``
(the parts of its identity that are not spans), ``places`` (the spans it is made of, None
for the document) and ``value`` (its category, not part of its identity):

- span: tag ``()``, places ``(the span,)``, value its attributes (a sorted tuple);
- relation: tag ``(type,)``, places ``(source, target)``; the target's place names its own
  document, so a link across documents is told apart; a symmetric type (SAME_CLAIM) keeps its
  two places in sorted order, so either direction is the same unit;
- stance: tag ``(target key or "",)``, places ``(holder or None, object span or None)``,
  value the stance value;
- answer: tag ``(question, target key or "")``, no places, value the answer (a sorted tuple
  for several choices).

Units compare equal (and hash) by identity ``(kind, tag, places)``. ``set_units`` makes the
units of one set; ``spans_elsewhere`` gives the spans that links to other documents point at.

Matching layers of these units is ``matching.py``.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

Pieces = tuple[tuple[int, int], ...]
Mode = Literal["exact", "overlap"]
KINDS = ("span", "relation", "attribution", "stance", "answer")


class Place(NamedTuple):
    """Where a span is: its document, label and pieces (sorted, not touching). A named tuple:
    hundreds of thousands are made for a large report, and a tuple is the cheapest object
    that hashes and orders by its fields."""

    document: int
    label: str
    pieces: Pieces

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def pieces_of(span: Mapping[str, Any]) -> Pieces:
    fragments = span.get("fragments")
    if fragments:
        return tuple((int(s), int(e)) for s, e in fragments)
    return ((int(span["start"]), int(span["end"])),)


def place_of(span: Mapping[str, Any], document: int) -> Place:
    return _new_tuple(Place, (document, span["label"], pieces_of(span)))


_new_tuple = tuple.__new__  # a Place without the named tuple's own __new__ (one call less)


def length(pieces: Pieces) -> int:
    return sum(e - s for s, e in pieces)


def shared(a: Pieces, b: Pieces) -> int:
    """How many code points both cover."""
    if len(a) == 1 and len(b) == 1:
        return max(0, min(a[0][1], b[0][1]) - max(a[0][0], b[0][0]))
    total, i, j = 0, 0, 0
    while i < len(a) and j < len(b):
        total += max(0, min(a[i][1], b[j][1]) - max(a[i][0], b[j][0]))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return total


def iou(a: Place, b: Place) -> float:
    """Code points both cover over code points either covers (0 for other labels)."""
    if a.document != b.document or a.label != b.label:
        return 0.0
    both = shared(a.pieces, b.pieces)
    return both / (length(a.pieces) + length(b.pieces) - both)


def exact(a: Place, b: Place) -> bool:
    return a == b


def overlap(a: Place, b: Place, min_iou: float = 0.0) -> bool:
    """Same document and label, at least one code point in common, and IoU >= ``min_iou``."""
    if a.document != b.document or a.label != b.label:
        return False
    both = shared(a.pieces, b.pieces)
    return both > 0 and both / (length(a.pieces) + length(b.pieces) - both) >= min_iou


@dataclass(slots=True, eq=False, init=False)
class Unit:
    """One span, relation, stance or answer of a layer, compared by identity. Not to be
    changed once made (it is hashed); not a frozen dataclass only because making one costs
    twice as much, and a large report makes a few hundred thousand."""

    kind: str
    tag: tuple[str, ...]
    places: tuple[Place | None, ...]
    value: Hashable = None
    symmetric: bool = False
    row: Any = field(default=None, repr=False)  # the row it was made from
    # The identity, and its hash, worked out once: units are hashed in every grouping and
    # matching (about two million times for the agreement benchmark's report), and sets of
    # identities (tuples) are compared faster than sets of units (``Unit.__eq__`` is Python).
    key: tuple[Any, ...] = field(init=False, repr=False)
    _hash: int = field(init=False, repr=False)

    def __init__(
        self,
        kind: str,
        tag: tuple[str, ...],
        places: tuple[Place | None, ...],
        value: Hashable = None,
        symmetric: bool = False,
        row: Any = None,
    ) -> None:
        self.kind, self.tag, self.places = kind, tag, places
        self.value, self.symmetric, self.row = value, symmetric, row
        self.key = (kind, tag, places)
        self._hash = hash(self.key)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Unit:
            return NotImplemented
        return (
            self._hash == other._hash  # type: ignore[attr-defined]
            and self.kind == other.kind  # type: ignore[attr-defined]
            and self.tag == other.tag  # type: ignore[attr-defined]
            and self.places == other.places  # type: ignore[attr-defined]
        )

    @property
    def identity(self) -> tuple[Any, ...]:
        return self.key

    @property
    def label(self) -> str:
        """What per-label figures group it by: a span's label, a relation's type, a stance's
        target key (or its object's label), an answer's question."""
        if self.kind == "span":
            return self.places[0].label  # type: ignore[union-attr]
        if self.kind == "stance" and not self.tag[0]:
            return self.places[1].label  # type: ignore[union-attr]
        return self.tag[0]

    @property
    def document(self) -> int | None:
        """The document of its first place (None for answers and document stances on
        targets)."""
        return next((p.document for p in self.places if p is not None), None)

    def sort_key(self) -> tuple[Any, ...]:
        return (
            KINDS.index(self.kind),
            self.tag,
            tuple((0, p.document, p.pieces, p.label) if p else (-1,) for p in self.places),
        )


_SCALARS = frozenset({str, int, float, bool, type(None)})


def frozen(value: Any) -> Hashable:
    """A JSON value as a hashable category: lists as sorted tuples, objects as sorted pairs."""
    if isinstance(value, list):
        return tuple(sorted((frozen(v) for v in value), key=repr))
    if isinstance(value, dict):
        if all(type(v) in _SCALARS for v in value.values()):  # most attributes: no recursion
            return tuple(sorted(value.items()))
        return tuple(sorted((k, frozen(v)) for k, v in value.items()))
    return value


def span_unit(span: Mapping[str, Any], document: int) -> Unit:
    attributes = frozen(span.get("attributes") or {})
    return Unit("span", (), (place_of(span, document),), attributes, row=span)


def set_units(
    contents: Mapping[str, Any],
    document: int,
    *,
    spans_elsewhere: Mapping[int, tuple[int, Mapping[str, Any]]] | None = None,
    symmetric: Collection[str] = (),
) -> list[Unit]:
    """The units of one set of ``document``: its spans, relations, stances and answers.

    ``spans_elsewhere`` maps the id of a span in another document of the story to
    ``(document, span)``, for relations that link there; ``symmetric`` names the relation
    types read in both directions. A relation or stance naming a span found nowhere is left
    out (it cannot be compared)."""
    spans = contents.get("spans") or []
    places = {s["id"]: place_of(s, document) for s in spans if "id" in s}
    elsewhere = spans_elsewhere or {}

    def place(span_id: Any) -> Place | None:
        if span_id in places:
            return places[span_id]
        if span_id in elsewhere:
            other_document, span = elsewhere[span_id]
            places[span_id] = place_of(span, other_document)
            return places[span_id]
        return None

    units = [
        Unit("span", (), (places[s["id"]],), frozen(s.get("attributes") or {}), row=s)
        if "id" in s
        else span_unit(s, document)
        for s in spans
    ]  # the places made above, not made again
    for relation in contents.get("relations") or []:
        source, target = place(relation["source"]), place(relation["target"])
        if source is None or target is None:
            continue
        both = symmetric and relation["type"] in symmetric
        ends = tuple(sorted((source, target))) if both else (source, target)
        tag = (relation["type"],)
        units.append(Unit("relation", tag, ends, symmetric=bool(both), row=relation))
    for stance in contents.get("stances") or []:
        holder = place(stance["holder"]) if stance.get("holder") is not None else None
        thing = place(stance["object"]) if stance.get("object") is not None else None
        if (stance.get("holder") is not None and holder is None) or (
            stance.get("object") is not None and thing is None
        ):
            continue
        tag = (stance.get("target") or "",)
        units.append(Unit("stance", tag, (holder, thing), stance["value"], row=stance))
    for question, value in (contents.get("answers") or {}).items():
        units.extend(answer_units(question, value))
    return units


def answer_units(question: str, value: Any) -> list[Unit]:
    """An answer's units: one, or one per target for a question answered per target."""
    if isinstance(value, dict):
        return [
            Unit("answer", (question, target), (), frozen(v), row={question: {target: v}})
            for target, v in value.items()
        ]
    return [Unit("answer", (question, ""), (), frozen(value), row={question: value})]
