"""``manage.py run_suggester --project ID --suggester NAME [--story ID] [--model-name NAME]
[--replace]``: run a suggester now (not through the worker), printing its progress and what it
wrote; the exit code is non-zero when it fails (nothing is written then)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from annotations.models import Project, SuggesterName, SuggesterRun
from annotations.services.errors import DomainError, ProjectArchived, SetStateConflict
from annotations.services.suggester_runs import suggester_run_execute, suggester_run_start
from corpus.models import Story


def run_from_command(
    command: BaseCommand,
    *,
    project_id: int,
    suggester: str,
    story_id: int | None,
    model_name: str | None,
    replace: bool,
) -> SuggesterRun:
    """Start the run and execute it here; raise CommandError with the reason on failure."""
    project = Project.objects.select_related("schema").filter(pk=project_id).first()
    if project is None:
        raise CommandError(f"no project with id {project_id}")
    story = None
    if story_id is not None:
        story = Story.objects.filter(pk=story_id).first()
        if story is None:
            raise CommandError(f"no story with id {story_id}")
    try:
        run = suggester_run_start(
            project=project,
            user=None,
            suggester=suggester,
            story=story,
            model_name=model_name,
            replace=replace,
            queue=False,
        )
    except (DomainError, ProjectArchived, SetStateConflict) as exc:
        raise CommandError(f"nothing written: {exc.message}") from exc
    command.stdout.write(
        f"run {run.pk}: {run.suggester} over {run.documents_total} document(s), "
        f"writing model:{run.model_name}"
    )
    run = suggester_run_execute(run.pk)
    command.stdout.write(f"documents done: {run.documents_done} of {run.documents_total}")
    if run.status != "done":
        for error in run.outcome.get("errors", []):
            command.stderr.write(f"error: {error}")
        raise CommandError(f"nothing written: {run.error}")
    written = ", ".join(f"{key}: {count}" for key, count in run.outcome.items())
    command.stdout.write(f"written: {written}")
    return run


class Command(BaseCommand):
    help = "Run a suggester now and write its proposals as a model layer (all or nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--project", type=int, required=True, help="the project's id")
        parser.add_argument(
            "--suggester", required=True, choices=SuggesterName.values, help="which suggester"
        )
        parser.add_argument("--story", type=int, help="one story's documents (the aligner's)")
        parser.add_argument(
            "--model-name", help="the layer's name (default: the suggester's; a recommender's)"
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="delete the model's earlier sets on these documents (and their decisions)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        run_from_command(
            self,
            project_id=options["project"],
            suggester=options["suggester"],
            story_id=options["story"],
            model_name=options["model_name"],
            replace=options["replace"],
        )
