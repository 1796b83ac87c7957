"""What the Add documents page shows of the documents an import gave: which the project held
already, and each one's outlet, story, date, zones, removed lines and look-alikes. Two
queries whatever the number of documents."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from django.db.models.fields.json import KeyTransform

from annotations.models import Project, ProjectDocument
from corpus.models import Document


def documents_held(project: Project, ids: Iterable[int]) -> set[int]:
    """Those of ``ids`` already in the project's queue."""
    return set(
        ProjectDocument.objects.filter(project=project, document_id__in=list(ids)).values_list(
            "document_id", flat=True
        )
    )


def documents_described(ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """By id: outlet and story names, date, URL, language, zone counts by kind, and the
    lines cleaning removed (``meta["cleaning"]["removed"]``, read without the rest of
    ``meta``)."""
    rows = Document.objects.filter(pk__in=list(ids)).values(
        "id",
        "title",
        "outlet__name",
        "story__name",
        "published_at",
        "url",
        "language",
        "zones",
        removed=KeyTransform("removed", KeyTransform("cleaning", "meta")),
    )
    described: dict[int, dict[str, Any]] = {}
    for row in rows:
        zones = row["zones"] if isinstance(row["zones"], list) else []
        described[row["id"]] = {
            "title": row["title"],
            "outlet": row["outlet__name"] or "",
            "story": row["story__name"] or "",
            "published_at": row["published_at"],
            "url": row["url"],
            "language": row["language"],
            "zones": dict(Counter(zone.get("kind", "") for zone in zones)),
            "removed": row["removed"] if isinstance(row["removed"], list) else [],
        }
    return described
