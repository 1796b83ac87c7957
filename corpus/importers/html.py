"""HTML pages: the article is extracted with trafilatura (locally; no network)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import trafilatura

from corpus.decoding import text_read
from corpus.importers.records import SourceRecord, datetime_parse
from corpus.issues import Issue

_CHARSET_RE = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_SNIFF_BYTES = 4096


def read(name: str, data: bytes) -> Iterator[SourceRecord | Issue]:
    declared = _CHARSET_RE.search(data[:_SNIFF_BYTES])
    page = text_read(name, data, "HTML", fallback=declared.group(1).decode() if declared else None)
    if isinstance(page, Issue):
        yield page
        return
    try:
        extracted = trafilatura.bare_extraction(
            page,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
        )
    except Exception as error:  # noqa: BLE001 - the extractor's parser errors are many
        yield Issue(name, None, f"could not parse the HTML: {error}")
        return
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        yield Issue(name, None, "no article text found in the HTML page")
        return
    meta: dict[str, object] = {}
    for key in ("author", "description", "categories", "tags", "hostname", "sitename"):
        value = getattr(extracted, key, None)
        if value:
            meta[key] = value
    published_at = None
    if extracted.date:
        try:
            published_at = datetime_parse(extracted.date)
        except ValueError:
            meta["date"] = extracted.date
    yield SourceRecord(
        file=name,
        line=None,
        text=text,
        title=(extracted.title or "").strip()[:500],
        url=(extracted.url or "").strip()[:2000],
        outlet=(extracted.sitename or "").strip()[:200],
        published_at=published_at,
        language=(extracted.language or "")[:16],
        meta={"html": meta} if meta else {},
        raw=page,
    )
