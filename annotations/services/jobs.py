"""Leases of background jobs: a running job that lost its worker is failed, never left running.

A worker renews a running job's lease (``heartbeat_at``) when it starts the job and then at
least every ``settings.CLAIMLENS_JOB_HEARTBEAT_SECONDS`` while it works (``Lease.renew``, called
from the job's progress callback). A worker killed with ``kill -9``, a container stopped, or a
database outage that broke the worker's connection mid-job leave the job ``running`` with a lease
that stops moving. ``jobs_fail_stale`` fails every running job whose lease is older than
``settings.CLAIMLENS_JOB_LEASE_SECONDS``, with a reason the job list shows; it runs when a
worker starts (and restarts after losing the database) and when someone reads a job list.

The job is failed, not retried: an export or a merge is cheap to start again by the person
waiting for it, and a job that killed its worker (out of memory) would kill the next one too.
One ``UPDATE ... WHERE status = 'running' AND heartbeat_at < cutoff`` per job table, so two
callers at once fail a job once. A worker that was only slow, not dead, stops renewing a job
once it is failed (``renew`` touches running jobs only); if it still finishes the job, the job
ends done with its file, as it should.
"""

from __future__ import annotations

import time
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from annotations.models import ExportJob, ExportJobStatus, MergeJob, SuggesterRun
from annotations.models.jobs import BackgroundJob

JOB_MODELS: tuple[type[BackgroundJob], ...] = (ExportJob, MergeJob, SuggesterRun)


LEASE_SECONDS = 300  # defaults of the two settings
HEARTBEAT_SECONDS = 30


def lease_seconds() -> int:
    return int(getattr(settings, "CLAIMLENS_JOB_LEASE_SECONDS", LEASE_SECONDS))


def stale_reason(seconds: int) -> str:
    return (
        f"The worker running this job stopped: no sign of life for {seconds} s "
        "(it was killed or lost the database). Start the job again."
    )


def jobs_fail_stale() -> int:
    """Fail every running job whose lease expired; the number failed."""
    seconds = lease_seconds()
    now = timezone.now()
    cutoff = now - timedelta(seconds=seconds)
    # A job running with no heartbeat at all (started before leases existed) is judged by
    # its creation time.
    stale = Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, created_at__lt=cutoff)
    failed = 0
    for model in JOB_MODELS:
        failed += model.objects.filter(stale, status=ExportJobStatus.RUNNING).update(
            status=ExportJobStatus.FAILED, error=stale_reason(seconds), finished_at=now
        )
    return failed


class Lease:
    """A running job's lease, renewed by the worker at most every heartbeat interval (one
    UPDATE), or whenever there is progress to store with it."""

    def __init__(self, job: BackgroundJob) -> None:
        self.model = type(job)
        self.pk = job.pk
        self.every = float(getattr(settings, "CLAIMLENS_JOB_HEARTBEAT_SECONDS", HEARTBEAT_SECONDS))
        self.last = float("-inf")

    def renew(self, **progress: int) -> None:
        now = time.monotonic()
        if not progress and now - self.last < self.every:
            return
        self.model.objects.filter(pk=self.pk, status=ExportJobStatus.RUNNING).update(
            heartbeat_at=timezone.now(), **progress
        )
        self.last = now
