"""Editing a document's metadata: title, outlet, story, date, URL and language. The text is
never edited (every offset depends on it), and neither are ``raw``, ``zones`` nor ``meta``.

Outlets and stories are given by name: an existing one is reused (an outlet's name matched
case-insensitively, as the import matches it), a new name creates one, the empty string
clears the field. Names go through the import's own ``names_ensure``, so an edit and an
import creating the same name at once end with one row.

Who may edit a shared document is the caller's rule (``annotations.services.
project_documents``); this module only writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction

from corpus.models import Document
from corpus.services.document_writer import names_ensure, outlet_name, story_name

EDITABLE = ("title", "outlet", "story", "published_at", "url", "language")


@dataclass(frozen=True)
class _Named:
    """What ``names_ensure`` reads of a document: its story and outlet names."""

    story: str
    outlet: str
    outlet_domain: str = ""


@transaction.atomic
def document_metadata_update(*, document: Document, changes: dict[str, Any]) -> Document:
    """Apply ``changes`` (a subset of ``EDITABLE``, already validated) to the document and
    return it with its outlet and story loaded. Unknown keys are a programming error."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    locked = Document.objects.select_for_update().defer("text", "raw", "search").get(pk=document.pk)
    story = story_name(changes.get("story") or "")
    outlet = outlet_name(changes.get("outlet") or "")
    names = names_ensure([_Named(story=story, outlet=outlet)])
    fields: list[str] = []
    if "story" in changes:
        locked.story = names.stories.get(story)
        fields.append("story")
    if "outlet" in changes:
        locked.outlet = names.outlets.get(outlet)
        fields.append("outlet")
    for name in ("title", "url", "language"):
        if name in changes:
            setattr(locked, name, changes[name].strip())
            fields.append(name)
    if "published_at" in changes:
        value: datetime | None = changes["published_at"]
        locked.published_at = value
        fields.append("published_at")
    if fields:
        locked.save(update_fields=fields)
    return (
        Document.objects.select_related("outlet", "story")
        .defer("raw", "search")
        .get(pk=document.pk)
    )
