"""doccano JSONL (import only). One JSON object per line, in either of doccano's shapes:

- sequence labelling: ``{"text": ..., "label": [[start, end, "LABEL"], ...]}`` (``labels``
  is accepted for ``label``, as older doccano versions wrote it);
- with relations: ``{"text": ..., "entities": [{"id", "start_offset", "end_offset",
  "label"}], "relations": [{"id", "from_id", "to_id", "type"}]}``.

Offsets. doccano's annotation page measures text with JavaScript string indices, i.e. in
UTF-16 code units (doccano issue #2290; the same is true of files doccano imports, since the
browser shows them), so offsets are read as UTF-16 units by default and converted to code
points. Files written by Python code count code points: pass the option
``offsets="codepoints"``. Both agree unless the text holds characters beyond the Basic
Multilingual Plane (emoji, some CJK). Projects with doccano's "count grapheme clusters as
one character" setting count yet another way and are not read correctly. The conversion
uses one index of a line's characters outside the BMP (``Utf16Offsets``, made once per line),
so a long text with many spans is read in linear time.

Each line becomes one document with one set: ``kind`` annotator, ``status`` submitted, its
``author`` the ``author`` option's username or None (the import gives it to the importing
person).
The keys ``title``, ``url``, ``outlet`` and ``story`` become those document fields; doccano's
``meta`` object and every other key (``id`` as ``doccano_id``) go to the document's meta.
Labels are kept as written: the import checks them against the project's schema. With the
option ``derive_schema`` the labels and relation types seen make a schema (in the result's
header), the names rewritten into schema keys where needed.

Problems are reported with file and line (bytes that do not decode, a line that is not a
JSON object, no text, a malformed label entry, offsets outside the text or in the wrong
order, a relation naming no entity); the other lines are still read, and the import decides
that nothing is imported while there is one.
"""

from __future__ import annotations

import re
from typing import Any

from annotations.formats.records import (
    ImportSpec,
    Issue,
    ReadDocument,
    ReadResult,
    RelationRecord,
    SpanRecord,
)
from annotations.formats.schema_derive import schema_header
from annotations.formats.text_files import LineError, documents_by_line
from annotations.spans import Utf16Offsets

DOCUMENT_FIELDS = ("title", "url", "outlet", "story")
_READ_KEYS = {"text", "label", "labels", "entities", "relations", "id", "meta"}
OFFSET_UNITS = ("utf16", "codepoints")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # two UTF-16 units each


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _span(
    text: str, start: Any, end: Any, label: Any, units: Utf16Offsets | str, span_id: Any
) -> SpanRecord:
    """A span record; ``units``: the text's ``Utf16Offsets`` (it has surrogate pairs: one
    index per document, made once), bmp (UTF-16 units that equal code points) or
    codepoints."""
    shown = f"[{start!r}, {end!r}, {label!r}]"
    if not isinstance(label, str) or not label.strip():
        raise LineError(f"label entry {shown}: the label must be a non-empty name")
    if not _is_int(start) or not _is_int(end):
        raise LineError(f"label entry {shown}: start and end must be whole numbers")
    if start < 0:
        raise LineError(f"label entry {shown}: start is negative")
    if start >= end:
        raise LineError(f"label entry {shown}: start must be before end")
    if isinstance(units, Utf16Offsets):
        try:  # its messages name the offset ("UTF-16 index 99 is past the end of the text")
            start, end = units.to_codepoint(start), units.to_codepoint(end)
        except ValueError as error:
            raise LineError(str(error)) from None
    elif units == "bmp" and end > len(text):
        raise LineError(f"UTF-16 index {end} is past the end of the text")
    elif end > len(text):
        raise LineError(
            f"label entry {shown}: end is past the end of the text ({len(text)} code points)"
        )
    return {"id": span_id, "label": label, "start": start, "end": end, "text": text[start:end]}


