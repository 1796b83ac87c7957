"""brat events (``E`` lines): read into span and relation records, and written back.

An event is a trigger (a ``T`` line of the event's type) with role arguments:
``E1<TAB>Attribution:T4 Source:T1 Cue:T2 Content:T3``. brat numbers a repeated role
(``Theme2:T7`` is a second ``Theme``); the number is not part of the role.

*Read, by default:* the trigger is a span (its label the event type) and each argument a
relation from the trigger to the argument, typed by the role. An argument that is another
event (``Theme:E2``) is that event's trigger span (noted); ``A``, ``#`` and ``R`` lines that
name an event name its trigger span. Two events on one trigger each get their own trigger
span (the second a copy, noted), so each event comes back as it was written. A relation two
events (or one argument twice under a role) make is read once, noted at the second's line.

*Read with an event mapping* (the ``event_mapping`` import option, ``EventMapping``): roles
become relations between the arguments themselves (``<trigger>`` stands for the trigger), span
labels are renamed onto the project's, and the trigger is kept with the label the mapping
gives, or dropped. A role no relation of the
mapping places is noted; an event type the mapping lacks is an error at its line.

*Write* (``event_writer.EventWriter``): when the schema declares events, a span whose label is
an event type is written as its ``T`` line plus an ``E`` line whose arguments are the span's
relations typed by the event's roles (those are then not written as ``R`` lines); attributes
and notes of the trigger, and relations from or to it, name the event, as brat writes them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from annotations.formats.records import Issue, ReadResult, RelationRecord, SpanRecord

MAPPING = "event_mapping"  # where a bad mapping is reported (the import option's name)
TRIGGER = "<trigger>"  # in a mapped relation: the event's trigger span (kept with a label)
_ROLE_NUMBER_RE = re.compile(r"^(.*\D)\d+$")
_KEY_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_\-]{0,63}$")


def role_of(written: str) -> str:
    """A role as written in an ``E`` line without brat's number (``Theme2`` -> ``Theme``)."""
    match = _ROLE_NUMBER_RE.match(written)
    return match.group(1) if match else written


@dataclass
class Event:
    ident: str  # E1
    kind: str  # the event type as written
    trigger: str  # a T id
    arguments: list[tuple[str, str]]  # (role without its number, T or E id)
    line: int


def event_parse(fields: list[str], number: int) -> Event | None:
    """An ``E`` line's parts, or None when it cannot be read."""
    parts = fields[1].split() if len(fields) > 1 else []
    pairs = [part.partition(":") for part in parts]
    if not pairs or any(not name or not sep or not ref for name, sep, ref in pairs):
        return None
    (kind, _, trigger), *arguments = pairs
    return Event(fields[0], kind, trigger, [(role_of(r), ref) for r, _, ref in arguments], number)


# --- the mapping -----------------------------------------------------------------------------


@dataclass(frozen=True)
class MappedRelation:
    source: str  # a role
    target: str  # a role
    type: str  # a relation type of the project


@dataclass(frozen=True)
class MappedEvent:
    trigger: str | None  # the trigger's label, or None: the trigger is dropped
    relations: tuple[MappedRelation, ...]


@dataclass
class EventMapping:
    labels: dict[str, str]  # brat type name -> the project's label key
    events: dict[str, MappedEvent]  # event type as written -> what it becomes


