"""Spans linked to the source registry: the one check every set write makes of a
``registry`` attribute's value, and the counts of spans that use an entry.

Every write path builds its schema with ``schema_for_write`` (whole-set writes, row writes,
imports), so a key that is not an entry of the project's registry is refused where the
other attribute checks refuse theirs: at the span's path (``spans[3].attributes``).

Concurrency: the keys are read ``FOR KEY SHARE``, so an entry cannot be deleted (its row
locked ``FOR UPDATE`` by ``source_delete``) between a write's check and its commit, while
writes do not wait for one another nor for edits of an entry's name.
"""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.db.models.fields.json import KeyTextTransform

from annotations.models import SetKind, SourceEntry, Span
from annotations.schema import Schema

_KEYS_SQL = (
    f"SELECT key FROM {SourceEntry._meta.db_table} WHERE project_id = %s ORDER BY id FOR KEY SHARE"
)


def registry_keys_locked(project_id: int) -> frozenset[str]:
    """The keys of the project's registry, their rows held ``FOR KEY SHARE`` until the
    transaction ends (outside one, only read)."""
    with connection.cursor() as cursor:
        cursor.execute(_KEYS_SQL, [project_id])
        return frozenset(key for (key,) in cursor.fetchall())


def schema_for_write(
    project_id: int, definition: dict[str, Any], extra_keys: frozenset[str] = frozenset()
) -> Schema:
    """The schema a set write checks with: registry values must be keys of the project's
    registry (or of ``extra_keys``: entries an import creates first). The registry is read
    only when the schema has a ``registry`` attribute."""
    schema = Schema(definition)
    if not schema.has_registry_attribute():
        return schema
    return Schema(definition, registry_keys=registry_keys_locked(project_id) | extra_keys)


def registry_attributes(definition: dict[str, Any]) -> dict[str, list[str]]:
    """The schema's ``registry`` attributes: attribute key -> the labels that declare it
    (``{"entry": ["SOURCE"]}`` in the news preset)."""
    found: dict[str, list[str]] = {}
    for label in definition.get("span_labels", []):
        for attribute in label.get("attributes", []):
            if attribute.get("type") == "registry":
                found.setdefault(attribute["key"], []).append(label["key"])
    return dict(sorted(found.items()))


def registry_links(definition: dict[str, Any], key: str, prefix: str = "") -> Q:
    """A filter on spans (``prefix``: the path to them, e.g. ``target__``) whose registry
    attribute holds ``key``; matches nothing when the schema has no registry attribute."""
    linked = Q(pk__in=[])
    for attribute, labels in registry_attributes(definition).items():
        linked |= Q(
            **{f"{prefix}label__in": labels, f"{prefix}attributes__contains": {attribute: key}}
        )
    return linked


def linked_spans(project_id: int, definition: dict[str, Any], key: str) -> QuerySet:
    """The project's spans whose registry attribute holds ``key``."""
    spans = Span.objects.filter(annotation_set__project_id=project_id)
    return spans.filter(registry_links(definition, key))


def linked_span_counts(
    project_id: int,
    definition: dict[str, Any],
    keys: list[str] | None = None,
    author_id: int | None = None,
) -> dict[str, int]:
    """How many spans of the project link to each entry key (``keys``: only these; keys
    without spans left out; ``author_id``: only in that person's annotator sets): one query
    per registry attribute (one in the presets), over the labels declaring it."""
    counts: dict[str, int] = {}
    spans = Span.objects.filter(annotation_set__project_id=project_id)
    if author_id is not None:
        spans = spans.filter(
            annotation_set__kind=SetKind.ANNOTATOR, annotation_set__author_id=author_id
        )
    for attribute, labels in registry_attributes(definition).items():
        linked = spans.filter(label__in=labels).annotate(
            linked_key=KeyTextTransform(attribute, "attributes")
        )
        if keys is not None:
            linked = linked.filter(linked_key__in=keys)
        rows = (
            linked.filter(linked_key__isnull=False)
            .values("linked_key")
            .annotate(n=Count("id"))
            .values_list("linked_key", "n")
        )
        for linked_key, n in rows:
            counts[linked_key] = counts.get(linked_key, 0) + n
    return counts
