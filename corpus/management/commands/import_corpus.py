"""``manage.py import_corpus PATH [--story NAME] [--format FMT] [--no-clean]``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from corpus.importers import EXTENSIONS, IMPORTERS
from corpus.services import ImportReport, documents_import

LIST_AT_MOST = 50  # documents listed one per line in the summary


def files_collect(path: Path, fmt: str | None) -> list[Path]:
    """A file, or the files of a folder (recursively, sorted, hidden ones skipped): those with
    a known extension, or every file when the format is given."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise CommandError(f"{path}: no such file or folder")
    return sorted(
        child
        for child in path.rglob("*")
        if child.is_file()
        and not any(part.startswith(".") for part in child.relative_to(path).parts)
        and (fmt is not None or child.suffix.lower() in EXTENSIONS)
    )


class Command(BaseCommand):
    help = (
        "Import news articles from a file or a folder (txt, jsonl, csv, html): cleaned, "
        "deduplicated by text hash, optionally grouped into a story."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="a file, or a folder of files")
        parser.add_argument("--story", help="put every document in this story (created if new)")
        parser.add_argument(
            "--format", choices=sorted(IMPORTERS), help="input format (default: by extension)"
        )
        parser.add_argument(
            "--no-clean",
            action="store_true",
            help="keep the text as it is (only Unicode NFC and \\n line endings)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        fmt = options["format"]
        paths = files_collect(path, fmt)
        if not paths:
            raise CommandError(f"{path}: no files to import (extensions: {', '.join(EXTENSIONS)})")
        base = path if path.is_dir() else path.parent
        files = [(str(p.relative_to(base)), p.read_bytes()) for p in paths]
        report = documents_import(
            files=files, fmt=fmt, story_name=options["story"], clean=not options["no_clean"]
        )
        self._summary_print(report, len(files))
        if not report.files_imported:
            raise CommandError(f"nothing imported: all {len(files)} file(s) failed")

    def _summary_print(self, report: ImportReport, file_count: int) -> None:
        counts = report.to_dict()["counts"]
        self.stdout.write(
            f"{file_count} file(s): {counts['created']} document(s) created, "
            f"{counts['existing']} already in the corpus, {counts['repeated']} repeated, "
            f"{counts['errors']} error(s)"
        )
        documents = report.documents
        if len(documents) > LIST_AT_MOST:
            self.stdout.write(f"  ({len(documents)} documents: not listed)")
            documents = []
        for document in documents:
            outlet = document.outlet.name if document.outlet_id else "-"
            self.stdout.write(f"  #{document.pk} [{outlet}] {document.title}")
        for pair in report.near_duplicates:
            self.stdout.write(
                f"  near-duplicate: #{pair['document']} ~ #{pair['similar_to']} "
                f"(similarity {pair['similarity']:.2f})"
            )
        for issue in report.repeated:
            self.stdout.write(f"  repeated: {_where(issue.file, issue.line)}: {issue.message}")
        for issue in report.errors:
            self.stderr.write(f"  error: {_where(issue.file, issue.line)}: {issue.message}")


def _where(file: str, line: int | None) -> str:
    return f"{file}:{line}" if line else file
