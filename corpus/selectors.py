"""Reads over the corpus."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db.models import Q, QuerySet

from corpus.models import SEARCH_CONFIG, Document, Story


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
