"""The source registry: a project's canonical sources (who says things in its documents) and
the aliases they go by. A SOURCE span links to an entry through its ``entry`` attribute (a
schema attribute of type ``registry``, whose value is the entry's ``key``)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from annotations.models.projects import Project


class SourceKind(models.TextChoices):
    NAMED_PERSON = "named_person", "Named person"
    NAMED_ORGANISATION = "named_organisation", "Named organisation"
    ANONYMOUS_OFFICIAL = "anonymous_official", "Anonymous official"
    OTHER = "other", "Other"


class SourceEntry(models.Model):
    """One canonical source of a project. ``key`` is what spans store (never renamed, so a
    span's link survives edits of the name); ``affiliation`` is the side or body it speaks
    for."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="sources")
    key = models.SlugField(max_length=64)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=32, choices=SourceKind.choices)
    affiliation = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["project", "key"], name="source_key_unique"),
            models.CheckConstraint(
                condition=Q(kind__in=SourceKind.values), name="source_kind_known"
            ),
            models.CheckConstraint(condition=~Q(key=""), name="source_key_not_empty"),
            models.CheckConstraint(condition=~Q(name=""), name="source_name_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.key})"


class SourceAlias(models.Model):
    """Another name of an entry ("a senior U.S. official", "the White House").
    ``normalized`` is ``annotations.source_names.name_normalized(alias)``: what suggestions
    match on, and what makes two aliases of one entry the same."""

    entry = models.ForeignKey(SourceEntry, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=200)
    normalized = models.CharField(max_length=200)

    class Meta:
        ordering = ["alias", "id"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "normalized"], name="source_alias_unique"),
            models.CheckConstraint(condition=~Q(normalized=""), name="source_alias_not_empty"),
        ]

    def __str__(self) -> str:
        return self.alias
