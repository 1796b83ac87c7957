"""``manage.py align_quotes --project ID --story ID [--model-name NAME]``: the quote aligner's
proposals for one story, written as a model layer (all or nothing)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from annotations.models import Project
from annotations.services.errors import ProjectArchived
from annotations.services.quote_alignment import QUOTE_ALIGNER, quote_alignment_write
from corpus.models import Story


class Command(BaseCommand):
    help = "Propose CLAIM spans and SAME_CLAIM links for a story's shared quotes (a model layer)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--project", type=int, required=True, help="the project's id")
        parser.add_argument("--story", type=int, required=True, help="the story's id")
        parser.add_argument("--model-name", default=QUOTE_ALIGNER, help="the model layer's name")

    def handle(self, *args: Any, **options: Any) -> None:
        project = Project.objects.select_related("schema").filter(pk=options["project"]).first()
        if project is None:
            raise CommandError(f"no project with id {options['project']}")
        story = Story.objects.filter(pk=options["story"]).first()
        if story is None:
            raise CommandError(f"no story with id {options['story']}")
        try:
            outcome = quote_alignment_write(
                project=project, story=story, user=None, model_name=options["model_name"]
            )
        except ProjectArchived as exc:
            raise CommandError(exc.message) from exc
        if not outcome.ok:
            for issue in outcome.errors:
                self.stderr.write(f"error: {issue}")
            raise CommandError(f"nothing written: {outcome.error_count} problem(s)")
        counts = outcome.to_dict()["counts"]
        written = ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in counts.items())
        self.stdout.write(written or "no shared quotes found: nothing written")
