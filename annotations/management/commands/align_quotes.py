"""``manage.py align_quotes --project ID --story ID [--model-name NAME] [--replace]``: the
quote aligner's proposals for one story, written as a model layer (all or nothing). The same
path as ``manage.py run_suggester --suggester quote-aligner``."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from annotations.management.commands.run_suggester import run_from_command
from annotations.models import SuggesterName


class Command(BaseCommand):
    help = "Propose CLAIM spans and SAME_CLAIM links for a story's shared quotes (a model layer)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--project", type=int, required=True, help="the project's id")
        parser.add_argument("--story", type=int, required=True, help="the story's id")
        parser.add_argument(
            "--model-name", default=SuggesterName.QUOTE_ALIGNER, help="the model layer's name"
        )
        parser.add_argument(
            "--replace", action="store_true", help="replace the model's earlier sets"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        run_from_command(
            self,
            project_id=options["project"],
            suggester=SuggesterName.QUOTE_ALIGNER,
            story_id=options["story"],
            model_name=options["model_name"],
            replace=options["replace"],
        )