def event_mapping_read(options: dict[str, Any], result: ReadResult) -> EventMapping | None:
    """The ``event_mapping`` option checked (each problem an error under ``event_mapping``),
    or None when there is none or it is bad."""
    raw = options.get(MAPPING)
    if raw is None:
        return None
    problems: list[str] = []

    def key(value: Any, path: str) -> str:
        if not isinstance(value, str) or not _KEY_RE.match(value):
            problems.append(f"{path}: {value!r} is not a label or relation type key")
            return ""
        return value

    if not isinstance(raw, dict) or not isinstance(raw.get("events"), dict) or not raw["events"]:
        problems.append('must be an object with "events": {event type: {...}}')
        raw = {}
    unknown = sorted(set(raw) - {"events", "labels"})
    if unknown:
        problems.append(f"unknown keys {', '.join(unknown)} (expected events, labels)")
    labels = raw.get("labels", {})
    if not isinstance(labels, dict):
        problems.append('"labels" must be an object {brat type: label}')
        labels = {}
    mapping = EventMapping({n: key(k, f"labels.{n}") for n, k in labels.items()}, {})
    for kind, spec in raw.get("events", {}).items():
        path = f"events.{kind}"
        if not isinstance(spec, dict) or not isinstance(spec.get("relations", []), list):
            problems.append(f'{path}: must be {{"trigger": label or null, "relations": [...]}}')
            continue
        extra = sorted(set(spec) - {"trigger", "relations"})
        if extra:
            problems.append(
                f"{path}: unknown keys {', '.join(extra)} (expected trigger, relations)"
            )
        trigger = spec.get("trigger")
        trigger = None if trigger is None else key(trigger, f"{path}.trigger")
        relations = []
        for i, item in enumerate(spec.get("relations", [])):
            where = f"{path}.relations[{i}]"
            if not isinstance(item, dict) or set(item) != {"from", "to", "type"}:
                problems.append(f'{where}: must be {{"from": role, "to": role, "type": relation}}')
                continue
            if not all(isinstance(item[k], str) and item[k] for k in ("from", "to")):
                problems.append(f"{where}: from and to must name roles")
                continue
            if trigger is None and TRIGGER in (item["from"], item["to"]):
                problems.append(f"{where}: joins the {TRIGGER}, which the mapping drops")
            relations.append(MappedRelation(item["from"], item["to"], key(item["type"], where)))
        mapping.events[kind] = MappedEvent(trigger, tuple(relations))
    for problem in problems:
        result.errors.append(Issue(MAPPING, None, f"bad event mapping: {problem}"))
    return None if problems else mapping


# --- reading ---------------------------------------------------------------------------------


@dataclass
class EventBook:
    """The events of one import: the mapping, if any, and the event types the files use
    (type key -> role key -> the argument labels seen), for a schema made from the files."""

    mapping: EventMapping | None = None
    seen: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def saw(self, kind: str, role: str | None = None, label: str | None = None) -> None:
        roles = self.seen.setdefault(kind, {})
        if role is not None:
            labels = roles.setdefault(role, [])
            if label is not None and label not in labels:
                labels.append(label)


