"""The checked, not yet written shapes of an import: documents, sets and spans, and how
links between them are resolved (same layer, same story, as in the browser)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotations.formats.records import Issue, Record
from annotations.models import AnnotationSet, DocumentAnswer
from annotations.services.imports.outcome import ImportOutcome
from annotations.services.set_validation import Errors
from corpus.models import Document


@dataclass(slots=True, eq=False)
class CheckedSpan:
    """A checked span before it is written (a model instance costs ~30 us to build)."""

    label: str
    start: int
    end: int
    fragments: list[list[int]] | None
    text: str
    attributes: dict[str, Any]
    provenance: dict[str, Any] | None
    pk: int | None = None


@dataclass
class CheckedSet:
    record: Record
    row: AnnotationSet
    author: str | None
    path: str  # where its problems are reported: "sets[1]" of its record
    spans: dict[Any, CheckedSpan] = field(default_factory=dict)  # by the file's span id
    relations: list[dict[str, Any]] = field(default_factory=list)  # relation_fields_checked
    stances: list[dict[str, Any]] = field(default_factory=list)  # stance_fields_checked
    answers: list[DocumentAnswer] = field(default_factory=list)


@dataclass
class CheckedDocument:
    record: Record
    file: str
    line: int | None
    original: str  # the text as the file has it: the offsets point into it
    offsets: Any  # text_map.OffsetMap: original offsets -> offsets in ``text``
    text: str  # as stored: NFC, "\n" line endings
    sha256: str
    key: Any  # the record's "id" (what relations across documents name), else its position
    zones: list[dict[str, Any]]
    story: str | None
    outlet: tuple[str, str] | None
    sets: list[CheckedSet] = field(default_factory=list)
    row: Document | None = None


class Layers:
    """Every span of the file by (document id in the file, layer, span id), with its
    document, for links across documents (same layer, same story, as in the browser).
    Span ids need only be unique within their set."""

    def __init__(self) -> None:
        self.spans: dict[tuple[Any, tuple[str, str], Any], tuple[CheckedSpan, CheckedDocument]] = {}


def layer_key(aset: CheckedSet) -> tuple[str, str]:
    return (aset.row.kind, aset.author or aset.row.model_name or "")


class Resolver:
    """What ``set_validation`` needs to resolve span references inside an imported set."""

    def __init__(self, aset: CheckedSet, document: CheckedDocument, layers: Layers):
        self.aset = aset.row
        self._set = aset
        self._document = document
        self._layers = layers
        self.target_document: Any = None  # the relation being checked names it

    def local(self, ref: Any) -> CheckedSpan | None:
        return self._set.spans.get(ref) if hashable(ref) else None

    def across(self, ref: Any) -> CheckedSpan | None:
        key = (self.target_document, layer_key(self._set), ref)
        found = self._layers.spans.get(key) if hashable(ref) and hashable(key[0]) else None
        if found is None:
            return None
        span, document = found
        same_story = document.story is not None and document.story == self._document.story
        return span if document is not self._document and same_story else None


def hashable(ref: Any) -> bool:
    return isinstance(ref, str | int) and not isinstance(ref, bool)


class Places:
    """A record's problems by where they are in the input: a set's or a unit's own
    ``_where`` when the reader gave one (a brat set is its ``.ann``, a span its line there),
    else the document's."""

    def __init__(self, file: str, line: int | None) -> None:
        self.home = (file, line)
        self.found: dict[tuple[str, int | None], Errors] = {self.home: Errors()}

    def at(self, *records: Any) -> Errors:
        """The errors of the first of ``records`` (a unit, then its set) that has a place."""
        for record in records:
            place = record.get("_where") if isinstance(record, dict) else None
            if isinstance(place, dict) and place.get("file"):
                key = (place["file"], place.get("line"))
                errors = self.found.get(key)
                if errors is None:
                    errors = self.found[key] = Errors()
                return errors
        return self.found[self.home]

    def report(self, outcome: ImportOutcome) -> None:
        for (file, line), errors in self.found.items():
            for path, message in errors.items.items():
                outcome.error(Issue(file, line, f"{path}: {message}" if path else message))
