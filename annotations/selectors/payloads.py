"""The dicts responses are made of, built in one place: a set without its contents, and a
document as the workspace reads it."""

from __future__ import annotations

from annotations.contracts import DocumentDetail, SetHeader
from annotations.models import AnnotationSet
from corpus.models import Document

# What a document read carries: no ``raw``, ``meta`` or search vector.
DOCUMENT_READ_FIELDS = (
    "id",
    "title",
    "text",
    "story",
    "outlet",
    "url",
    "published_at",
    "language",
    "zones",
)


def document_payload(document: Document) -> DocumentDetail:
    """A document as responses show it (``outlet`` must be loaded when it has one)."""
    return {
        "id": document.pk,
        "title": document.title,
        "text": document.text,
        "outlet": document.outlet.name if document.outlet_id else None,
        "story": document.story_id,
        "url": document.url,
        "published_at": document.published_at,
        "language": document.language,
        "zones": document.zones,
    }


def set_header(aset: AnnotationSet) -> SetHeader:
    """A set without its contents: what list and status responses return."""
    return {
        "id": aset.pk,
        "project": aset.project_id,
        "document": aset.document_id,
        "kind": aset.kind,
        "author": aset.author.username if aset.author_id and aset.author else None,
        "model_name": aset.model_name,
        "status": aset.status,
        "version": aset.version,
        "created_at": aset.created_at,
        "updated_at": aset.updated_at,
        "submitted_at": aset.submitted_at,
    }
