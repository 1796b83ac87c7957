"""Reads over the corpus."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db.models import Q, QuerySet

from corpus.models import SEARCH_CONFIG, Document, Outlet, Story


def documents_visible_to(user: AbstractBaseUser) -> QuerySet[Document]:
    """Superusers see every document; others those of the projects they belong to."""
    qs = Document.objects.select_related("outlet", "story")
    if getattr(user, "is_superuser", False):
        return qs.all()
    return qs.filter(projects__members=user).distinct()


def stories_visible_to(user: AbstractBaseUser) -> QuerySet[Story]:
    if getattr(user, "is_superuser", False):
        return Story.objects.all()
    return Story.objects.filter(documents__projects__members=user).distinct()


def documents_search(qs: QuerySet[Document], query: str) -> QuerySet[Document]:
    """Full-text search (PostgreSQL, English; web-search syntax: "quoted phrase", -not, or).

    Matches the stored vector (``search``, GIN-indexed), or, for documents whose vector the
    background task has not filled yet, the vector computed from ``text`` on the fly."""
    search_query = SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch")
    return qs.alias(text_vector=SearchVector("text", config=SEARCH_CONFIG)).filter(
        Q(search=search_query) | Q(search__isnull=True, text_vector=search_query)
    )


@dataclass(frozen=True)
class DocumentFilters:
    """How document lists are narrowed, wherever they are listed: by story (id), outlet
    (name) and a full-text query (``documents_search``)."""

    story: int | None = None
    outlet: str | None = None
    q: str | None = None

    @property
    def active(self) -> bool:
        return self.story is not None or bool(self.outlet) or bool(self.q)


def documents_filtered(qs: QuerySet[Document], filters: DocumentFilters) -> QuerySet[Document]:
    if filters.story is not None:
        qs = qs.filter(story_id=filters.story)
    if filters.outlet:
        qs = qs.filter(outlet__name=filters.outlet)
    if filters.q:
        qs = documents_search(qs, filters.q)
    return qs


def outlets_visible_to(user: AbstractBaseUser) -> QuerySet[Outlet]:
    return Outlet.objects.filter(documents__in=documents_visible_to(user)).distinct()


def story_documents(user: AbstractBaseUser, story: Story) -> QuerySet[Document]:
    return documents_visible_to(user).filter(story=story).order_by("id")
