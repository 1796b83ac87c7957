"""Documents already in the corpus: what the file says of them (title, date, URL, story,
outlet, ``meta``) against what is stored. A text is stored once and its row is shared by
every project, so the stored values are kept and each difference is noted (file, line,
field, stored and given); with the import option ``update_metadata`` the file's values are
taken instead (noted too). Only what the file gives is compared: an empty field says nothing.
``meta`` is compared key by key, leaving out what a reader says of the file (``source``,
``label_studio_task``: where this copy came from, not what the document is).

Only a document the importer can read is ever reused (``corpus.services.document_writer``:
one they cannot is stored again from the file), so the stored values shown are theirs to see."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from annotations.formats.records import Issue
from annotations.services.imports.checked import CheckedDocument
from annotations.services.imports.outcome import ImportOutcome
from corpus import services as corpus_services
from corpus.models import Document
from corpus.services.document_writer import outlet_name, story_name

# meta keys a reader fills in about the file itself (brat's file, Label Studio's task id)
READER_KEYS = {"source", "label_studio_task"}
_COMPARED = ("title", "url", "published_at", "meta", "story__name", "outlet__name")
_MAX = {f.name: f.max_length for f in Document._meta.concrete_fields if f.max_length}


def metadata_compare(
    reused: list[tuple[CheckedDocument, corpus_services.DocumentInput]],
    update: bool,
    outcome: ImportOutcome,
) -> None:
    """Note (or, with ``update``, take) each field where the file differs from the row."""
    if not reused:
        return
    rows = (
        Document.objects.select_related("story", "outlet")
        .only(*_COMPARED)  # not the texts: one may be megabytes
        .in_bulk([d.row.pk for d, _ in reused])
    )
    names = corpus_services.names_ensure([given for _, given in reused]) if update else None
    for document, given in reused:
        row = rows[document.row.pk]
        changes: dict[str, Any] = {}
        for field, stored, wanted in _differences(row, given):
            place = f"the corpus already has this text (document {row.pk}): its {field}"
            if update:
                message = f"{place} was {stored!r}, now {wanted!r} (update_metadata)"
            else:
                message = f"{place} {stored!r} is kept, not the file's {wanted!r}"
                message += " (update_metadata takes the file's)"
            outcome.notes.append(Issue(document.file, document.line, message))
            changes[field] = wanted
        if update and changes and names is not None:
            _update(row, changes, names)


def _differences(row: Document, given: corpus_services.DocumentInput) -> list[tuple[str, Any, Any]]:
    found: list[tuple[str, Any, Any]] = []
    title, url = given.title.strip()[: _MAX["title"]], given.url.strip()[: _MAX["url"]]
    if title and title != row.title:
        found.append(("title", row.title, title))
    if url and url != row.url:
        found.append(("url", row.url, url))
    when = _aware(given.published_at)
    if when is not None and when != row.published_at:
        found.append(("published_at", _iso(row.published_at), when.isoformat()))
    story = story_name(given.story)
    if story and story != (row.story.name if row.story else ""):
        found.append(("story", row.story.name if row.story else None, story))
    outlet = outlet_name(given.outlet)
    if outlet and outlet.lower() != (row.outlet.name.lower() if row.outlet else ""):
        found.append(("outlet", row.outlet.name if row.outlet else None, outlet))
    stored_meta = row.meta if isinstance(row.meta, dict) else {}
    for key, value in given.meta.items():
        if key not in READER_KEYS and stored_meta.get(key) != value:
            found.append((f"meta.{key}", stored_meta.get(key), value))
    return found


def _update(row: Document, changes: dict[str, Any], names: corpus_services.Names) -> None:
    fields: dict[str, Any] = {}
    meta = dict(row.meta) if isinstance(row.meta, dict) else {}
    for field, value in changes.items():
        if field.startswith("meta."):
            meta[field[len("meta.") :]] = value
            fields["meta"] = meta
        elif field == "story":
            fields["story"] = names.stories[value]
        elif field == "outlet":
            fields["outlet"] = names.outlets[value]
        elif field == "published_at":
            fields["published_at"] = datetime.fromisoformat(value)
        else:
            fields[field] = value
    Document.objects.filter(pk=row.pk).update(**fields)


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)  # a time without a zone is UTC, as when stored
    return value


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None
