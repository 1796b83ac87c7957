"""What importers yield: plain records, or ``Issue``s naming the file and line."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from corpus.issues import Issue

TEXT_FIELDS = ("title", "url", "outlet", "language", "story")
KNOWN_FIELDS = frozenset({"text", "published_at", "meta", *TEXT_FIELDS})
MAX_LENGTHS = {"title": 500, "url": 2000, "outlet": 200, "language": 16, "story": 300}


@dataclass(slots=True)
class SourceRecord:
    """One document as read from a file, before cleaning. ``line`` is 1-based, or ``None``
    when the whole file is the document."""

    file: str
    line: int | None
    text: str
    title: str = ""
    url: str = ""
    outlet: str = ""
    published_at: datetime | None = None
    language: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    story: str = ""
    raw: str = ""  # what the document was made from, when it is not ``text`` (an HTML page)
    fmt: str = ""  # the format it was read as (set by the import)


def datetime_parse(value: str) -> datetime:
    """ISO 8601 date or date-time; a date is midnight UTC, a naive time is taken as UTC."""
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        parsed = datetime.combine(date.fromisoformat(value), datetime.min.time())
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def record_from_mapping(
    file: str, line: int | None, data: Mapping[str, Any]
) -> SourceRecord | Issue:
    """Check the fields of one JSONL object or CSV row; unknown fields go to ``meta["extra"]``."""

    def fail(message: str) -> Issue:
        return Issue(file, line, message)

    text = data.get("text")
    if text is None:
        return fail('missing "text"')
    if not isinstance(text, str):
        return fail(f'"text" must be a string, not {type(text).__name__}')
    if not text.strip():
        return fail('"text" is empty')
    values: dict[str, str] = {}
    for name in TEXT_FIELDS:
        value = data.get(name)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            return fail(f'"{name}" must be a string, not {type(value).__name__}')
        value = value.strip()
        if len(value) > MAX_LENGTHS[name]:
            return fail(f'"{name}" is longer than {MAX_LENGTHS[name]} characters')
        values[name] = value
    published_at = None
    raw_date = data.get("published_at")
    if raw_date not in (None, ""):
        if not isinstance(raw_date, str):
            return fail('"published_at" must be an ISO 8601 string such as "2024-03-26"')
        try:
            published_at = datetime_parse(raw_date)
        except ValueError:
            return fail(f'"published_at" is not an ISO 8601 date: {raw_date!r}')
    meta = data.get("meta")
    if meta in (None, ""):
        meta = {}
    if not isinstance(meta, dict):
        return fail('"meta" must be a JSON object')
    extra = {key: value for key, value in data.items() if key not in KNOWN_FIELDS}
    if extra:
        meta = {**meta, "extra": extra}
    return SourceRecord(
        file=file, line=line, text=text, published_at=published_at, meta=meta, **values
    )
