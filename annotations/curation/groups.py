"""Pure: the curation view of one document, unit by unit.

The layers' units (``agreement.units.set_units``) are grouped with ``agreement.matching.consensus``
(exact or overlap matching), so curation, auto-merge and the agreement figures agree on what
"the same unit" is. Each ``CurationGroup`` is one unit as the layers made it:

- ``members``: the layers that made it, with their own unit each (under overlap matching
  the members may differ a little; ``unit`` is the one most of them made exactly);
- ``agreed``: every layer made it, with the same attributes (spans) or value (stances and
  answers, which consensus already splits by value), and there are two layers at least (a
  single layer agrees with nobody);
- ``gold``: the gold set's unit matching it (same matching, and the same value for stances
  and answers), or None; a gold unit no group matches is a group of its own, without
  members (added by hand);
- ``rejected``: a reviewer kept it out of gold (``unit_key`` of any member was rejected).

Its ``state`` is ``gold``, ``rejected`` or ``open``. ``merge_candidates`` are the open groups
at least ``k`` layers made: what auto-merge puts into gold.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import orjson

from annotations.agreement.matching import consensus, matching
from annotations.agreement.units import Mode, Unit

VALUED = ("stance", "answer")  # kinds whose value is part of what a group is


def unit_key(unit: Unit) -> str:
    """A unit's name in the curation view and in stored rejections: a hash of its identity
    (and of its value, for stances and answers), the same in every layer and every visit."""
    places = [[p.document, p.label, p.pieces] if p else None for p in unit.places]
    value = unit.value if unit.kind in VALUED else None
    canonical = orjson.dumps([unit.kind, unit.tag, places, repr(value)])
    return hashlib.sha256(canonical).hexdigest()


@dataclass
class CurationGroup:
    key: str
    kind: str
    unit: Unit  # the members' most common unit; the gold unit when there are no members
    members: dict[str, Unit] = field(default_factory=dict)
    agreed: bool = False
    gold: Unit | None = None
    rejected: bool = False

    @property
    def layers(self) -> tuple[str, ...]:
        return tuple(self.members)

    @property
    def state(self) -> str:
        if self.gold is not None:
            return "gold"
        return "rejected" if self.rejected else "open"


def _value_key(unit: Unit) -> Hashable:
    return unit.value if unit.kind in VALUED else None


def _gold_pairs(
    units: Sequence[Unit], gold: Sequence[Unit], mode: Mode, min_iou: float
) -> dict[int, int]:
    """Which gold unit each group's unit matches (index -> index), one to one, by the
    agreement matching; stances and answers only with the same value."""
    by_value_units: dict[Hashable, list[int]] = defaultdict(list)
    by_value_gold: dict[Hashable, list[int]] = defaultdict(list)
    for i, unit in enumerate(units):
        by_value_units[(unit.kind, _value_key(unit))].append(i)
    for j, unit in enumerate(gold):
        by_value_gold[(unit.kind, _value_key(unit))].append(j)
    pairs: dict[int, int] = {}
    for value, mine in by_value_units.items():
        theirs = by_value_gold.get(value)
        if not theirs:
            continue
        found = matching([units[i] for i in mine], [gold[j] for j in theirs], mode, min_iou)
        pairs.update({mine[a]: theirs[b] for a, b in found})
    return pairs


def curation_groups(
    layers: Mapping[str, Iterable[Unit]],
    gold: Iterable[Unit],
    rejected: Collection[str] = (),
    mode: Mode = "exact",
    min_iou: float = 0.0,
) -> list[CurationGroup]:
    """Every unit of the layers and of gold, grouped, in reading order (kind, then place)."""
    layers = {name: list(units) for name, units in layers.items()}
    gold = list(dict.fromkeys(gold))
    found = consensus(layers, k=max(len(layers), 1), mode=mode, min_iou=min_iou)
    made = found.agreed + found.short
    pairs = _gold_pairs([g.unit for g in made], gold, mode, min_iou)
    groups = []
    for index, group in enumerate(made):
        values = {repr(unit.value) for unit in group.members.values()}
        members = dict(group.members)
        groups.append(
            CurationGroup(
                key=unit_key(group.unit),
                kind=group.unit.kind,
                unit=group.unit,
                members=members,
                agreed=len(layers) > 1 and len(members) == len(layers) and len(values) == 1,
                gold=gold[pairs[index]] if index in pairs else None,
                rejected=any(unit_key(unit) in rejected for unit in members.values()),
            )
        )
    matched = set(pairs.values())
    for j, unit in enumerate(gold):
        if j not in matched:
            groups.append(CurationGroup(key=unit_key(unit), kind=unit.kind, unit=unit, gold=unit))
    groups.sort(key=lambda g: g.unit.sort_key())
    return _unique_keys(groups)


def _unique_keys(groups: list[CurationGroup]) -> list[CurationGroup]:
    """Two groups can share a unit's identity (a gold unit added by hand beside a group it
    does not match): the later ones get a numbered key."""
    seen: dict[str, int] = {}
    for group in groups:
        count = seen.get(group.key, 0)
        seen[group.key] = count + 1
        if count:
            group.key = f"{group.key}-{count}"
    return groups


def merge_candidates(groups: Iterable[CurationGroup], k: int) -> list[CurationGroup]:
    """The groups auto-merge puts into gold: open (not in gold, not rejected) and made by at
    least ``k`` layers. Spans come first, so relations and stances find their ends."""
    chosen = [g for g in groups if g.state == "open" and len(g.members) >= k]
    return sorted(chosen, key=lambda g: ("span", "relation", "stance", "answer").index(g.kind))


def disagreement(groups: Sequence[CurationGroup], layer_count: int) -> float | None:
    """The share of the layers' units that not every layer made alike; None when there is
    nothing to compare (no unit, or fewer than two layers)."""
    made = [g for g in groups if g.members]
    if not made or layer_count < 2:
        return None
    return sum(not g.agreed for g in made) / len(made)
