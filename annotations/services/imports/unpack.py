"""The first step of an import: uploads unpacked (zips safely, ``formats.archives``) and read
by the format's reader into records. Problems go into the outcome; nothing is written.
Raw articles (``raw_articles``) are not read: the outcome names them and points to the Add
documents page."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from annotations.formats import import_spec
from annotations.formats.archives import upload_files
from annotations.formats.records import Issue, ReadResult
from annotations.services.imports.outcome import ImportOutcome
from annotations.services.imports.raw_articles import raw_articles, raw_articles_message


def files_read(
    fmt: str, files: list[tuple[str, bytes]], options: dict[str, Any], outcome: ImportOutcome
) -> ReadResult | None:
    """The records in ``files`` read as format ``fmt``; None when any file or record is bad
    (each problem is in ``outcome``). The reader's notes go to ``outcome`` either way."""
    spec = import_spec(fmt)
    unpacked: list[tuple[str, bytes]] = []
    limit = settings.CLAIMLENS_MAX_UPLOAD_BYTES * 4
    for name, data in files:
        members, issues = upload_files(name, data, max_total=limit)
        for issue in issues:
            outcome.error(issue)
        unpacked.extend(members)
    if outcome.errors:
        return None
    articles = raw_articles(fmt, unpacked, options.get("encoding"))
    if articles:  # one pointer to the Add documents page, not an error per line
        outcome.raw_articles = articles
        outcome.error(Issue("", None, raw_articles_message(articles, len(unpacked))))
        return None
    result = spec.read(unpacked, options)
    outcome.notes.extend(result.notes)
    for issue in result.errors:
        outcome.error(issue)
    return None if outcome.errors else result
