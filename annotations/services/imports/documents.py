"""The documents of an import, stored by the corpus's one writer (``corpus.services``): a
text already in the corpus is reused (its title, date and metadata kept and the file's
differences noted, or taken with ``update_metadata``: ``metadata``), the rest copied in,
stories and outlets found by name or created, inside the import's transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from annotations.services.imports.checked import CheckedDocument
from annotations.services.imports.metadata import metadata_compare
from annotations.services.imports.outcome import ImportOutcome
from corpus import services as corpus_services


def documents_write(
    parsed: list[CheckedDocument],
    outcome: ImportOutcome,
    update_metadata: bool = False,
    user: Any = None,
    project_id: int | None = None,
) -> None:
    """Give each checked document its row (``row``) and count the created and reused. A
    stored text is reused only where ``user`` can read it (else stored again from the
    file: ``corpus.services.document_writer``). For a reused one, what the file says
    differently of it is noted, or taken with ``update_metadata`` (``metadata``)."""
    inputs = [_document_input(item) for item in parsed]
    written = corpus_services.documents_write(inputs, reader=user, project_id=project_id)
    for item, row in zip(parsed, written.documents, strict=True):
        item.row = row
    outcome.counts["documents_created"] += len(written.created)
    outcome.counts["documents_existing"] += len(parsed) - len(written.created)
    created = {row.pk for row in written.created}
    reused = [(item, given) for item, given in zip(parsed, inputs, strict=True)]
    reused = [(item, given) for item, given in reused if item.row.pk not in created]
    metadata_compare(reused, update_metadata, outcome)


def _document_input(item: CheckedDocument) -> corpus_services.DocumentInput:
    record = item.record
    raw = record.get("raw") if isinstance(record.get("raw"), str) else ""
    if not raw and item.original != item.text:
        raw = item.original
    outlet, domain = item.outlet or ("", "")
    meta = record.get("meta")
    return corpus_services.DocumentInput(
        text=item.text,
        sha256=item.sha256,
        title=str(record.get("title") or ""),
        raw=raw,
        url=str(record.get("url") or ""),
        published_at=_when(record.get("published_at")),
        language=str(record.get("language") or ""),
        meta=meta if isinstance(meta, dict) else {},
        zones=item.zones,
        story=item.story or "",
        outlet=outlet,
        outlet_domain=domain,
    )


def _when(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None
