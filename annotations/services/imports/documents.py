"""The documents of an import: a text already in the corpus is reused, the rest copied in."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from annotations.services.imports.outcome import ImportOutcome
from annotations.services.imports.parsed import CheckedDocument
from corpus.importers.document_copy import DocumentCopy
from corpus.models import Document, Outlet, Story


def documents_write(parsed: list[CheckedDocument], outcome: ImportOutcome) -> None:
    existing = {d.sha256: d for d in Document.objects.filter(sha256__in=[p.sha256 for p in parsed])}
    stories = {
        name: Story.objects.get_or_create(name=name[:300])[0]
        for name in sorted({p.story for p in parsed if p.story})
    }
    outlets: dict[str, Outlet] = {}
    for name, domain in sorted({p.outlet for p in parsed if p.outlet}):
        if name.casefold() not in outlets:
            found = Outlet.objects.filter(name__iexact=name).first()
            outlets[name.casefold()] = found or Outlet.objects.create(
                name=name[:200], domain=domain[:200]
            )
    new: list[Document] = []
    now = timezone.now()
    for item in parsed:
        item.row = existing.get(item.sha256)
        if item.row is not None:
            outcome.counts["documents_existing"] += 1
            continue
        record = item.record
        raw = record.get("raw") if isinstance(record.get("raw"), str) else ""
        if not raw and item.original != item.text:
            raw = item.original
        item.row = Document(
            story=stories.get(item.story) if item.story else None,
            outlet=outlets.get(item.outlet[0].casefold()) if item.outlet else None,
            title=str(record.get("title") or "")[:500],
            text=item.text,
            raw="" if raw == item.text else raw,
            url=str(record.get("url") or "")[:2000],
            published_at=_when(record.get("published_at")),
            language=str(record.get("language") or "en")[:16],
            meta=record.get("meta") if isinstance(record.get("meta"), dict) else {},
            sha256=item.sha256,
            zones=item.zones,
            created_at=now,
        )
        new.append(item.row)
    if new:
        with DocumentCopy() as copy:
            for document in new:
                copy.write(document)
        ids = dict(
            Document.objects.filter(sha256__in=[d.sha256 for d in new]).values_list("sha256", "id")
        )
        for document in new:
            document.pk = ids[document.sha256]
            document._state.adding = False
        from corpus.tasks import search_index_enqueue

        new_ids = [d.pk for d in new]
        transaction.on_commit(lambda: search_index_enqueue(new_ids))
    outcome.counts["documents_created"] += len(new)


def _when(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None
