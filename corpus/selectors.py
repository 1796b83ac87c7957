"""Reads over the corpus."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db.models import QuerySet

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
    """Full-text search (PostgreSQL, English; web-search syntax: "quoted phrase", -not, or)."""
    search = SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch")
    return qs.annotate(search=SearchVector("text", config=SEARCH_CONFIG)).filter(search=search)
