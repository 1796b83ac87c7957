"""Documents and where they come from. This app knows nothing of annotations."""

from __future__ import annotations

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower

ZONE_KINDS = ("headline", "byline", "dateline", "caption", "body")
SEARCH_CONFIG = "english"


class Outlet(models.Model):
    """A publisher: "The Harbour Ledger", with its web domain when known. Names are unique
    case-insensitively ("the harbour ledger" is the same outlet), in the database too, so
    concurrent imports cannot create one outlet twice."""

    name = models.CharField(max_length=200, unique=True)
    domain = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="outlet_name_unique_folded")]

    def __str__(self) -> str:
        return self.name


class Story(models.Model):
    """One event reported by several outlets; cross-document work happens inside a story."""

    name = models.CharField(max_length=300, unique=True)
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "stories"

    def __str__(self) -> str:
        return self.name


class Document(models.Model):
    """An article. ``text`` is NFC with ``\\n`` line endings, set once at import, never edited.

    ``zones`` is a list of ``{"kind", "start", "end"}`` code-point ranges over ``text``
    (headline, byline, dateline, caption, body). ``raw`` keeps what was imported when it
    differs from ``text``; the empty string means "the same as ``text``" (``raw_text``
    gives the imported text either way).

    ``search`` is the full-text vector of ``text`` (English), filled after the import by a
    background task (``corpus.tasks``) or ``manage.py index_search``; it is NULL until then,
    and searches fall back to computing the vector (``corpus.selectors.documents_search``).
    """

    story = models.ForeignKey(
        Story, null=True, blank=True, on_delete=models.SET_NULL, related_name="documents"
    )
    outlet = models.ForeignKey(
        Outlet, null=True, blank=True, on_delete=models.SET_NULL, related_name="documents"
    )
    title = models.CharField(max_length=500, blank=True)
    text = models.TextField()
    raw = models.TextField(blank=True)
    url = models.URLField(max_length=2000, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(max_length=16, default="en")
    meta = models.JSONField(default=dict, blank=True)
    sha256 = models.CharField(max_length=64)
    # A text is stored more than once when an importer cannot read its stored copy (in no
    # project of theirs): each copy is a variant, 0 for the first (``document_writer``).
    variant = models.PositiveSmallIntegerField(default=0)
    zones = models.JSONField(default=list, blank=True)
    search = SearchVectorField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        indexes = [
            # Partial: rows not indexed yet (NULL) cost the import nothing; ``search @@ q``
            # implies ``search IS NOT NULL``, so searches still use it.
            GinIndex(
                fields=["search"],
                name="document_search",
                condition=Q(search__isnull=False),
            ),
            # The rows not indexed yet: lets a search OR the two cases with two index scans
            # (BitmapOr) instead of a sequential scan, and ``index_search`` find them.
            models.Index(
                fields=["id"], name="document_search_pending", condition=Q(search__isnull=True)
            ),
            models.Index(fields=["story", "outlet"], name="document_story_outlet"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["sha256", "variant"], name="document_text_variant"),
            models.CheckConstraint(
                condition=Q(sha256__regex=r"^[0-9a-f]{64}$"), name="document_sha256_hex"
            ),
            models.CheckConstraint(condition=~Q(text=""), name="document_text_not_empty"),
        ]

    def __str__(self) -> str:
        return self.title or f"Document {self.pk}"

    @property
    def raw_text(self) -> str:
        """What was imported: ``raw``, or ``text`` when ``raw`` is empty (the same)."""
        return self.raw or self.text
