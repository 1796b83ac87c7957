"""One ``.ann`` file read into span and relation records (``AnnReader``).

First the way the file's offsets count the text (``text_views``) is chosen by its span
texts. ``T`` lines are read next, so ``A``/``R``/``#`` lines may name a span defined further
down (brat allows any order). ``T`` lines are spans (pieces, text column and its continuation
lines: ``text_bound``); ``A``/``M`` lines attributes; ``R`` lines relations; ``#``
``AnnotatorNotes`` the span's ``note``; ``E`` lines events (``events``). Normalisations,
equivalences, unknown line types and what points at anything but a span are notes; malformed
lines, offsets outside the text, a text column that does not match, undefined ``T`` ids, ids
defined twice are errors; a second value of an attribute makes a list of its values (the
import refuses it where the schema's attribute holds one). See the package docstring.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from annotations.formats.brat.events import EventBook, EventReader
from annotations.formats.brat.naming import NOTE, NOTE_TYPE, Naming
from annotations.formats.brat.text_bound import (
    BoundError,
    bound_read,
    first_line_matches,
    pieces_check,
    pieces_joined,
    quoted_lines,
)
from annotations.formats.brat.text_views import BOM, TextView, views
from annotations.formats.records import Issue, ReadResult, RelationRecord, SpanRecord
from annotations.spans import FRAGMENT_JOINER

_ID_RE = re.compile(r"^(?:[A-Za-z]+|#[A-Za-z]*)\d+\S*$")  # brat's annotation ids
_WHAT = {
    "T": "span",
    "E": "event",
    "R": "relation",
    "N": "normalization",
    "A": "attribute",
    "M": "attribute",
    "*": "equivalence",
    "#": "note",
}


class AnnReader:
    """Reads the ``.ann`` at ``path`` over its document's ``text``. Span ids come from
    ``ids`` (counted over the whole upload); errors and notes go to ``result``."""

    def __init__(
        self,
        path: str,
        text: str,
        ids: Iterator[int],
        naming: Naming,
        result: ReadResult,
        events: EventBook | None = None,
        bom: bool = False,
    ) -> None:
        self.path, self.text, self.ids = path, text, ids
        self.bom = bom  # the .txt began with a byte-order mark (brat counts it)
        self.view = TextView(text)  # the text as this file's offsets count it
        self.first_lines: dict[str, int] = {}  # id -> the line that defined it
        # (span id, attribute key) -> the A (or #) line that gave it (its last value)
        self.attribute_lines: dict[tuple[int, str], int] = {}
        self.values: dict[tuple[int, str], dict[Any, int]] = {}  # -> each value's A line
        self.naming, self.result = naming, result
        self.spans: dict[str, SpanRecord] = {}  # T id -> span
        self.extra_spans: list[SpanRecord] = []  # copies of triggers two events share
        self.events = EventReader(self, events or EventBook())
        # T ids whose line was an error: lines naming them say no more
        self.failed: set[str] = set()

    def error(self, number: int, message: str) -> None:
        self.result.errors.append(Issue(self.path, number, message))

    def note(self, number: int | None, message: str) -> None:
        self.result.notes.append(Issue(self.path, number, message))

    def read(self, ann: str) -> tuple[list[SpanRecord], list[RelationRecord]]:
        """The spans and relations of the file whose text is ``ann``."""
        later: list[tuple[int, list[str]]] = []
        event_lines: list[tuple[int, list[str]]] = []
        lines = [raw.rstrip("\r") for raw in ann.removeprefix(BOM).split("\n")]
        self.view = self._view(lines)
        index = 0
        while index < len(lines):
            number, line = index + 1, lines[index]
            index += 1
            if not line.strip():
                continue
            fields = line.split("\t")
            kind = fields[0][:1]
            if kind == "T":
                index += self._text_bound(number, fields, lines)
            elif self._twice(number, fields[0]):
                continue
            elif kind in ("R", "A", "M", "#"):
                later.append((number, fields))
            elif kind == "E":
                event_lines.append((number, fields))
            else:
                self._not_read(number, fields)
        for number, fields in event_lines:
            self.events.add(number, fields)
        relations: list[RelationRecord] = self.events.relations()
        for number, fields in later:
            kind = fields[0][:1]
            if kind == "R":
                relation = self._relation(number, fields)
                if relation is not None:
                    relations.append(relation)
            elif kind == "#":
                self._annotator_note(number, fields)
            else:
                self._attribute(number, fields)
        spans = self.events.labels_mapped([*self.spans.values(), *self.extra_spans])
        return spans, self.events.relations_kept(relations)

    def _view(self, lines: list[str]) -> TextView:
        """The view of the text (``text_views``) under which most span texts match, brat's
        among equals; a note says which, when there was a choice."""
        candidates = views(self.text, self.bom)
        if len(candidates) == 1:
            return candidates[0]
        matches = [0] * len(candidates)
        first, total = None, 0
        for number, line in enumerate(lines, start=1):
            fields = line.split("\t")
            if fields[0][:1] != "T" or len(fields) < 3:
                continue
            try:
                _, pieces = bound_read(fields[1])
            except BoundError:
                continue
            first, total = first or number, total + 1
            quoted = "\t".join(fields[2:])
            for i, view in enumerate(candidates):
                if all(0 <= a < b <= len(view.text) for a, b in pieces):
                    selected = FRAGMENT_JOINER.join(view.text[a:b] for a, b in pieces)
                    matches[i] += first_line_matches(selected, quoted)
        if not total:
            return candidates[0]
        best = max(range(len(candidates)), key=lambda i: (matches[i], -i))
        why = f"the texts of {matches[best]} of {total} spans say so"
        if matches.count(matches[best]) > 1:
            why = f"the texts of {matches[best]} of {total} spans fit several ways: brat's taken"
        self.note(first, f"{candidates[best].name} ({why})")
        return candidates[best]

    def _twice(self, number: int, ident: str) -> bool:
        """Whether ``ident`` was defined on an earlier line (an error naming both lines)."""
        if not _ID_RE.match(ident):
            return False
        first = self.first_lines.setdefault(ident, number)
        if first == number:
            return False
        self.error(number, f"{ident} is defined twice (lines {first} and {number})")
        return True

    def _text_bound(self, number: int, fields: list[str], lines: list[str]) -> int:
        """Reads a ``T`` line; returns how many lines after it its text column took."""
        ident = fields[0]
        span, more = self._span(number, fields, lines)
        if self._twice(number, ident):
            return more
        if span is None:
            self.failed.add(ident)
        else:
            self.spans[ident] = span
        return more

    def _not_read(self, number: int, fields: list[str]) -> None:
        """A line Claimlens cannot represent (a note), or cannot read at all (an error)."""
        ident = fields[0]
        kind = ident[:1]
        if kind == "N":
            self.note(
                number,
                f"{ident} (normalization) not imported: Claimlens has no links to knowledge bases",
            )
        elif kind == "*":
            what = fields[1] if len(fields) > 1 else ""
            self.note(
                number, f"* (equivalence {what}) not imported: Claimlens has no equivalence classes"
            )
        elif _ID_RE.match(ident):
            self.note(number, f"{ident} (unknown annotation type {kind!r}) not imported")
        else:
            self.error(
                number, "cannot read this line: expected 'ID<TAB>annotation' (T1, R1, A1, #1...)"
            )

    def _span(
        self, number: int, fields: list[str], lines: list[str]
    ) -> tuple[SpanRecord | None, int]:
        """The span of a ``T`` line and how many lines its text column took after it."""
        if len(fields) < 2:
            self.error(
                number,
                "expected 'T1<TAB>Label start end<TAB>text' (the fields are separated by tabs)",
            )
            return None, 0
        text = self.view.text
        try:
            label, listed = bound_read(fields[1])
            pieces_check(listed, len(text))
        except BoundError as error:
            self.error(number, str(error))
            return None, 0
        try:
            joined, notes = pieces_joined(fields[0], text, listed)
        except BoundError as error:  # overlapping pieces: checked first, as brat does
            self.error(number, str(error))
            return None, 0
        selected = FRAGMENT_JOINER.join(text[a:b] for a, b in listed)  # in the order written
        quoted = "\t".join(fields[2:])
        more = quoted_lines(selected, quoted, lines, number)
        if more is None and not quoted.strip():  # brat takes the text from the offsets
            notes.append(f"{fields[0]}: no text column: the text the offsets select is taken")
            more = 0
        if more is None:
            self.error(number, f"quoted text {quoted!r} does not match the offsets ({selected!r})")
            return None, 0
        for message in notes:
            self.note(number, message)
        pieces = [(self.view.original(a), self.view.original(b)) for a, b in joined]
        span: SpanRecord = {
            "id": next(self.ids),
            "label": self.naming.labels.key(label),
            "start": pieces[0][0],
            "end": pieces[-1][1],
            "text": FRAGMENT_JOINER.join(self.text[a:b] for a, b in pieces),
            "attributes": {},
        }
        if len(pieces) > 1:
            span["fragments"] = [[a, b] for a, b in pieces]
        return span, more

    def _unknown_target(self, number: int, ident: str, target: str, message: str) -> None:
        """``target`` is no span: an undefined T is an error, anything else (an event...) a
        note."""
        if target[:1] == "T" or not _ID_RE.match(target):
            self.error(number, f"{ident}: {target} is not defined in this file")
        else:
            what = _WHAT.get(target[:1], "annotation")
            self.note(number, message.format(what=f"{what} {target}"))

    def _relation(self, number: int, fields: list[str]) -> RelationRecord | None:
        ident = fields[0]
        parts = fields[1].split() if len(fields) > 1 else []
        args = [part.partition(":") for part in parts[1:]]
        if len(parts) != 3 or any(not role or not sep or not ref for role, sep, ref in args):
            self.error(number, f"{ident}: expected '{ident}<TAB>Type Arg1:T1 Arg2:T2'")
            return None
        refs = [ref for _, _, ref in args]
        if any(ref in self.failed for ref in refs):
            return None
        missing = [ref for ref in refs if self.events.span_of(ref) is None]
        if any(ref[:1] == "T" or not _ID_RE.match(ref) for ref in missing):
            self.error(number, f"{ident}: {', '.join(missing)} is not a text-bound annotation here")
            return None
        if missing:
            ends = ", ".join(f"{_WHAT.get(ref[:1], 'annotation')} {ref}" for ref in missing)
            self.note(
                number,
                f"{ident} (relation {parts[0]} with {ends}) not imported: relations join spans",
            )
            return None
        return {
            "type": self.naming.relations.key(parts[0]),
            "source": self.events.id_of(refs[0]),
            "target": self.events.id_of(refs[1]),
            "target_document": None,
            "attributes": {},
        }

    def _attribute(self, number: int, fields: list[str]) -> None:
        ident = fields[0]
        parts = fields[1].split() if len(fields) > 1 else []
        if len(parts) not in (2, 3):
            self.error(
                number, f"{ident}: expected '{ident}<TAB>Name ID' or '{ident}<TAB>Name ID Value'"
            )
            return
        name, target = parts[0], parts[1]
        if target in self.failed:
            return
        span = self.events.span_of(target)
        if span is None:
            message = (
                f"{ident} (attribute {name} of {{what}}) not imported: only spans hold attributes"
            )
            self._unknown_target(number, ident, target, message)
            return
        key = self.naming.attributes.key(name)
        value = parts[2] if len(parts) == 3 else True
        held = self.values.setdefault((span["id"], key), {})  # value -> its line
        if value in held:
            self.note(
                number, f"{ident}: {target} has this {name} already (line {held[value]}): read once"
            )
            return
        held[value] = number
        # One value, or several as a list: kept for a schema whose attribute holds several
        # (multi_choice); for any other the import reports this line, which gave one more.
        span["attributes"][key] = value if len(held) == 1 else list(held)
        self.attribute_lines[(span["id"], key)] = number

    def _annotator_note(self, number: int, fields: list[str]) -> None:
        ident = fields[0]
        parts = fields[1].split() if len(fields) > 1 else []
        if len(parts) != 2:
            self.error(number, f"{ident}: expected '{ident}<TAB>{NOTE_TYPE} ID<TAB>note'")
            return
        kind, target = parts
        if target in self.failed:
            return
        if kind != NOTE_TYPE:
            self.note(
                number, f"{ident} (comment of type {kind}) not imported: only {NOTE_TYPE} are read"
            )
            return
        span = self.events.span_of(target)
        if span is None:
            message = f"{ident} (note on {{what}}) not imported: only spans hold notes"
            self._unknown_target(number, ident, target, message)
            return
        text = "\t".join(fields[2:]).strip()
        if text:
            self.attribute_lines.setdefault((span["id"], NOTE), number)
            earlier = span["attributes"].get(NOTE)
            span["attributes"][NOTE] = f"{earlier}\n{text}" if earlier else text
