"""A source registry from a CSV file (``manage.py import_sources``): one entry a row, with
the columns ``name``, ``kind``, ``affiliation``, ``aliases`` (separated by ``|``) and,
optionally, ``key``. All or nothing: every row is checked, and problems are reported with
their line; nothing is written unless every row is good.

A row naming an entry the project has (the same key, or the same name ignoring case) adds
its aliases to that entry and changes nothing else; any other row makes a new entry.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.db import transaction

from annotations.models import Project, SourceEntry
from annotations.services.errors import DomainError
from annotations.services.project_archive import project_writable
from annotations.services.sources import source_aliases_add, source_create

COLUMNS = ("name", "kind", "affiliation", "aliases", "key")
REQUIRED = ("name",)


@dataclass
class SourceImportOutcome:
    created: list[str] = field(default_factory=list)  # keys of the new entries
    extended: list[str] = field(default_factory=list)  # keys of entries given aliases
    errors: list[str] = field(default_factory=list)  # "line 3: kind: must be one of ..."


def _rows(text: str, outcome: SourceImportOutcome) -> list[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text))
    header = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [name for name in REQUIRED if name not in header]
    unknown = [name for name in header if name not in COLUMNS]
    if missing or unknown:
        outcome.errors.append(
            f"line 1: the columns are {', '.join(COLUMNS)} (name required)"
            + (f"; missing: {', '.join(missing)}" if missing else "")
            + (f"; unknown: {', '.join(unknown)}" if unknown else "")
        )
        return []
    reader.fieldnames = header
    return [
        (reader.line_num, {k: (v or "").strip() for k, v in row.items() if k is not None})
        for row in reader
    ]


def _entry_data(row: dict[str, str]) -> dict[str, object]:
    aliases = [alias.strip() for alias in row.get("aliases", "").split("|") if alias.strip()]
    data: dict[str, object] = {"name": row.get("name", ""), "aliases": aliases}
    for column in ("kind", "affiliation", "key"):
        if row.get(column):
            data[column] = row[column]
    return data


def sources_import_csv(project: Project, text: str) -> SourceImportOutcome:
    """Import the CSV ``text`` into ``project``'s registry (all or nothing)."""
    project_writable(project)
    outcome = SourceImportOutcome()
    rows = _rows(text, outcome)
    if outcome.errors:
        return outcome
    with transaction.atomic():
        for line, row in rows:
            data = _entry_data(row)
            existing = SourceEntry.objects.filter(project=project).filter(
                **({"key": data["key"]} if "key" in data else {"name__iexact": data["name"]})
            )
            try:
                entry = existing.first()
                if entry is not None:
                    source_aliases_add(entry=entry, aliases=data["aliases"])
                    outcome.extended.append(entry.key)
                else:
                    outcome.created.append(source_create(project=project, data=data).key)
            except DomainError as exc:
                outcome.errors.append(f"line {line}: {exc.message}")
        if outcome.errors:
            transaction.set_rollback(True)
            outcome.created, outcome.extended = [], []
    return outcome
