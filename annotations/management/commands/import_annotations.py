"""``manage.py import_annotations --project ID --format NAME PATH [PATH ...]``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from annotations.formats import UnknownFormat, import_formats
from annotations.models import Project
from annotations.services.errors import ProjectArchived
from annotations.services.imports import annotations_import
from annotations.services.project_archive import project_writable


def _files(paths: list[str]) -> list[tuple[str, bytes]]:
    """Files as (relative name, bytes); a folder gives its files (hidden ones skipped), named
    relative to the folder's parent so a brat project keeps its layout."""
    files = []
    for given in paths:
        path = Path(given)
        if path.is_file():
            files.append((path.name, path.read_bytes()))
        elif path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path.parent)
                if child.is_file() and not any(p.startswith(".") for p in relative.parts):
                    files.append((relative.as_posix(), child.read_bytes()))
        else:
            raise CommandError(f"{path}: no such file or folder")
    return files


def _texts_added(
    folder: str, paths: list[str], files: list[tuple[str, bytes]]
) -> tuple[str, list[tuple[str, bytes]]]:
    """``--texts DIR``: the folder's name as the upload knows it, its files added when it
    is not inside a folder already given."""
    texts = Path(folder).resolve()
    if not texts.is_dir():
        raise CommandError(f"--texts {folder}: no such folder")
    for given in paths:
        base = Path(given).resolve()
        if base.is_dir() and texts.is_relative_to(base):
            return texts.relative_to(base.parent).as_posix(), files
    return texts.name, files + _files([str(texts)])


class Command(BaseCommand):
    help = "Import annotated data into a project: all or nothing, problems listed by place."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="files or folders (a brat project folder)")
        parser.add_argument("--project", type=int, required=True, help="the project's id")
        parser.add_argument("--format", required=True, help=", ".join(import_formats()))
        parser.add_argument("--user", help="who imports: sets without an author go to them")
        parser.add_argument("--author", help="username for sets without an author")
        parser.add_argument("--encoding", help="the files' encoding when not UTF-8 (latin-1)")
        parser.add_argument("--mapping", help="a JSON file: the field mapping (mapped-jsonl)")
        parser.add_argument(
            "--annotator-from",
            help="brat: the annotator from the file name, 'name:<regex with (?P<annotator>...)>'",
        )
        parser.add_argument(
            "--texts", help="brat: the folder holding the .txt files (when not beside the .ann)"
        )
        parser.add_argument(
            "--event-mapping", help="brat: a JSON file mapping event roles onto relations"
        )
        parser.add_argument(
            "--update-metadata",
            action="store_true",
            help="update title, date and metadata of documents already in the corpus",
        )
        parser.add_argument(
            "--keep-schema",
            action="store_true",
            help="keep the project's schema even when the project is empty",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        project = Project.objects.select_related("schema").filter(pk=options["project"]).first()
        if project is None:
            raise CommandError(f"no project with id {options['project']}")
        try:
            project_writable(project)
        except ProjectArchived as exc:
            raise CommandError(exc.message) from exc
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"no user {options['user']!r}")
        extra: dict[str, Any] = {
            "keep_schema": options["keep_schema"],
            "derive_schema": True,
            "update_metadata": options["update_metadata"],
        }
        for name in ("author", "encoding", "annotator_from"):
            if options[name]:
                extra[name] = options[name]
        files = _files(options["paths"])
        if options["texts"]:
            extra["texts"], files = _texts_added(options["texts"], options["paths"], files)
        for name in ("mapping", "event_mapping"):
            if options[name]:
                try:
                    extra[name] = json.loads(Path(options[name]).read_text("utf-8"))
                except (OSError, ValueError) as exc:
                    flag = name.replace("_", "-")
                    raise CommandError(f"--{flag}: {exc}") from exc
        try:
            outcome = annotations_import(
                project=project,
                user=user,
                fmt=options["format"],
                files=files,
                options=extra,
                # Whoever runs commands on the server is trusted as a site administrator.
                may_add_people=True,
            )
        except UnknownFormat as exc:
            raise CommandError(str(exc)) from exc
        for note in outcome.notes:
            self.stderr.write(f"note: {note}")
        if not outcome.ok:
            for issue in outcome.errors:
                self.stderr.write(f"error: {issue}")
            raise CommandError(f"nothing imported: {outcome.error_count} problem(s)")
        counts = outcome.to_dict()["counts"]
        self.stdout.write(", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in counts.items()))
        if outcome.users_created:
            names = ", ".join(outcome.users_created)
            self.stdout.write(f"users created (no password yet): {names}")
        if outcome.schema_replaced:
            self.stdout.write("the project took the file's schema")
