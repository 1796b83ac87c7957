"""``manage.py import_sources --project ID FILE.csv``: fill a project's source registry from
a CSV file (columns ``name``, ``kind``, ``affiliation``, ``aliases`` separated by ``|``,
optionally ``key``), all or nothing (``annotations/services/source_import.py``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from annotations.models import Project
from annotations.services.errors import ProjectArchived
from annotations.services.source_import import sources_import_csv


class Command(BaseCommand):
    help = "Import source registry entries (name, kind, affiliation, aliases) from a CSV file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--project", type=int, required=True, help="the project's id")
        parser.add_argument("file", type=Path, help="a CSV file, UTF-8, with a header row")

    def handle(self, *args: Any, **options: Any) -> None:
        project = Project.objects.filter(pk=options["project"]).first()
        if project is None:
            raise CommandError(f"no project {options['project']}")
        try:
            text = options["file"].read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"cannot read {options['file']}: {exc}") from exc
        try:
            outcome = sources_import_csv(project, text)
        except ProjectArchived as exc:
            raise CommandError(exc.message) from exc
        if outcome.errors:
            for error in outcome.errors:
                self.stderr.write(error)
            raise CommandError(f"nothing imported: {len(outcome.errors)} problem(s)")
        self.stdout.write(
            f"{len(outcome.created)} entries created, "
            f"{len(outcome.extended)} given aliases, in project {project.pk}."
        )
