"""The source registry a native file's header brings (``"sources"``): the entries whose
keys the project lacks are created before the sets are written, so spans linking to them
pass the registry check (``services/source_links.py``). Entries the project has (same key)
are left as they are.

Every entry is checked first, and problems are reported at the header; only members of the
project (who may add entries over the API too) may bring new ones (an import with no user,
run by the operator from a command, may).
"""

from __future__ import annotations

from typing import Any

from annotations.formats.records import Header, Issue
from annotations.models import Project, SourceAlias, SourceEntry, SourceKind
from annotations.schema_attributes import REGISTRY_KEY
from annotations.selectors.projects import project_role
from annotations.services.errors import DomainError
from annotations.services.imports.outcome import ImportOutcome
from annotations.services.sources import MAX_NAME, aliases_checked

REFUSAL = "the file brings source registry entries and you may not add entries to this project"


def _error(outcome: ImportOutcome, path: str, message: str) -> None:
    outcome.error(Issue("header", 1, f"{path}: {message}"))


def _entry_checked(
    outcome: ImportOutcome, path: str, item: Any, taken: set[str]
) -> dict[str, Any] | None:
    if not isinstance(item, dict):
        _error(outcome, path, "must be an object")
        return None
    key, name = item.get("key"), item.get("name")
    if not isinstance(key, str) or not REGISTRY_KEY.match(key):
        _error(outcome, f"{path}.key", "must be a slug: letters, digits, - or _ (at most 64)")
        return None
    if key in taken:
        _error(outcome, f"{path}.key", f"{key!r} is given twice")
        return None
    taken.add(key)
    if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME:
        _error(outcome, f"{path}.name", f"is required: text of at most {MAX_NAME} characters")
        return None
    kind = item.get("kind", SourceKind.OTHER)
    if kind not in SourceKind.values:
        _error(outcome, f"{path}.kind", f"must be one of {', '.join(SourceKind.values)}")
        return None
    affiliation = item.get("affiliation") or ""
    if not isinstance(affiliation, str) or len(affiliation) > MAX_NAME:
        _error(outcome, f"{path}.affiliation", f"must be text of at most {MAX_NAME} characters")
        return None
    try:
        aliases = aliases_checked(item.get("aliases") or [], f"{path}.aliases")
    except DomainError as exc:
        _error(outcome, path, exc.message)
        return None
    return {
        "key": key,
        "name": name.strip(),
        "kind": kind,
        "affiliation": affiliation.strip(),
        "aliases": aliases,
    }


def header_sources_checked(
    project: Project, header: Header | None, user: Any, outcome: ImportOutcome
) -> list[dict[str, Any]]:
    """The header's entries the project lacks, checked; problems go to ``outcome``."""
    items = (header or {}).get("sources")
    if items is None:
        return []
    if not isinstance(items, list):
        _error(outcome, "sources", "must be a list of registry entries")
        return []
    have = set(SourceEntry.objects.filter(project=project).values_list("key", flat=True))
    taken: set[str] = set()
    checked = [
        _entry_checked(outcome, f"sources[{i}]", item, taken) for i, item in enumerate(items)
    ]
    missing = [entry for entry in checked if entry is not None and entry["key"] not in have]
    if missing and user is not None and project_role(project.pk, user) is None:
        outcome.error(Issue("header", 1, REFUSAL))
        return []
    return missing


def header_sources_create(project: Project, entries: list[dict[str, Any]]) -> int:
    """Create the checked entries (inside the import's transaction); how many."""
    for data in entries:
        entry = SourceEntry.objects.create(
            project=project,
            key=data["key"],
            name=data["name"],
            kind=data["kind"],
            affiliation=data["affiliation"],
        )
        SourceAlias.objects.bulk_create(
            SourceAlias(entry=entry, alias=alias, normalized=normalized)
            for normalized, alias in data["aliases"].items()
        )
    return len(entries)
