"""Checking the records of an import, document by document: text, zones and the sets on
each (``check_sets``), in two passes: first documents, sets and spans, then relations,
stances and answers, which may point at spans of later documents."""

from __future__ import annotations

import hashlib
from itertools import count
from typing import Any

from annotations.formats.records import Issue, Record, where
from annotations.formats.text_map import normalised
from annotations.schema import Schema
from annotations.services.imports.check_sets import links_check, sets_check
from annotations.services.imports.checked import CheckedDocument, Layers, hashable
from annotations.services.imports.outcome import ImportOutcome
from annotations.services.set_validation import Errors, is_int
from corpus.models import ZONE_KINDS


def documents_check(
    documents: list[Record],
    schema: Schema,
    user: Any,
    options: dict[str, Any],
    outcome: ImportOutcome,
) -> list[CheckedDocument]:
    parsed: list[CheckedDocument] = []
    layers = Layers()
    seen_text: dict[str, CheckedDocument] = {}
    seen_keys: set[Any] = set()
    fresh_ids = count(-1, -1)
    default_author = options.get("author") or getattr(user, "username", None)
    # Pass 1: documents, sets and spans (relations may point at spans of later documents).
    for record in documents:
        file, line = where(record)
        errors = Errors()
        document = _document_check(record, file, line, errors)
        if document is not None:
            earlier = seen_text.get(document.sha256)
            if earlier is not None:
                errors.add("text", f"the same text as {earlier.file}:{earlier.line}")
            seen_text[document.sha256] = document
            if document.key is None:
                document.key = f"#{len(parsed)}"
            elif not hashable(document.key) or document.key in seen_keys:
                errors.add("id", f"document id {document.key!r} appears twice in the file")
            seen_keys.add(document.key)
            sets_check(document, schema, default_author, fresh_ids, layers, errors)
        _report(errors, file, line, outcome)
        if document is not None:
            parsed.append(document)
    if outcome.errors:
        return parsed
    # Pass 2: relations, stances and answers.
    for document in parsed:
        errors = Errors()
        for i, aset in enumerate(document.sets):
            links_check(document, aset, schema, layers, f"sets[{i}]", errors)
        _report(errors, document.file, document.line, outcome)
    return parsed


def _report(errors: Errors, file: str, line: int | None, outcome: ImportOutcome) -> None:
    for path, message in errors.items.items():
        outcome.error(Issue(file, line, f"{path}: {message}" if path else message))


def _document_check(
    record: Any, file: str, line: int | None, errors: Errors
) -> CheckedDocument | None:
    if not isinstance(record, dict):
        errors.add("", "a document record must be an object")
        return None
    original = record.get("text")
    if not isinstance(original, str) or not original.strip():
        errors.add("text", "the document text is missing or blank")
        return None
    if "\x00" in original:
        errors.add("text", "holds a NUL character (U+0000), which cannot be stored")
        return None
    try:
        text, offsets = normalised(original)
    except ValueError as exc:
        errors.add("text", str(exc))
        return None
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    given = record.get("sha256")
    if given and text == original and given != sha:
        errors.add("sha256", "does not match the text (the file was changed after export?)")
    zones = _zones_check(record.get("zones"), offsets, len(text), errors)
    outlet = record.get("outlet")
    if isinstance(outlet, dict):
        outlet = (str(outlet.get("name") or ""), str(outlet.get("domain") or ""))
    elif isinstance(outlet, str):
        outlet = (outlet, "")
    else:
        outlet = None
    story = record.get("story")
    document = CheckedDocument(
        record=record,
        file=file,
        line=line,
        original=original,
        offsets=offsets,
        text=text,
        sha256=sha,
        key=record.get("id"),
        zones=zones,
        story=story if isinstance(story, str) and story else None,
        outlet=outlet if outlet and outlet[0] else None,
    )
    return document


def _zones_check(zones: Any, offsets: Any, length: int, errors: Errors) -> list[dict[str, Any]]:
    if not zones:
        return []
    if not isinstance(zones, list):
        errors.add("zones", "must be a list of {kind, start, end}")
        return []
    out = []
    for i, zone in enumerate(zones):
        ok = (
            isinstance(zone, dict)
            and zone.get("kind") in ZONE_KINDS
            and is_int(zone.get("start"))
            and is_int(zone.get("end"))
        )
        if not ok:
            errors.add(f"zones[{i}]", f"must be {{kind: one of {ZONE_KINDS}, start, end}}")
            continue
        try:
            start, end = offsets.map_span(zone["start"], zone["end"])
        except ValueError as exc:
            errors.add(f"zones[{i}]", str(exc))
            continue
        if not 0 <= start < end <= length:
            errors.add(f"zones[{i}]", f"[{start}, {end}) is outside the text")
            continue
        out.append({"kind": zone["kind"], "start": start, "end": end})
    return out
