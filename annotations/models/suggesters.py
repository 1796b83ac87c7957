"""Suggester runs: a suggester (the quote aligner, the attribution suggester, an external
recommender) run in the background over a project's documents (or one story's), writing its
proposals as a model layer (``model:<model_name>``), all or nothing."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from annotations.models.jobs import BackgroundJob, job_constraints
from annotations.models.projects import Project


class SuggesterName(models.TextChoices):
    QUOTE_ALIGNER = "quote-aligner"
    ATTRIBUTION = "attribution"
    RECOMMENDER = "recommender"


class SuggesterRun(BackgroundJob):
    """One run of a suggester. ``story`` null: every document of the project. ``model_name``
    is the layer it writes; ``replace`` deletes that model's earlier sets on the run's
    documents in the same transaction as the write. ``outcome`` holds what was written
    (sets, spans, relations, stances) or, for a failed run, the errors."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="suggester_runs")
    story = models.ForeignKey(
        "corpus.Story", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    suggester = models.CharField(max_length=32, choices=SuggesterName.choices)
    model_name = models.CharField(max_length=200)
    replace = models.BooleanField(default=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome = models.JSONField(default=dict, blank=True)

    class Meta(BackgroundJob.Meta):
        constraints = [
            *job_constraints("suggester_run"),
            models.CheckConstraint(
                condition=Q(suggester__in=SuggesterName.values), name="suggester_run_known"
            ),
            models.CheckConstraint(
                condition=~Q(model_name=""), name="suggester_run_model_name_given"
            ),
            models.CheckConstraint(
                condition=~Q(suggester=SuggesterName.QUOTE_ALIGNER) | Q(story__isnull=False),
                name="suggester_run_aligner_has_story",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.suggester} run of project {self.project_id} ({self.status})"
