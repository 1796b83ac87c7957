"""From a record read from a file to the row the corpus stores: the text cleaned (or only
normalised), its hash, title, outlet, zones, the audit of the cleaning, and its clauses
for near-duplicate detection (``corpus.similarity``).

Pure (no ORM, no Django): ``clean_pool`` runs ``items_prepare`` in worker processes, which
also parse the lines of JSON Lines files. What goes back is plain data, the long columns
already encoded as they are copied into the database (the text as UTF-8, meta and zones
as JSON): the storing process neither decodes nor encodes them again.
"""

from __future__ import annotations

import hashlib
from array import array
from datetime import UTC, datetime, time
from typing import NamedTuple

import orjson

from corpus.cleaning import article_clean
from corpus.importers.jsonl import JsonLine, record_of_line
from corpus.importers.records import SourceRecord
from corpus.issues import Issue
from corpus.similarity import clauses

_STORED_STRINGS = ("text", "raw", "title", "url", "outlet", "language", "story")


Item = SourceRecord | JsonLine | Issue


class Prepared(NamedTuple):
    """A record as the corpus stores it. ``text`` and ``raw`` (what was imported, or empty
    when it is the text) are UTF-8, ``meta`` (the record's own, the audit of the cleaning
    as ``meta["cleaning"]``, its ``source``) and ``zones`` are JSON. A named tuple: it
    crosses processes at a fraction of a dataclass's cost."""

    sha256: str
    title: str
    url: str
    published_at: datetime | None
    language: str
    story: str
    outlet: str
    outlet_domain: str
    text: bytes
    raw: bytes
    meta: bytes
    zones: bytes
    clauses: array[int]  # ``similarity.clauses``: one object to send back, not 100 ints
    removed: tuple[str, ...]  # the rule of each removal, which the import's report counts


def record_prepare(
    record: SourceRecord, clean: bool, *, nul_free: bool = False
) -> Prepared | Issue:
    """Clean (``clean``) or only normalise one record; an ``Issue`` when it cannot be
    stored (a NUL character) or nothing is left of its text. ``nul_free``: the caller
    knows that no field holds a NUL."""
    nul = None if nul_free else _nul_field(record)
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
    if not result.text or result.text.isspace():  # ``strip()`` would copy the text
        message = "no text left after cleaning" if clean else "the text is blank"
        return Issue(record.file, record.line, message)
    encoded = result.text.encode("utf-8")
    raw = record.raw or record.text
    published_at = record.published_at
    if published_at is None and result.published is not None:
        published_at = datetime.combine(result.published, time(), tzinfo=UTC)
    source = {"file": record.file, "line": record.line, "format": record.fmt}
    return Prepared(
        sha256=hashlib.sha256(encoded).hexdigest(),
        title=result.title,
        url=record.url,
        published_at=published_at,
        language=record.language,
        story=record.story,
        outlet=result.outlet or "",
        outlet_domain=result.outlet_domain or "",
        text=encoded,
        raw=b"" if raw == result.text else raw.encode("utf-8"),
        meta=orjson.dumps({**record.meta, "cleaning": result.audit(), "source": source}),
        zones=orjson.dumps(result.zones_as_dicts()),
        clauses=array("L", clauses(encoded)),
        removed=tuple(removal.rule for removal in result.removed),
    )


def items_prepare(items: list[Item], clean: bool) -> list[Prepared | Issue]:
    """Each item prepared, in order: a record with ``record_prepare``, a JSON line parsed
    first, an ``Issue`` (a line a reader could not read) as it is."""
    out: list[Prepared | Issue] = []
    for item in items:
        if isinstance(item, Issue):
            out.append(item)
        elif isinstance(item, JsonLine):
            record = record_of_line(item)
            if isinstance(record, SourceRecord):
                record.fmt = "jsonl"
                # JSON writes U+0000 as \u0000 only: without it, no field holds one.
                out.append(record_prepare(record, clean, nul_free=b"\\u0000" not in item.data))
            else:
                out.append(record)
        else:
            out.append(record_prepare(item, clean))
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
