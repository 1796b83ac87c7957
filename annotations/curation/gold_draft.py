"""Pure: a document's gold set as a whole-set write, changed unit by unit.

``GoldDraft`` starts from the gold set's contents (as set responses give them: spans with
their ids) and changes the payload that ``annotation_set_write`` will check and store, so
curation writes gold through the one set writer (versions, locks, checks):

- ``accept(unit, provenance, ...)`` puts a layer's unit into gold. A span takes the place of
  the gold span it replaces (keeping that span's id, so links to it stay) or is added. A
  relation or a stance finds its ends among the gold spans (the same place, or under
  overlap matching the best-overlapping span of the label) and adds the ends gold lacks,
  with the attributes and provenance ``ends`` gives for them. A stance replaces gold's
  stance of the same holder toward the same thing; an answer replaces gold's answer.
  ``edit`` changes what is accepted: a span's label, pieces or attributes, a relation's type
  or attributes, a stance's or answer's value.
- ``remove(unit)`` takes a gold unit out (a span with the relations and stances on it).

A link to another document points at that document's gold span (``elsewhere``); when gold
has none there, ``DraftRefusal`` says so and nothing is changed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from annotations.agreement.units import Mode, Place, iou, pieces_of, place_of
from annotations.provenance import Provenance

Ends = Callable[[Place], tuple[dict[str, Any], Provenance]]
SPAN_TEXT_JOINER = " "  # the offset contract: fragments' texts joined by one space


class DraftRefusal(ValueError):
    """A unit that cannot go into gold as it stands (its message says why)."""


class GoldDraft:
    def __init__(
        self,
        contents: Mapping[str, Any],
        document: int,
        text: str,
        *,
        elsewhere: Mapping[int, Place] | None = None,
        mode: Mode = "exact",
        min_iou: float = 0.0,
    ):
        self.document = document
        self.text = text
        self.mode = mode
        self.min_iou = min_iou
        self.elsewhere = dict(elsewhere or {})  # gold spans of other documents, by id
        self.spans = [dict(s) for s in contents.get("spans") or []]
        self.relations = [dict(r) for r in contents.get("relations") or []]
        self.stances = [dict(s) for s in contents.get("stances") or []]
        self.answers = dict(contents.get("answers") or {})
        self.changed = False
        self._refs = 0

    # --- spans ---------------------------------------------------------------------------

    @staticmethod
    def name(item: Mapping[str, Any]) -> Any:
        """How relations and stances of the payload point at a span: its id or its ref."""
        return item["id"] if "id" in item else item["ref"]

    def _place(self, item: Mapping[str, Any]) -> Place:
        return place_of(item, self.document)

    def span_at(self, place: Place) -> Any:
        """The gold span at ``place`` (exactly; under overlap, else the best-overlapping one
        of the label), by name; None when gold has none."""
        return self._best(place, [(self.name(s), self._place(s)) for s in self.spans])

    def _best(self, place: Place, candidates: list[tuple[Any, Place]]) -> Any:
        for name, there in candidates:
            if there == place:
                return name
        if self.mode != "overlap":
            return None
        scored = [(iou(place, there), name) for name, there in candidates]
        scored = [(score, name) for score, name in scored if score > 0 and score >= self.min_iou]
        return max(scored, key=lambda pair: pair[0])[1] if scored else None

    def _span_item(
        self, place: Place, attributes: Mapping[str, Any], provenance: Provenance | None
    ) -> dict[str, Any]:
        pieces = [list(piece) for piece in place.pieces]
        return {
            "label": place.label,
            "start": place.start,
            "end": place.end,
            "fragments": pieces if len(pieces) > 1 else None,
            "text": SPAN_TEXT_JOINER.join(self.text[s:e] for s, e in place.pieces),
            "attributes": dict(attributes),
            "provenance": provenance,
        }

    def _span_put(
        self,
        place: Place,
        attributes: Mapping[str, Any],
        provenance: Provenance | None,
        replacing: Any = None,
    ) -> Any:
        """Put a span at ``place``: over the span named ``replacing`` (its id stays), or new."""
        item = self._span_item(place, attributes, provenance)
        for existing in self.spans:
            if replacing is not None and self.name(existing) == replacing:
                existing.update(item)
                self.changed = True
                return replacing
        self._refs += 1
        item["ref"] = f"curation-{self._refs}"
        self.spans.append(item)
        self.changed = True
        return item["ref"]

    def _end(self, place: Place, ends: Ends) -> Any:
        """A relation's or stance's end in gold: the gold span there, or a new one."""
        if place.document != self.document:
            found = self._best(place, [(i, p) for i, p in self.elsewhere.items()])
            if found is None:
                raise DraftRefusal(
                    f"The {place.label} this links to is not in the gold set of its document "
                    "yet: accept it there first."
                )
            return found
        found = self.span_at(place)
        if found is not None:
            return found
        attributes, provenance = ends(place)
        return self._span_put(place, attributes, provenance)

    # --- accepting -----------------------------------------------------------------------

    def accept(
        self,
        unit: Any,
        provenance: Provenance | None,
        *,
        ends: Ends,
        replacing: Any = None,
        edit: Mapping[str, Any] | None = None,
    ) -> None:
        """Put ``unit`` (an ``agreement.units.Unit`` of a layer) into gold, over the gold unit
        ``replacing`` when there is one, changed by ``edit`` when given."""
        edit = dict(edit or {})
        gone = replacing.row.get("id") if replacing is not None and replacing.row else None
        if unit.kind == "span":
            self._accept_span(unit, provenance, gone, edit)
        elif unit.kind == "relation":
            self._drop("relations", gone)
            self._accept_relation(unit, provenance, ends, edit)
        elif unit.kind == "stance":
            self._drop("stances", gone)
            self._accept_stance(unit, provenance, ends, edit)
        else:
            self._accept_answer(unit, edit)

    def _accept_span(
        self, unit: Any, provenance: Provenance | None, gone: Any, edit: dict[str, Any]
    ) -> None:
        place = unit.places[0]
        if {"label", "start", "end", "fragments"} & set(edit):
            label = edit.get("label", place.label)
            shape = {"start": edit.get("start", place.start), "end": edit.get("end", place.end)}
            shape["fragments"] = edit.get("fragments") if "fragments" in edit else None
            if "fragments" not in edit and not {"start", "end"} & set(edit):
                shape["fragments"] = [list(p) for p in place.pieces]
            place = Place(self.document, label, pieces_of(shape))
        attributes = edit.get("attributes", (unit.row or {}).get("attributes") or {})
        if gone is None:
            gone = self.span_at(place) if self.mode == "exact" else None
        self._span_put(place, attributes, provenance, replacing=gone)

    def _accept_relation(
        self, unit: Any, provenance: Provenance | None, ends: Ends, edit: dict[str, Any]
    ) -> None:
        first, second = unit.places
        if unit.symmetric and first.document != self.document:
            first, second = second, first  # a relation starts in its own document
        source, target = self._end(first, ends), self._end(second, ends)
        kind = edit.get("type", unit.tag[0])
        attributes = edit.get("attributes", (unit.row or {}).get("attributes") or {})

        def same(r: Mapping[str, Any]) -> bool:
            ends_are = (r["source"], r["target"])
            return r["type"] == kind and (
                ends_are == (source, target) or (unit.symmetric and ends_are == (target, source))
            )

        self.relations = [r for r in self.relations if not same(r)]
        self.relations.append(
            {
                "type": kind,
                "source": source,
                "target": target,
                "attributes": dict(attributes),
                "provenance": provenance,
            }
        )
        self.changed = True

    def _accept_stance(
        self, unit: Any, provenance: Provenance | None, ends: Ends, edit: dict[str, Any]
    ) -> None:
        holder_place, object_place = unit.places
        holder = self._end(holder_place, ends) if holder_place is not None else None
        thing = self._end(object_place, ends) if object_place is not None else None
        target = unit.tag[0] or None

        def same(s: Mapping[str, Any]) -> bool:
            return (s.get("holder"), s.get("target") or None, s.get("object")) == (
                holder,
                target,
                thing,
            )

        self.stances = [s for s in self.stances if not same(s)]
        self.stances.append(
            {
                "holder": holder,
                "target": target,
                "object": thing,
                "value": edit.get("value", unit.value),
                "provenance": provenance,
            }
        )
        self.changed = True

    def _accept_answer(self, unit: Any, edit: dict[str, Any]) -> None:
        question, target = unit.tag
        value = edit.get("value", next(iter(unit.row.values())))
        if target:
            if "value" not in edit:
                value = value[target]
            per_target = self.answers.get(question)
            per_target = dict(per_target) if isinstance(per_target, dict) else {}
            per_target[target] = value
            value = per_target
        self.answers[question] = value
        self.changed = True

    # --- removing ------------------------------------------------------------------------

    def _drop(self, part: str, row_id: Any) -> None:
        if row_id is None:
            return
        rows = getattr(self, part)
        kept = [r for r in rows if r.get("id") != row_id]
        if len(kept) != len(rows):
            setattr(self, part, kept)
            self.changed = True

    def remove(self, unit: Any) -> None:
        """Take a gold unit (made from this draft's contents) out of gold."""
        if unit.kind == "answer":
            question, target = unit.tag
            if target and isinstance(self.answers.get(question), dict):
                rest = {t: v for t, v in self.answers[question].items() if t != target}
                self.answers[question] = rest or None
            else:
                self.answers[question] = None  # null removes an answer
            self.changed = True
            return
        row_id = unit.row.get("id")
        if unit.kind == "span":
            self._drop("spans", row_id)
            self.relations = [r for r in self.relations if row_id not in (r["source"], r["target"])]
            self.stances = [
                s for s in self.stances if row_id not in (s.get("holder"), s.get("object"))
            ]
        else:
            self._drop("relations" if unit.kind == "relation" else "stances", row_id)

    # --- the write -----------------------------------------------------------------------

    def payload(self, version: int) -> dict[str, Any]:
        """The whole-set write that makes gold what this draft holds."""
        return {
            "version": version,
            "spans": self.spans,
            "relations": self.relations,
            "stances": self.stances,
            "answers": self.answers,
        }
