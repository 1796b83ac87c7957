"""Reads of set history: a set's revisions, newest first, each with what its write changed,
and one revision with its contents.

What a write changed is not stored: it is the difference between its revision and the one
before (``annotations/set_changes.py``), worked out here for the revisions asked for. The
contents are read as JSON text and parsed with orjson.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import orjson
from django.db.models import QuerySet, TextField
from django.db.models.functions import Cast

from annotations.contracts_history import RevisionDetail, RevisionRow
from annotations.models import AnnotationSet, SetRevision
from annotations.set_changes import change_counts, contents_changes, contents_counts


def set_revisions(aset: AnnotationSet) -> QuerySet[SetRevision]:
    """The set's revisions, newest first, without their contents (for paging)."""
    return (
        SetRevision.objects.filter(annotation_set=aset)
        .select_related("author")
        .defer("contents")
        .order_by("-version")
    )


def _contents(set_id: int, versions: Sequence[int]) -> dict[int, dict[str, Any]]:
    rows = SetRevision.objects.filter(annotation_set_id=set_id, version__in=list(versions))
    texts = rows.annotate(text=Cast("contents", TextField())).values_list("version", "text")
    return {version: orjson.loads(text) for version, text in texts}


def _previous_version(set_id: int, version: int) -> int | None:
    earlier = SetRevision.objects.filter(annotation_set_id=set_id, version__lt=version)
    return earlier.order_by("-version").values_list("version", flat=True).first()


def _row(
    revision: SetRevision, contents: dict[str, Any], before: dict[str, Any] | None
) -> RevisionRow:
    return {
        "version": revision.version,
        "author": revision.author.username if revision.author_id else None,
        "created_at": revision.created_at,
        "baseline": before is None,
        "counts": contents_counts(contents),
        "changes": None if before is None else change_counts(contents_changes(before, contents)),
    }


def revision_rows(aset: AnnotationSet, page: Sequence[SetRevision]) -> list[RevisionRow]:
    """The rows of a page of ``set_revisions``, each with its changes (the page's oldest
    revision is compared with the one before the page)."""
    if not page:
        return []
    versions = [revision.version for revision in page]
    earlier = _previous_version(aset.pk, min(versions))
    contents = _contents(aset.pk, [*versions, *([earlier] if earlier is not None else [])])
    ordered = sorted(contents)
    before_of = {version: ordered[i - 1] if i else None for i, version in enumerate(ordered)}
    return [
        _row(
            revision,
            contents[revision.version],
            None if before_of[revision.version] is None else contents[before_of[revision.version]],
        )
        for revision in page
    ]


def revision_detail(aset: AnnotationSet, version: int) -> RevisionDetail | None:
    """One revision with its contents and the rows its write changed; None when the set
    has no such revision."""
    revision = (
        SetRevision.objects.select_related("author")
        .filter(annotation_set=aset, version=version)
        .first()
    )
    if revision is None:
        return None
    earlier = _previous_version(aset.pk, version)
    before = _contents(aset.pk, [earlier])[earlier] if earlier is not None else None
    contents = revision.contents
    return {
        **_row(revision, contents, before),
        "contents": contents,
        "changed": None if before is None else contents_changes(before, contents),
    }


def set_revision(aset: AnnotationSet, version: int) -> SetRevision | None:
    return SetRevision.objects.filter(annotation_set=aset, version=version).first()