def _label_spans(text: str, entries: Any, units: Utf16Offsets | str) -> list[SpanRecord]:
    if not isinstance(entries, list):
        raise LineError('"label" must be a list of [start, end, label]')
    spans = []
    for entry in entries:
        if isinstance(entry, str):
            raise LineError(
                f"label entry {entry!r} is a bare label: this looks like a text-classification "
                "file; only span labels [start, end, label] are read"
            )
        if not isinstance(entry, list) or len(entry) != 3:
            raise LineError(f"label entry {entry!r} is not [start, end, label]")
        spans.append(_span(text, *entry, units, len(spans)))
    return spans


def _entity_spans(text: str, entities: Any, units: Utf16Offsets | str) -> list[SpanRecord]:
    if not isinstance(entities, list):
        raise LineError('"entities" must be a list of {id, start_offset, end_offset, label}')
    spans = []
    seen: set[Any] = set()
    for i, entity in enumerate(entities):
        if not isinstance(entity, dict):
            raise LineError(f"entities[{i}] is not an object")
        span_id = entity.get("id", i)
        if not isinstance(span_id, (int, str)) or span_id in seen:
            raise LineError(f"entities[{i}]: id {span_id!r} is not a unique number or name")
        seen.add(span_id)
        start, end = entity.get("start_offset"), entity.get("end_offset")
        spans.append(_span(text, start, end, entity.get("label"), units, span_id))
    return spans


def _relations(items: Any, span_ids: set[Any]) -> list[RelationRecord]:
    if not isinstance(items, list):
        raise LineError('"relations" must be a list of {from_id, to_id, type}')
    relations = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise LineError(f"relations[{i}] is not an object")
        kind = item.get("type")
        if not isinstance(kind, str) or not kind.strip():
            raise LineError(f"relations[{i}]: the type must be a non-empty name")
        for end in ("from_id", "to_id"):
            if item.get(end) not in span_ids:
                raise LineError(f"relations[{i}]: {end} {item.get(end)!r} is no entity's id")
        relations.append({"type": kind, "source": item["from_id"], "target": item["to_id"]})
    return relations


def _document(item: dict[str, Any], units: str, author: str | None) -> ReadDocument:
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise LineError('no "text"')
    # One index of the text's characters outside the BMP serves all its offsets; without
    # any, UTF-16 units are code points ("bmp": nothing to convert).
    offsets: Utf16Offsets | str = units
    if units == "utf16":
        offsets = Utf16Offsets(text) if _ASTRAL.search(text) else "bmp"
    relations: list[RelationRecord] = []
    if "entities" in item:
        spans = _entity_spans(text, item["entities"], offsets)
        relations = _relations(item.get("relations") or [], {s["id"] for s in spans})
    else:
        spans = _label_spans(text, item.get("label", item.get("labels", [])), offsets)
    meta: dict[str, Any] = {}
    if isinstance(item.get("meta"), dict):
        meta.update(item["meta"])
    elif item.get("meta") is not None:
        meta["meta"] = item["meta"]
    record: ReadDocument = {"text": text, "meta": meta}
    for key, value in item.items():
        if key in DOCUMENT_FIELDS and isinstance(value, str):
            record[key] = value
        elif key not in _READ_KEYS:
            meta[key] = value
    if "id" in item:
        meta["doccano_id"] = item["id"]
    record["sets"] = [
        {
            "kind": "annotator",
            "author": author,
            "status": "submitted",
            "spans": spans,
            "relations": relations,
        }
    ]
    return record


def read(files: list[tuple[str, bytes]], options: dict[str, Any]) -> ReadResult:
    result = ReadResult()
    units = options.get("offsets") or "utf16"
    if units not in OFFSET_UNITS:
        message = f'the option "offsets" is {units!r}: use one of {", ".join(OFFSET_UNITS)}'
        result.errors.append(Issue("options", None, message))
        return result
    author = options.get("author") or None
    documents_by_line(files, options, result, lambda item: _document(item, units, author))
    if options.get("derive_schema") and not result.errors:
        result.header = schema_header(result.documents, errors=result.errors)
    return result


IMPORT = ImportSpec(title="doccano JSONL", names=("doccano",), read=read)
