"""brat events written back (``EventWriter``): when the schema declares events, a span whose
label is an event type is written as its ``T`` line plus an ``E`` line whose arguments are the
span's relations typed by the event's roles (those are then not written as ``R`` lines;
repeated roles are numbered, ``Theme2``, as brat writes them). Reading is ``events``.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from annotations.formats.records import RelationRecord, SpanRecord


class EventWriter:
    """The ``E`` lines of a set for a schema's event types: a span whose label is an event
    type is an event, its relations typed by the event's roles its arguments."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.roles = {
            event["key"]: {role["key"] for role in event.get("roles", [])}
            for event in schema.get("events") or []
        }

    def ids(self, spans: list[SpanRecord]) -> dict[Any, str]:
        """The event id of each trigger span (span id -> ``E1``...)."""
        triggers = [span.get("id") for span in spans if span["label"] in self.roles]
        return {ident: f"E{n}" for n, ident in enumerate(triggers, start=1)}

    def lines(
        self,
        spans: list[SpanRecord],
        relations: list[RelationRecord],
        t_ids: dict[Any, str],
        e_ids: dict[Any, str],
    ) -> tuple[list[str], set[int]]:
        """The ``E`` lines of the written triggers, and the indexes of the relations they
        hold as arguments (not to be written again as ``R`` lines)."""
        arguments: dict[Any, list[tuple[str, str]]] = defaultdict(list)
        used: set[int] = set()
        labels = {span.get("id"): span["label"] for span in spans}
        for index, relation in enumerate(relations):
            source, target = relation.get("source"), relation.get("target")
            roles = self.roles.get(labels.get(source, ""), set())
            if (
                source in t_ids
                and target in t_ids
                and relation["type"] in roles
                and relation.get("target_document") is None
            ):
                arguments[source].append((relation["type"], e_ids.get(target) or t_ids[target]))
                used.add(index)
        out = []
        for span in spans:
            ident = span.get("id")
            if ident not in e_ids or ident not in t_ids:
                continue
            written, seen = [f"{span['label']}:{t_ids[ident]}"], defaultdict(int)
            for role, ref in arguments[ident]:
                seen[role] += 1
                written.append(f"{role}{seen[role] if seen[role] > 1 else ''}:{ref}")
            out.append(f"{e_ids[ident]}\t{' '.join(written)}")
        return out, used