class EventReader:
    """The ``E`` lines of one ``.ann`` file turned into records. ``reader`` is the file's
    ``AnnReader`` (its spans, naming, ids and issues)."""

    def __init__(self, reader: Any, book: EventBook) -> None:
        self.reader, self.book = reader, book
        self.events: dict[str, Event] = {}
        self.triggers: dict[str, SpanRecord] = {}  # E id -> its trigger span
        self.dropped: dict[Any, int] = {}  # trigger spans the mapping drops: id -> E line
        self.used_triggers: set[str] = set()  # T ids an event has as its trigger already

    def add(self, number: int, fields: list[str]) -> None:
        """Read one ``E`` line (its trigger must already be read)."""
        reader = self.reader
        event = event_parse(fields, number)
        ident = fields[0]
        if event is None:
            reader.error(number, f"{ident}: expected '{ident}<TAB>Type:T1 Role:T2 Role:T3 ...'")
            reader.failed.add(ident)
            return
        if ident in self.events or ident in reader.failed:
            reader.error(number, f"{ident} is defined twice")
            return
        if event.trigger in reader.failed:
            reader.failed.add(ident)
            return
        span = reader.spans.get(event.trigger)
        if span is None:
            reader.error(
                number, f"{ident}: its trigger {event.trigger} is not defined in this file"
            )
            reader.failed.add(ident)
            return
        key = reader.naming.labels.key(event.kind)
        if event.trigger in self.used_triggers:
            span = {**span, "id": next(reader.ids), "attributes": dict(span["attributes"])}
            reader.extra_spans.append(span)
            reader.note(
                number, f"{ident} shares its trigger {event.trigger}: a copy of it is its own"
            )
        if span["label"] != key:
            reader.note(
                number, f"{ident}: trigger {event.trigger} takes the event's type {event.kind}"
            )
            span["label"] = key
        self.events[ident] = event
        self.triggers[ident] = span
        self.used_triggers.add(event.trigger)

    def span_of(self, ref: str) -> SpanRecord | None:
        """The span a reference names: a span, or an event's trigger."""
        return self.reader.spans.get(ref) or self.triggers.get(ref)

    def id_of(self, ref: str) -> Any:
        span = self.span_of(ref)
        assert span is not None, ref
        return span["id"]

    def relations_kept(self, relations: list[RelationRecord]) -> list[RelationRecord]:
        """The relations without those from or to a trigger the mapping drops (noted)."""
        kept = []
        for relation in relations:
            ends = [self.dropped.get(relation[end]) for end in ("source", "target")]
            line = ends[0] or ends[1]
            if line is not None:
                message = (
                    f"a {relation['type']} relation joins this event's trigger, which the event "
                    "mapping drops: not imported"
                )
                self.reader.note(line, message)
                continue
            kept.append(relation)
        return kept

    def relations(self) -> list[RelationRecord]:
        """The relations the events become (once every ``E`` line is read), each placed at
        its event's line; one an earlier event (or role) made already is stored once, noted."""
        out: dict[tuple[Any, ...], RelationRecord] = {}
        makers: dict[tuple[Any, ...], Event] = {}  # the event that made each relation
        mapping = self.book.mapping
        for event in self.events.values():
            arguments = self._arguments(event)
            if arguments is None:
                continue
            if mapping is None:
                made = self._by_role(event, arguments)
            else:
                made = self._mapped(event, arguments, mapping)
            refs = {span["id"]: ref for _, ref, span in arguments}
            refs[self.triggers[event.ident]["id"]] = event.trigger
            for relation in made:
                key = (relation["type"], relation["source"], relation["target"])
                maker = makers.setdefault(key, event)
                if key not in out:
                    relation["_where"] = {"file": self.reader.path, "line": event.line}  # type: ignore[typeddict-unknown-key]
                    out[key] = relation
                    continue
                between = f"{refs[relation['source']]} and {refs[relation['target']]}"
                message = (
                    f"{event.ident}: its {relation['type']} relation between {between} is made "
                    f"by {maker.ident} (line {maker.line}) already: stored once"
                )
                self.reader.note(event.line, message)
        return list(out.values())

    def _arguments(self, event: Event) -> list[tuple[str, str, SpanRecord]] | None:
        reader, found = self.reader, []
        for role, ref in event.arguments:
            if ref in reader.failed:
                return None
            span = self.span_of(ref)
            if span is None:
                reader.error(event.line, f"{event.ident}: {ref} is not defined in this file")
                return None
            if ref in self.triggers:
                message = (
                    f"{event.ident}: its {role} {ref} is an event: its trigger span stands for it"
                )
                reader.note(event.line, message)
            found.append((role, ref, span))
        return found

    def _by_role(
        self, event: Event, arguments: list[tuple[str, str, SpanRecord]]
    ) -> list[RelationRecord]:
        naming, trigger = self.reader.naming, self.triggers[event.ident]
        self.book.saw(trigger["label"])
        out: list[RelationRecord] = []
        for role, _, span in arguments:
            key = naming.relations.key(role)
            self.book.saw(trigger["label"], key, span["label"])
            out.append(_relation(key, trigger, span))
        return out

    def _mapped(
        self, event: Event, arguments: list[tuple[str, str, SpanRecord]], mapping: EventMapping
    ) -> list[RelationRecord]:
        reader, trigger = self.reader, self.triggers[event.ident]
        spec = mapping.events.get(event.kind)
        if spec is None:
            known = ", ".join(mapping.events)
            reader.error(
                event.line,
                f"{event.ident}: event type {event.kind} is not in the event mapping ({known})",
            )
            return []
        by_role: dict[str, list[SpanRecord]] = defaultdict(list)
        if spec.trigger is None:
            self.dropped[trigger["id"]] = event.line
        else:
            trigger["label"] = spec.trigger
            by_role[TRIGGER].append(trigger)
        for role, _, span in arguments:
            by_role[role].append(span)
        placed = {r.source for r in spec.relations} | {r.target for r in spec.relations}
        for role, ref, _ in arguments:
            if role not in placed:
                message = (
                    f"{event.ident}: no relation of the event mapping places its {role} "
                    f"{ref}: that link is not imported"
                )
                reader.note(event.line, message)
        return [
            _relation(r.type, source, target)
            for r in spec.relations
            for source in by_role.get(r.source, [])
            for target in by_role.get(r.target, [])
        ]

    def labels_mapped(self, spans: list[SpanRecord]) -> list[SpanRecord]:
        """With a mapping: span labels renamed onto the project's, and dropped triggers
        left out (with a note when they held attributes)."""
        mapping = self.book.mapping
        if mapping is None:
            return spans
        names = self.reader.naming.labels.names
        kept = []
        for span in spans:
            if span["id"] in self.dropped:
                if span["attributes"]:
                    held = ", ".join(span["attributes"])
                    message = (
                        f"its trigger, which the event mapping drops, held {held}: not imported"
                    )
                    self.reader.note(self.dropped[span["id"]], message)
                continue
            name = names.get(span["label"], span["label"])
            span["label"] = mapping.labels.get(name, span["label"])
            kept.append(span)
        return kept


def _relation(kind: str, source: SpanRecord, target: SpanRecord) -> RelationRecord:
    return {
        "type": kind,
        "source": source["id"],
        "target": target["id"],
        "target_document": None,
        "attributes": {},
    }
