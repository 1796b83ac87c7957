"""``manage.py export_annotations --project ID --format NAME --output PATH [filters]``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from annotations.formats import UnknownFormat, export_formats
from annotations.formats.records import ExportNotes
from annotations.models import Project
from annotations.selectors.export import ExportFilters, FilterError
from annotations.services.exports import export_chunks


class Command(BaseCommand):
    help = "Export a project's documents and annotations in an exchange format."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--project", type=int, required=True, help="the project's id")
        parser.add_argument("--format", required=True, help=", ".join(export_formats()))
        parser.add_argument("--output", required=True, help="a file path, or - for stdout")
        parser.add_argument("--status", default="", help="set statuses, comma-separated")
        parser.add_argument("--author", default="", help="authors' usernames, comma-separated")
        parser.add_argument("--kind", default="", help="set kinds: annotator, gold, model")
        parser.add_argument("--gold-only", action="store_true", help="only gold sets")
        parser.add_argument("--story", default="", help="only this story's documents (id)")
        parser.add_argument("--outlet", default="", help="only this outlet's documents (id)")

    def handle(self, *args: Any, **options: Any) -> None:
        project = Project.objects.select_related("schema").filter(pk=options["project"]).first()
        if project is None:
            raise CommandError(f"no project with id {options['project']}")
        params = {name: options[name] for name in ("status", "author", "kind", "story", "outlet")}
        params["gold_only"] = "true" if options["gold_only"] else "false"
        try:
            filters = ExportFilters.parse(params)
        except FilterError as exc:
            raise CommandError(str(exc)) from exc
        notes = ExportNotes()
        output = options["output"]
        try:
            chunks = export_chunks(project, options["format"], filters, notes)
            size = 0
            if output == "-":
                for chunk in chunks:
                    sys.stdout.buffer.write(chunk)
                    size += len(chunk)
                sys.stdout.buffer.flush()
            else:
                path = Path(output)
                partial = path.with_name(path.name + ".part")
                with partial.open("wb") as out:
                    for chunk in chunks:
                        out.write(chunk)
                        size += len(chunk)
                partial.replace(path)
        except UnknownFormat as exc:
            raise CommandError(str(exc)) from exc
        for note in notes.items:
            self.stderr.write(f"note: {note}")
        if output != "-":
            self.stdout.write(f"wrote {size} bytes to {output} ({len(notes.items)} note(s))")
