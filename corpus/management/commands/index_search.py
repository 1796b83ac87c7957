"""``manage.py index_search``: fill the full-text vectors the import left empty."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from corpus.tasks import CHUNK, search_vectors_fill_all


class Command(BaseCommand):
    help = (
        "Compute Document.search for every document that has none yet (imports leave it to "
        "a background task; this catches up when no worker ran). Safe to run any time."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--chunk", type=int, default=CHUNK, help="documents per transaction")

    def handle(self, *args: Any, **options: Any) -> None:
        verbosity = options["verbosity"]

        def progress(done: int) -> None:
            if verbosity > 1:
                self.stdout.write(f"  {done} documents indexed")

        total = search_vectors_fill_all(chunk=max(1, options["chunk"]), progress=progress)
        if verbosity:
            self.stdout.write(f"index_search: {total} documents indexed")
