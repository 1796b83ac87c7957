"""Pure: attribution as units, for attribution-triple F1.

PARC-style attribution links a claim (the content) to its source and its cue. In the
news-attribution schema it is two relation types: ``ATTRIBUTED_TO`` (claim -> source) and
``CUE_OF`` (cue -> claim). From a layer's relations on a document this makes

- a **pair** for each ``ATTRIBUTED_TO``: places ``(claim, source)``;
- a **triple** ``(source, cue, claim)`` for each claim attributed to a source and given a cue
  (a claim with two cues, or two sources, makes several triples).

Both are units of kind ``attribution`` (tag ``("pair",)`` or ``("triple",)``), compared like
any unit: exactly when every span is the same span, by overlap when each overlaps its
counterpart (``matching.matching``). Their label in reports is ``pair`` or ``triple``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from annotations.agreement.units import Place, Unit

ATTRIBUTED_TO = "ATTRIBUTED_TO"
CUE_OF = "CUE_OF"


def attribution_units(relations: Iterable[Unit]) -> list[Unit]:
    """The attribution pairs and triples of one layer's relation units on a document."""
    attributed: list[tuple[Place, Place]] = []
    cues: dict[Place, list[Place]] = defaultdict(list)
    for unit in relations:
        if unit.kind != "relation":
            continue
        if unit.tag == (ATTRIBUTED_TO,):
            attributed.append(unit.places)  # type: ignore[arg-type]
        elif unit.tag == (CUE_OF,):
            cue, claim = unit.places
            cues[claim].append(cue)  # type: ignore[index]
    units = []
    for claim, source in attributed:
        units.append(Unit("attribution", ("pair",), (claim, source)))
        units.extend(
            Unit("attribution", ("triple",), (source, cue, claim)) for cue in cues.get(claim, ())
        )
    return units
