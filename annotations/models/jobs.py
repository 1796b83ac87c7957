"""Background jobs: exports and auto-merges, with their progress."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from annotations.models.projects import Project


class ExportJobStatus(models.TextChoices):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class BackgroundJob(models.Model):
    """What every background job keeps: its status, ``documents_done`` of
    ``documents_total`` (its progress), notes for the person who started it, the error that
    stopped it, and when it was created and finished. Each job names its own constraints.

    ``heartbeat_at`` is the job's lease: the worker running it renews it while it works
    (``services/jobs.py``); a running job whose lease has expired lost its worker and is
    failed with a reason."""

    status = models.CharField(
        max_length=16, choices=ExportJobStatus.choices, default=ExportJobStatus.QUEUED
    )
    documents_total = models.PositiveIntegerField(default=0)
    documents_done = models.PositiveIntegerField(default=0)
    notes = models.JSONField(default=list, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-id"]


def job_constraints(prefix: str) -> list[models.CheckConstraint]:
    """The checks every background job's table keeps, named ``<prefix>_status_valid`` and
    ``<prefix>_progress_within_total``: a known status, and progress within its total."""
    return [
        models.CheckConstraint(
            condition=Q(status__in=ExportJobStatus.values), name=f"{prefix}_status_valid"
        ),
        models.CheckConstraint(
            condition=Q(documents_done__lte=F("documents_total")),
            name=f"{prefix}_progress_within_total",
        ),
    ]


class ExportJob(BackgroundJob):
    """An export written to a file in the background (``annotations.tasks``), for big
    projects; ``documents_done`` of ``documents_total`` is its progress."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="export_jobs")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    format = models.CharField(max_length=32)
    filters = models.JSONField(default=dict, blank=True)
    file_name = models.CharField(max_length=300, blank=True)
    size_bytes = models.BigIntegerField(default=0)

    class Meta(BackgroundJob.Meta):
        constraints = job_constraints("export_job")

    def __str__(self) -> str:
        return f"{self.format} export of project {self.project_id} ({self.status})"


class MergeJob(BackgroundJob):
    """Auto-merge run in the background over every document ready to curate: each unit that
    at least ``min_agreeing`` of the layers agree on goes into the document's gold set. The
    layers are the submitted annotator sets and the sets of the models in ``model_names``."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="merge_jobs")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    min_agreeing = models.PositiveSmallIntegerField(default=2)
    matching = models.CharField(max_length=16, default="exact")  # exact | overlap
    model_names = models.JSONField(default=list, blank=True)  # models whose sets are layers

    class Meta(BackgroundJob.Meta):
        constraints = [
            *job_constraints("merge_job"),
            models.CheckConstraint(condition=Q(min_agreeing__gte=1), name="merge_job_k_positive"),
        ]

    def __str__(self) -> str:
        return f"auto-merge of project {self.project_id} ({self.status})"
