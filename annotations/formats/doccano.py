"""doccano JSONL (import): ``{"text": ..., "label": [[start, end, "LABEL"], ...]}`` per line,
and doccano's newer relation shape ``{"text", "entities": [{"id", "start_offset",
"end_offset", "label"}], "relations": [{"from_id", "to_id", "type"}]}``.

doccano's browser counts offsets in UTF-16 code units (JavaScript string indices; doccano
issue #2290), so they are read as such by default and converted with
``annotations.spans.utf16_index_to_codepoint``; files written by Python code count code
points: pass the option ``offsets: "codepoints"``. For texts without characters beyond the
Basic Multilingual Plane (no emoji) both agree.

Each line is one document with one set: the ``annotator`` option's, else the importing
person's. ``title``, ``url``, ``outlet`` and ``story`` keys are taken as such, other keys go
to the document's ``meta``. With the option ``derive_schema`` the labels seen make a schema
(used when the project has no sets yet).
"""

from __future__ import annotations

from typing import Any

from annotations.formats.records import ImportSpec, Issue, ReadResult, Record, json_lines
from annotations.formats.schema_derive import schema_header
from annotations.spans import utf16_index_to_codepoint

_DOCUMENT_KEYS = ("title", "url", "outlet", "story")
_CONTENT_KEYS = {"text", "label", "labels", "entities", "relations", "id"}


def _offset(text: str, value: Any, utf16: bool) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"offset {value!r} is not an integer")
    return utf16_index_to_codepoint(text, value) if utf16 else value


def _span(text: str, start: Any, end: Any, label: Any, utf16: bool, span_id: Any) -> Record:
    if not isinstance(label, str) or not label:
        raise ValueError(f"label {label!r} is not a name")
    a, b = _offset(text, start, utf16), _offset(text, end, utf16)
    if not 0 <= a < b <= len(text):
        raise ValueError(f"[{start}, {end}) is not a range inside the text ({len(text)})")
    return {"id": span_id, "label": label, "start": a, "end": b, "text": text[a:b]}


def _line(item: dict[str, Any], utf16: bool) -> Record:
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError('no "text"')
    spans: list[Record] = []
    relations: list[Record] = []
    if "entities" in item:
        for entity in item["entities"] or []:
            if not isinstance(entity, dict):
                raise ValueError("each entity is an object")
            spans.append(
                _span(
                    text,
                    entity.get("start_offset"),
                    entity.get("end_offset"),
                    entity.get("label"),
                    utf16,
                    entity.get("id", len(spans)),
                )
            )
        for relation in item.get("relations") or []:
            if not isinstance(relation, dict):
                raise ValueError("each relation is an object")
            relations.append(
                {
                    "type": relation.get("type"),
                    "source": relation.get("from_id"),
                    "target": relation.get("to_id"),
                }
            )
    else:
        labels = item.get("label", item.get("labels", []))
        if not isinstance(labels, list):
            raise ValueError('"label" must be a list of [start, end, label]')
        for entry in labels:
            if not isinstance(entry, list) or len(entry) != 3:
                raise ValueError(f"label entry {entry!r} is not [start, end, label]")
            spans.append(_span(text, *entry, utf16, len(spans)))
    record: Record = {
        "text": text,
        "meta": {k: v for k, v in item.items() if k not in (*_DOCUMENT_KEYS, *_CONTENT_KEYS)},
        "sets": [{"kind": "annotator", "annotator": None, "spans": spans, "relations": relations}],
    }
    if "id" in item:
        record["meta"]["doccano_id"] = item["id"]
    for key in _DOCUMENT_KEYS:
        if isinstance(item.get(key), str):
            record[key] = item[key]
    return record


def read(files: list[tuple[str, bytes]], options: dict[str, Any]) -> ReadResult:
    result = ReadResult()
    utf16 = options.get("offsets", "utf16") != "codepoints"
    for name, data in files:
        for number, item in json_lines(name, data, options, result):
            try:
                record = _line(item, utf16)
            except ValueError as error:
                result.errors.append(Issue(name, number, str(error)))
                continue
            record["_where"] = {"file": name, "line": number}
            result.documents.append(record)
    if options.get("derive_schema") and not result.errors:
        result.header = schema_header(result.documents)
    return result


IMPORT = ImportSpec(title="doccano JSONL", names=("doccano",), read=read)
