"""``manage.py add_documents PROJECT PATH [--story NAME] [--format FMT] [--no-clean]``: what
the Add documents page does (``annotations/services/document_additions.py``), for operators
and scripts: files, folders or zips of articles into a project's queue, with the report per
file (what each document is, and whether the project held it already)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from annotations.models import Project
from annotations.services.document_additions import project_documents_import
from annotations.services.errors import ProjectArchived
from corpus.importers import EXTENSIONS, IMPORTERS
from corpus.management.commands.import_corpus import files_collect

STATUS = {(True, False): "new", (False, False): "already stored", (False, True): "kept"}


class Command(BaseCommand):
    help = (
        "Add articles (txt, html, jsonl, csv, or zips of them) to a project's queue: cleaned, "
        "deduplicated, a text the project holds left as it is."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("project", type=int, help="the project's id")
        parser.add_argument("path", help="a file, a zip, or a folder of files")
        parser.add_argument("--story", help="put every document in this story (created if new)")
        parser.add_argument(
            "--format", choices=sorted(IMPORTERS), help="input format (default: by extension)"
        )
        parser.add_argument(
            "--no-clean", action="store_true", help="keep the text as it is (NFC, \\n only)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        project = Project.objects.filter(pk=options["project"]).first()
        if project is None:
            raise CommandError(f"No project with id {options['project']}.")
        path = Path(options["path"])
        paths = [path] if path.is_file() else files_collect(path, options["format"])
        if not paths:
            raise CommandError(f"{path}: no files to add (extensions: {', '.join(EXTENSIONS)})")
        base = path if path.is_dir() else path.parent
        try:
            report = project_documents_import(
                project=project,
                files=[(str(p.relative_to(base)), p.read_bytes()) for p in paths],
                fmt=options["format"],
                story_name=options["story"],
                clean=not options["no_clean"],
                details=True,
            )
        except ProjectArchived as error:
            raise CommandError(error.message) from error
        counts = report["counts"]
        self.stdout.write(
            f"{report['added_to_project']} added to {project.name}: {counts['created']} new, "
            f"{counts['existing']} already stored, {counts['errors']} error(s)."
        )
        for entry in report["documents"]:
            where = f"{entry['file']}:{entry['line']}" if entry["line"] else entry["file"]
            status = STATUS.get((entry["created"], entry["in_project"]), "kept")
            outlet = entry.get("outlet") or "-"
            self.stdout.write(f"  {where} #{entry['id']} {status} [{outlet}] {entry['title']}")
            for other in entry.get("resembles", []):
                self.stdout.write(
                    f"    resembles #{other['id']} [{other['outlet'] or '-'}] {other['title']} "
                    f"({other['similarity']:.2f})"
                )
        for issue in report["errors"]:
            where = f"{issue['file']}:{issue['line']}" if issue["line"] else issue["file"]
            self.stderr.write(f"  error: {where}: {issue['message']}")
        if not report["documents"]:
            raise CommandError("nothing added: every file failed")
