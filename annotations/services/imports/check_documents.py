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
from annotations.services.imports.checked import CheckedDocument, Layers, Places, hashable
from annotations.services.imports.metadata import READER_KEYS
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
    places: dict[int, Places] = {}  # by id() of the document that reports them
    # Pass 1: documents, sets and spans (relations may point at spans of later documents).
    for record in documents:
        file, line = where(record)
        here = Places(file, line)
        errors = here.at()
        document = _document_check(record, file, line, errors)
        if document is not None:
            if document.key is None:
                document.key = f"#{len(parsed)}"
            elif not hashable(document.key) or document.key in seen_keys:
                errors.add("id", f"document id {document.key!r} appears twice in the file")
            seen_keys.add(document.key)
            earlier = seen_text.get(document.sha256)
            if earlier is not None:
                # One text, one document: this record's sets join the earlier one's (the
                # list is shared, so a second set of a layer is found), the record is noted.
                document.sets = earlier.sets
                _same_text_note(earlier, document, outcome)
                for item in earlier.record.get("sets") or []:
                    if isinstance(item, dict):  # to say where a clashing set's first one is
                        item.setdefault("_where", {"file": earlier.file, "line": earlier.line})
                for item in record.get("sets") or []:
                    if isinstance(item, dict):  # its later problems are this record's
                        item.setdefault("_where", {"file": file, "line": line})
            sets_check(document, schema, default_author, fresh_ids, layers, here)
            if earlier is None:
                seen_text[document.sha256] = document
                parsed.append(document)
                places[id(document)] = here
        here.report(outcome)
    if outcome.errors:
        return parsed
    # Pass 2: relations, stances and answers.
    for document in parsed:
        here = places[id(document)]
        for aset in document.sets:
            links_check(document, aset, schema, layers, here)
        here.report(outcome)
    return parsed


_COMPARED = ("title", "url", "published_at", "language", "story", "outlet", "meta", "zones")


def _same_text_note(
    earlier: CheckedDocument, later: CheckedDocument, outcome: ImportOutcome
) -> None:
    """A second record of a text already read: one document with both records' sets; what
    else the two records say differently is noted (the first record's is kept)."""
    message = f"the same text as {_place(earlier)}: one document with the sets of both"
    differing = [
        name
        for name in _COMPARED
        if later.record.get(name) not in (None, "", {}, [])
        and later.record.get(name) != earlier.record.get(name)
        and not (name == "meta" and _reader_only(later.record.get(name)))
    ]
    if differing:
        kept = ", ".join(
            f"{name} {later.record.get(name)!r} (there: {earlier.record.get(name)!r})"
            for name in differing
        )
        message += f"; this file's {kept} not taken: the first is kept"
    outcome.notes.append(Issue(later.file, later.line, message))


def _place(document: CheckedDocument) -> str:
    return document.file if document.line is None else f"{document.file}:{document.line}"


def _reader_only(meta: Any) -> bool:
    """A reader's own ``meta`` (the file the record came from) is no difference."""
    return isinstance(meta, dict) and set(meta) <= READER_KEYS


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
