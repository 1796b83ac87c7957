"""Reads of the source registry: the entries (searched by name or alias), one entry, the
entries a span's text may name (``source_names.entry_matches``), and entries as the API
and the native export give them."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Prefetch, Q, QuerySet

from annotations.contracts_sources import SourceEntryOut, SourceSuggestion
from annotations.formats.records import SourceRecord
from annotations.models import Project, SourceAlias, SourceEntry
from annotations.services.source_links import linked_span_counts
from annotations.source_names import Named, entry_matches

MAX_QUERY = 200


def _with_aliases(entries: QuerySet) -> QuerySet:
    return entries.prefetch_related(
        Prefetch("aliases", queryset=SourceAlias.objects.order_by("alias", "id"))
    )


def source_entries(project: Project, q: str = "") -> QuerySet:
    """The project's entries by name, with their aliases; ``q`` keeps those whose name or
    an alias contains it (case-insensitive)."""
    entries = SourceEntry.objects.filter(project=project)
    q = q.strip()
    if q:
        entries = entries.filter(Q(name__icontains=q) | Q(aliases__alias__icontains=q)).distinct()
    return _with_aliases(entries.order_by("name", "id"))


def source_get(project: Project, entry_id: int) -> SourceEntry | None:
    return _with_aliases(SourceEntry.objects.filter(project=project, pk=entry_id)).first()


def entry_out(entry: SourceEntry, spans: int) -> SourceEntryOut:
    return {
        "id": entry.pk,
        "key": entry.key,
        "name": entry.name,
        "kind": entry.kind,
        "affiliation": entry.affiliation,
        "aliases": [alias.alias for alias in entry.aliases.all()],
        "spans": spans,
    }


def entries_out(project: Project, entries: Iterable[SourceEntry]) -> list[SourceEntryOut]:
    """Entries with their linked-span counts (one count query for all of them)."""
    counts = linked_span_counts(project.pk, project.schema.definition)
    return [entry_out(entry, counts.get(entry.key, 0)) for entry in entries]


def source_suggestions(project: Project, text: str) -> list[SourceSuggestion]:
    """The entries ``text`` (a SOURCE span's text) may name, best first (at most five)."""
    entries = {entry.pk: entry for entry in source_entries(project)}
    named = [
        Named(entry.pk, entry.name, tuple(a.alias for a in entry.aliases.all()))
        for entry in entries.values()
    ]
    matches = entry_matches(text, named)
    if not matches:
        return []
    outs = {
        out["id"]: out
        for out in entries_out(project, [entries[match.entry_id] for match in matches])
    }
    return [
        {"entry": outs[match.entry_id], "score": match.score, "matched": match.matched}
        for match in matches
    ]


def registry_records(project: Project) -> list[SourceRecord]:
    """The registry as the native export's header carries it, by key."""
    return [
        {
            "key": entry.key,
            "name": entry.name,
            "kind": entry.kind,
            "affiliation": entry.affiliation,
            "aliases": [alias.alias for alias in entry.aliases.all()],
        }
        for entry in _with_aliases(SourceEntry.objects.filter(project=project).order_by("key"))
    ]
