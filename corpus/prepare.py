"""From a record read from a file to what the corpus stores: the text cleaned (or only
normalised), its hash, title, outlet, zones, the audit of the cleaning, and its clauses
for near-duplicate detection (``corpus.similarity``).

Pure (no ORM, no Django): ``clean_pool`` runs ``items_prepare`` in worker processes, which
also parse the lines of JSON Lines files. What goes back is plain data.
"""

from __future__ import annotations

import hashlib
from array import array
from dataclasses import dataclass
from datetime import date
from typing import Any

import orjson

from corpus.cleaning import article_clean
from corpus.importers.jsonl import JsonLine, record_of_line
from corpus.importers.records import SourceRecord
from corpus.issues import Issue
from corpus.similarity import clauses

_STORED_STRINGS = ("text", "raw", "title", "url", "outlet", "language", "story")


Item = SourceRecord | JsonLine | Issue


@dataclass(slots=True)
class Cleaned:
    """A record's text as stored and what cleaning found in it."""

    text: str
    raw: str  # what was imported, or "" when it is ``text``
    sha256: str
    title: str
    outlet: str | None
    outlet_domain: str | None
    published: date | None
    zones: list[dict[str, Any]]
    audit: dict[str, Any]  # ``CleanResult.audit()``: kept as ``meta["cleaning"]``
    clauses: array[int]  # ``similarity.clauses``: one object to send back, not 100 ints


Prepared = Cleaned | Issue


def record_prepare(record: SourceRecord, clean: bool) -> Cleaned | Issue:
    """Clean (``clean``) or only normalise one record; an ``Issue`` when it cannot be
    stored (a NUL character) or nothing is left of its text."""
    nul = _nul_field(record)
    if nul is not None:
        message = f'"{nul}" holds a NUL character (U+0000), which cannot be stored'
        return Issue(record.file, record.line, message)
    result = article_clean(
        record.text,
        enabled=clean,
        title=record.title or None,
        outlet=record.outlet or None,
        url=record.url or None,
    )
    if not result.text.strip():
        message = "no text left after cleaning" if clean else "the text is blank"
        return Issue(record.file, record.line, message)
    encoded = result.text.encode("utf-8")
    raw = record.raw or record.text
    return Cleaned(
        text=result.text,
        raw="" if raw == result.text else raw,
        sha256=hashlib.sha256(encoded).hexdigest(),
        title=result.title,
        outlet=result.outlet,
        outlet_domain=result.outlet_domain,
        published=result.published,
        zones=result.zones_as_dicts(),
        audit=result.audit(),
        clauses=array("L", clauses(encoded)),
    )


def items_prepare(items: list[Item], clean: bool) -> list[tuple[SourceRecord | None, Prepared]]:
    """Each item prepared, in order: a record with ``record_prepare``, a JSON line parsed
    first (its record comes back with it), an ``Issue`` (a line a reader could not read)
    as it is. The record is ``None`` when the caller has it already or there is none."""
    out: list[tuple[SourceRecord | None, Prepared]] = []
    for item in items:
        if isinstance(item, Issue):
            out.append((None, item))
        elif isinstance(item, JsonLine):
            record = record_of_line(item)
            if isinstance(record, Issue):
                out.append((None, record))
            else:
                record.fmt = "jsonl"
                prepared = record_prepare(record, clean)
                record.text = ""  # it goes back once: as ``Cleaned.text`` and ``raw``
                out.append((record, prepared))
        else:
            out.append((None, record_prepare(item, clean)))
    return out


def _nul_field(record: SourceRecord) -> str | None:
    """The first field holding U+0000: PostgreSQL stores it in neither text nor jsonb, and
    one such row would fail the COPY of its whole batch."""
    for name in _STORED_STRINGS:
        if "\x00" in getattr(record, name):
            return name
    if record.meta and b"\\u0000" in orjson.dumps(record.meta):
        return "meta"
    return None
