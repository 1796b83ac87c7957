"""Reads of background auto-merges."""

from __future__ import annotations

from django.db.models import QuerySet

from annotations.models import MergeJob, Project

RECENT = 20


def merge_job_get(job_id: int) -> MergeJob | None:
    return MergeJob.objects.filter(pk=job_id).first()


def merge_jobs_recent(project: Project) -> QuerySet[MergeJob]:
    """The project's latest auto-merges, newest first."""
    return MergeJob.objects.filter(project=project).order_by("-id")[:RECENT]
