"""Writes of the source registry: create an entry (its key made from the name when not
given), change its name, kind, affiliation and aliases, add aliases, delete it.

Rules:
- ``key`` is fixed once made: spans store it, so renaming it is not offered.
- Aliases are compared normalised (``source_names.name_normalized``): two spellings of one
  alias are one alias; an alias that normalises to nothing is refused.
- An entry that spans link to is not deleted (409, with the count): unlink them first.
The callers (the API) check the role and that the project is not archived.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.text import slugify

from annotations.models import Project, SourceAlias, SourceEntry, SourceKind
from annotations.schema_attributes import REGISTRY_KEY
from annotations.services.errors import DomainError, SetStateConflict
from annotations.services.source_links import linked_spans
from annotations.source_names import name_normalized

MAX_NAME = 200
MAX_ALIASES = 100
_FIELDS = ("name", "kind", "affiliation", "aliases")


class SourceInUse(SetStateConflict):
    """Deleting an entry that spans link to (409)."""

    def __init__(self, spans: int):
        super().__init__(
            f"This source is linked from {spans} span{'s' if spans != 1 else ''}; unlink "
            "them before deleting it.",
            "linked",
        )
        self.spans = spans


def _text(data: dict[str, Any], field: str, *, required: bool) -> str:
    value = data.get(field, "")
    if value is None and not required:
        value = ""
    if not isinstance(value, str) or "\x00" in value or len(value.strip()) > MAX_NAME:
        raise DomainError(
            f"{field}: must be text of at most {MAX_NAME} characters.",
            {field: f"must be text of at most {MAX_NAME} characters"},
        )
    if required and not value.strip():
        raise DomainError(f"{field}: is required.", {field: "is required"})
    return value.strip()


def _known_fields(data: dict[str, Any], known: set[str]) -> None:
    unknown = sorted(set(data) - known)
    if unknown:
        raise DomainError(f"{unknown[0]}: unknown field.", dict.fromkeys(unknown, "unknown field"))


def _kind(data: dict[str, Any]) -> str:
    kind = data.get("kind", SourceKind.OTHER)
    if kind not in SourceKind.values:
        choices = ", ".join(SourceKind.values)
        raise DomainError(f"kind: must be one of {choices}.", {"kind": f"one of {choices}"})
    return kind


def aliases_checked(value: Any, field: str = "aliases") -> dict[str, str]:
    """Aliases by their normalised form (the first spelling of each kept), or DomainError."""
    if not isinstance(value, list) or len(value) > MAX_ALIASES:
        message = f"must be a list of at most {MAX_ALIASES} names"
        raise DomainError(f"{field}: {message}.", {field: message})
    out: dict[str, str] = {}
    for i, alias in enumerate(value):
        text = _text({f"{field}[{i}]": alias}, f"{field}[{i}]", required=True)
        normalized = name_normalized(text)
        if not normalized:
            message = "has no letters or digits to match on"
            raise DomainError(f"{field}[{i}]: {message}.", {f"{field}[{i}]": message})
        out.setdefault(normalized[:MAX_NAME], text)
    return out


def _key(project: Project, data: dict[str, Any], name: str) -> str:
    """The key asked for (a slug not yet taken in the project), else one made from the
    name: its slug, then ``-2``, ``-3``, ... until free."""
    asked = data.get("key")
    taken = set(SourceEntry.objects.filter(project=project).values_list("key", flat=True))
    if asked not in (None, ""):
        if not isinstance(asked, str) or not REGISTRY_KEY.match(asked):
            message = "must be a slug: letters, digits, - or _ (at most 64)"
            raise DomainError(f"key: {message}.", {"key": message})
        if asked in taken:
            message = "another source of the project has this key"
            raise DomainError(f"key: {message}.", {"key": message})
        return asked
    base = slugify(name)[:56] or "source"
    key, n = base, 1
    while key in taken:
        n += 1
        key = f"{base}-{n}"
    return key


def _aliases_add(entry: SourceEntry, aliases: dict[str, str]) -> None:
    have = set(entry.aliases.values_list("normalized", flat=True))
    SourceAlias.objects.bulk_create(
        SourceAlias(entry=entry, alias=alias, normalized=normalized)
        for normalized, alias in aliases.items()
        if normalized not in have
    )


@transaction.atomic
def source_create(*, project: Project, data: dict[str, Any]) -> SourceEntry:
    """A new entry from ``{name, kind, affiliation, aliases, key?}``."""
    _known_fields(data, {*_FIELDS, "key"})
    name = _text(data, "name", required=True)
    kind = _kind(data)
    affiliation = _text(data, "affiliation", required=False)
    aliases = aliases_checked(data.get("aliases", []))
    entry = SourceEntry.objects.create(
        project=project,
        key=_key(project, data, name),
        name=name,
        kind=kind,
        affiliation=affiliation,
    )
    _aliases_add(entry, aliases)
    return entry


@transaction.atomic
def source_update(*, entry: SourceEntry, data: dict[str, Any]) -> SourceEntry:
    """Change what ``data`` carries of name, kind, affiliation and aliases (the list given
    replaces the entry's aliases). ``key`` cannot change."""
    if "key" in data and data["key"] != entry.key:
        message = "cannot change: spans store it; make a new source instead"
        raise DomainError(f"key: {message}.", {"key": message})
    _known_fields(data, {*_FIELDS, "key", "id"})
    locked = SourceEntry.objects.select_for_update().get(pk=entry.pk)
    if "name" in data:
        locked.name = _text(data, "name", required=True)
    if "kind" in data:
        locked.kind = _kind(data)
    if "affiliation" in data:
        locked.affiliation = _text(data, "affiliation", required=False)
    locked.save()
    if "aliases" in data:
        aliases = aliases_checked(data["aliases"])
        locked.aliases.exclude(normalized__in=list(aliases)).delete()
        _aliases_add(locked, aliases)
    return locked


@transaction.atomic
def source_aliases_add(*, entry: SourceEntry, aliases: Any) -> SourceEntry:
    """Add aliases (those the entry has already are left as they are)."""
    _aliases_add(entry, aliases_checked(aliases))
    return entry


@transaction.atomic
def source_delete(*, entry: SourceEntry) -> None:
    """Delete the entry, unless spans link to it (``SourceInUse``). The entry's row is
    locked first, so a write linking a span to it waits or fails (``source_links``)."""
    locked = SourceEntry.objects.select_for_update().get(pk=entry.pk)
    definition = Project.objects.select_related("schema").get(pk=locked.project_id)
    spans = linked_spans(locked.project_id, definition.schema.definition, locked.key).count()
    if spans:
        raise SourceInUse(spans)
    locked.delete()


def registry_copy(*, source: Project, target: Project) -> int:
    """Copy ``source``'s registry (entries with their keys and aliases) into ``target``,
    which has none yet (a duplicated project); how many entries."""
    entries = list(SourceEntry.objects.filter(project=source).prefetch_related("aliases"))
    copies = SourceEntry.objects.bulk_create(
        SourceEntry(
            project=target,
            key=entry.key,
            name=entry.name,
            kind=entry.kind,
            affiliation=entry.affiliation,
        )
        for entry in entries
    )
    SourceAlias.objects.bulk_create(
        SourceAlias(entry=copy, alias=alias.alias, normalized=alias.normalized)
        for entry, copy in zip(entries, copies, strict=True)
        for alias in entry.aliases.all()
    )
    return len(copies)
