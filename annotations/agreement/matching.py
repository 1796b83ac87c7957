"""Pure: when two layers' units are the same (``units.py`` says what a unit is).

**Matching two layers.** ``matching(a, b, mode, min_iou)`` pairs units of ``a`` with units of
``b`` one to one: equal identities first, then (``mode="overlap"``) units of the same kind and
tag whose places overlap pairwise (None with None), best total IoU first; ties go by content,
so the matching is the same (mirrored) whichever layer comes first. Counts of matched and
unmatched units make F1 well defined.

**Several layers.** ``consensus(layers, k, mode, min_iou)`` groups the units of several
layers of one document (a layer at most once in a group; each layer is matched against the
groups made so far, in the order given) and splits it into the groups at least ``k`` layers
agree on and those that fall short, each with the layers that had it. For kinds in
``same_value`` (stances and answers by default) the layers must also give the same value:
a holder's stance read as favor by two layers and against by one is two groups. A group's
``unit`` is the member most layers have exactly as it is (the first such, on a tie).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from annotations.agreement.units import Mode, Place, Unit, length, shared

# --- matching two layers -----------------------------------------------------------------


def _bucket(unit: Unit) -> tuple[Any, ...]:
    """Units that can overlap share a bucket: kind, tag, and each place's document and label
    (in sorted order for symmetric relations)."""
    ends = [(p.document, p.label) if p else None for p in unit.places]
    if unit.symmetric:
        ends.sort(key=repr)
    return (unit.kind, unit.tag, tuple(ends))


def _places_score(a: Sequence[Place | None], b: Sequence[Place | None], min_iou: float) -> float:
    """The summed IoU of places taken in order, or -1 when a pair does not overlap."""
    total = 0.0
    for x, y in zip(a, b, strict=True):
        if x is None or y is None:
            if x is not y:
                return -1.0
            total += 1.0
            continue
        if x.document != y.document or x.label != y.label:
            return -1.0
        xp, yp = x.pieces, y.pieces
        if len(xp) == 1 and len(yp) == 1:  # most spans: one piece each
            (xs, xe), (ys, ye) = xp[0], yp[0]
            both = max(0, min(xe, ye) - max(xs, ys))
            score = both / ((xe - xs) + (ye - ys) - both) if both else 0.0
        else:
            both = shared(xp, yp)
            score = both / (length(xp) + length(yp) - both) if both else 0.0
        if both == 0 or score < min_iou:
            return -1.0
        total += score
    return total


def unit_score(a: Unit, b: Unit, min_iou: float = 0.0) -> float:
    """How well two units overlap: the summed IoU of their places (a symmetric relation in
    either direction), or -1 when they do not match under overlap."""
    if a.kind != b.kind or a.tag != b.tag:
        return -1.0
    score = _places_score(a.places, b.places, min_iou)
    if a.symmetric and len(a.places) == 2:
        score = max(score, _places_score(a.places, b.places[::-1], min_iou))
    return score


def _anchor(unit: Unit) -> Place | None:
    for place in unit.places:  # a plain loop: called for every unit of every overlap join
        if place is not None:
            return place
    return None


@dataclass
class _Sweep:
    """One bucket of units, sorted by where their first place starts, for an overlap join."""

    order: list[int]
    starts: list[int]
    widest: int

    @classmethod
    def of(cls, indices: list[int], units: Sequence[Unit]) -> _Sweep:
        anchors = {j: _anchor(units[j]) for j in indices}
        order = sorted(indices, key=lambda j: anchors[j].start)  # type: ignore[union-attr]
        starts = [anchors[j].start for j in order]  # type: ignore[union-attr]
        widest = max(anchors[j].end - anchors[j].start for j in order)  # type: ignore[union-attr]
        return cls(order, starts, widest)

    def near(self, unit: Unit) -> list[int]:
        """The units whose first place can overlap ``unit``'s (all, for symmetric
        relations: their first place may be either end)."""
        if unit.symmetric:
            return self.order
        place = _anchor(unit)
        lo = bisect_left(self.starts, place.start - self.widest + 1)  # type: ignore[union-attr]
        return self.order[lo : bisect_left(self.starts, place.end)]  # type: ignore[union-attr]


_FEW_PAIRS = 64  # below this many pairs, scoring each costs less than sorting into sweeps


def _overlap_candidates(
    a: Sequence[Unit], b: Sequence[Unit], min_iou: float
) -> list[tuple[float, int, int]]:
    """Pairs (-score, index in a, index in b) of units that overlap, found bucket by bucket
    with a sweep over where their first places start (or, for a few units, by scoring every
    pair: what the buckets and sweeps leave out could not score)."""
    if len(a) * len(b) <= _FEW_PAIRS:
        buckets = [_bucket(y) if _anchor(y) is not None else None for y in b]
        return [
            (-score, i, j)
            for i, x in enumerate(a)
            if _anchor(x) is not None
            for j in _same(buckets, _bucket(x))
            if (score := unit_score(x, b[j], min_iou)) >= 0
        ]
    by_bucket: dict[Any, list[int]] = defaultdict(list)
    for j, unit in enumerate(b):
        if _anchor(unit) is not None:
            by_bucket[_bucket(unit)].append(j)
    sweeps = {key: _Sweep.of(indices, b) for key, indices in by_bucket.items()}
    found: list[tuple[float, int, int]] = []
    for i, unit in enumerate(a):
        sweep = sweeps.get(_bucket(unit))
        if sweep is None or _anchor(unit) is None:
            continue
        for j in sweep.near(unit):
            score = unit_score(unit, b[j], min_iou)
            if score >= 0:
                found.append((-score, i, j))
    return found


def _same(buckets: list[Any], bucket: Any) -> list[int]:
    return [j for j, other in enumerate(buckets) if other == bucket]


def _tie_keys(x: Unit, y: Unit) -> tuple[Any, Any]:
    """Order-free keys for ties, so that ``matching(a, b)`` mirrors ``matching(b, a)``."""
    kx, ky = x.sort_key(), y.sort_key()
    return (kx, ky) if kx <= ky else (ky, kx)


def matching(
    a: Sequence[Unit], b: Sequence[Unit], mode: Mode = "exact", min_iou: float = 0.0
) -> list[tuple[int, int]]:
    """A one-to-one matching of ``a``'s units with ``b``'s, as (index in a, index in b):
    equal identities first, then (overlap) the best-overlapping remaining pairs."""
    waiting: dict[Unit, list[int]] = defaultdict(list)
    for j, unit in enumerate(b):
        waiting[unit].append(j)
    pairs: list[tuple[int, int]] = []
    rest_a: list[int] = []
    for i, unit in enumerate(a):
        same = waiting.get(unit)
        if same:
            pairs.append((i, same.pop(0)))
        else:
            rest_a.append(i)
    if mode == "exact" or not rest_a:
        return pairs
    rest_b = [j for js in waiting.values() for j in js]
    if not rest_b:
        return pairs
    index_b = sorted(rest_b)
    sub_a, sub_b = [a[i] for i in rest_a], [b[j] for j in index_b]
    pairs.extend((rest_a[i], index_b[j]) for i, j in overlap_matching(sub_a, sub_b, min_iou))
    return pairs


def overlap_matching(
    a: Sequence[Unit], b: Sequence[Unit], min_iou: float = 0.0
) -> list[tuple[int, int]]:
    """The overlap half of ``matching``, for units of which none is equal to one of the
    other side: the best-overlapping pairs first, each unit in one pair at most. Pairs of
    the same score are taken in the order of their tie keys (``_tie_keys``), worked out
    only for them (most scores differ)."""
    candidates = _overlap_candidates(a, b, min_iou)
    candidates.sort(key=lambda c: c[0])
    ordered: list[tuple[float, int, int]] = []
    start = 0
    while start < len(candidates):  # each run of equal scores, sorted by its tie keys
        end = start + 1
        while end < len(candidates) and candidates[end][0] == candidates[start][0]:
            end += 1
        run = candidates[start:end]
        if len(run) > 1:
            run.sort(key=lambda c: _tie_keys(a[c[1]], b[c[2]]))
        ordered.extend(run)
        start = end
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in ordered:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j))
    return pairs


def matched(a: Unit, b: Unit, mode: Mode = "exact", min_iou: float = 0.0) -> bool:
    """Whether two units match on their own (the rule ``matching`` pairs by)."""
    return a == b or (mode == "overlap" and unit_score(a, b, min_iou) >= 0)


# --- several layers of one document --------------------------------------------------------


@dataclass
class Group:
    """Units of several layers taken to be one: ``members`` by layer name, ``unit`` the
    member most of them have exactly."""

    members: dict[str, Unit]

    @property
    def layers(self) -> tuple[str, ...]:
        return tuple(self.members)

    @property
    def unit(self) -> Unit:
        if len(self.members) <= 2:  # each has the same count: the first
            return next(iter(self.members.values()))
        members = list(self.members.values())
        if len(members) == 3:
            first, second, third = members
            return second if first != second and first != third and second == third else first
        counts = Counter(members)
        best = max(counts.values())
        return next(u for u in self.members.values() if counts[u] == best)


@dataclass
class Consensus:
    agreed: list[Group]  # at least k layers had the unit
    short: list[Group]  # fewer than k: who had it


def consensus(
    layers: Mapping[str, Iterable[Unit]],
    k: int,
    mode: Mode = "exact",
    min_iou: float = 0.0,
    same_value: Collection[str] = ("stance", "answer"),
) -> Consensus:
    """The units of one document's layers that at least ``k`` of them agree on, and those
    that fall short (see the module's docstring)."""
    groups = _exact_groups(layers) if mode == "exact" else _overlap_groups(layers, min_iou)
    keyed: list[tuple[Any, Group]] = []  # each group's unit worked out once, to sort by
    for group in groups:
        unit = group.unit
        if unit.kind not in same_value:
            keyed.append((unit.sort_key(), group))
            continue
        by_value: dict[Hashable, dict[str, Unit]] = {}
        for name, member in group.members.items():
            by_value.setdefault(member.value, {})[name] = member
        for members in by_value.values():
            part = Group(members)
            keyed.append((part.unit.sort_key(), part))
    keyed.sort(key=lambda pair: pair[0])
    split = [group for _, group in keyed]
    return Consensus(
        agreed=[g for g in split if len(g.members) >= k],
        short=[g for g in split if len(g.members) < k],
    )


def _overlap_groups(layers: Mapping[str, Iterable[Unit]], min_iou: float) -> list[Group]:
    groups: list[Group] = []
    for name, units in layers.items():
        mine = list(dict.fromkeys(units))  # a unit marked twice in a layer counts once
        representatives = [g.unit for g in groups]
        pairs = matching(representatives, mine, "overlap", min_iou)
        for g, u in pairs:
            groups[g].members[name] = mine[u]
        taken = {u for _, u in pairs}
        groups.extend(Group({name: unit}) for u, unit in enumerate(mine) if u not in taken)
    return groups


def _exact_groups(layers: Mapping[str, Iterable[Unit]]) -> list[Group]:
    """The groups ``_overlap_groups`` makes under exact matching, found by identity: every
    member of a group is equal to the unit that opened it, so a unit joins the group of the
    unit it equals, or opens one."""
    groups: dict[tuple[Any, ...], Group] = {}
    for name, units in layers.items():
        for unit in units:
            group = groups.get(unit.key)
            if group is None:
                groups[unit.key] = Group({name: unit})
            elif name not in group.members:  # a unit marked twice in a layer counts once
                group.members[name] = unit
    return list(groups.values())
