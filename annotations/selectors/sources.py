"""Reads of the source registry: the entries (searched by name or alias), one entry, the
entries a span's text may name (``source_names.entry_matches``), and entries as the API
and the native export give them.

Aliases are read as plain rows (entry id, alias) in one query for any number of entries:
a prefetch would build a queryset per entry, most of a 1,000-entry list's time."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet

from annotations.contracts_sources import SourceEntryOut, SourceSuggestion
from annotations.formats.records import SourceRecord
from annotations.models import Project, SourceAlias, SourceEntry
from annotations.permissions import can_review
from annotations.services.source_links import linked_span_counts
from annotations.source_names import Named, entry_matches


def source_entries(project: Project, q: str = "") -> QuerySet:
    """The project's entries by name; ``q`` keeps those whose name or an alias contains it
    (case-insensitive)."""
    entries = SourceEntry.objects.filter(project=project)
    q = q.strip()
    if q:
        entries = entries.filter(Q(name__icontains=q) | Q(aliases__alias__icontains=q)).distinct()
    return entries.order_by("name", "id")


def source_get(project: Project, entry_id: int) -> SourceEntry | None:
    return SourceEntry.objects.filter(project=project, pk=entry_id).first()


def aliases_of(project: Project, entry_ids: list[int] | None = None) -> dict[int, list[str]]:
    """Each entry's aliases in order (``entry_ids``: only theirs; None: the registry's)."""
    rows = SourceAlias.objects.filter(entry__project=project)
    if entry_ids is not None:
        rows = rows.filter(entry_id__in=entry_ids)
    found: dict[int, list[str]] = {}
    for entry_id, alias in rows.order_by("alias", "id").values_list("entry_id", "alias"):
        found.setdefault(entry_id, []).append(alias)
    return found


def entry_out(entry: SourceEntry, aliases: list[str], spans: int) -> SourceEntryOut:
    return {
        "id": entry.pk,
        "key": entry.key,
        "name": entry.name,
        "kind": entry.kind,
        "affiliation": entry.affiliation,
        "aliases": aliases,
        "spans": spans,
    }


def entries_out(
    project: Project,
    entries: Iterable[SourceEntry],
    *,
    every: bool = False,
    counted_for: int | None = None,
) -> list[SourceEntryOut]:
    """Entries with their aliases and linked-span counts (one query each for all of them;
    ``every``: the entries are the whole registry, so neither query names them;
    ``counted_for``: a user id whose own sets only are counted, ``spans_counted_for``)."""
    entries = list(entries)
    keys = None if every else [entry.key for entry in entries]
    counts = linked_span_counts(project.pk, project.schema.definition, keys, counted_for)
    aliases = aliases_of(project, None if every else [entry.pk for entry in entries])
    return [
        entry_out(entry, aliases.get(entry.pk, []), counts.get(entry.key, 0)) for entry in entries
    ]


def spans_counted_for(user: AbstractBaseUser, role: str | None, project: Project) -> int | None:
    """Whose links an entry's ``spans`` counts: everyone's (None), but a blind project's
    annotator only their own sets' (the id): the count must not tell how many SOURCE spans
    the others linked."""
    return user.pk if project.blind and not can_review(role) else None


def source_suggestions(
    project: Project, text: str, counted_for: int | None = None
) -> list[SourceSuggestion]:
    """The entries ``text`` (a SOURCE span's text) may name, best first (at most five).
    The names are read as plain rows (a registry is scanned whole), the chosen entries
    then in full (``counted_for``: as ``entries_out``)."""
    aliases = aliases_of(project)
    names = SourceEntry.objects.filter(project=project).values_list("id", "name")
    named = [Named(pk, name, tuple(aliases.get(pk, ()))) for pk, name in names]
    matches = entry_matches(text, named)
    if not matches:
        return []
    chosen = SourceEntry.objects.filter(pk__in=[m.entry_id for m in matches])
    outs = {out["id"]: out for out in entries_out(project, chosen, counted_for=counted_for)}
    return [
        {"entry": outs[match.entry_id], "score": match.score, "matched": match.matched}
        for match in matches
    ]


def registry_records(project: Project) -> list[SourceRecord]:
    """The registry as the native export's header carries it, by key."""
    aliases = aliases_of(project)
    return [
        {
            "key": entry.key,
            "name": entry.name,
            "kind": entry.kind,
            "affiliation": entry.affiliation,
            "aliases": aliases.get(entry.pk, []),
        }
        for entry in SourceEntry.objects.filter(project=project).order_by("key")
    ]
