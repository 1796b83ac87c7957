"""A running task worker fails the jobs whose lease expired on a timer
(``CLAIMLENS_LEASE_CHECK_SECONDS``), not only when it starts or when someone reads the job
list: a job whose worker died on another machine is failed while this one sits idle."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from annotations.management.commands import task_worker
from annotations.models import ExportJob, ExportJobStatus
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def wait_until(condition, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def idle_worker() -> task_worker.ReconnectingWorker:
    return task_worker.ReconnectingWorker(
        queue_names=["default"],
        interval=0.02,
        batch=False,  # keeps polling an empty queue until stopped
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="idle-worker",
        excluded_queue_names=[],
    )


def test_an_idle_worker_fails_a_job_whose_lease_expired_without_any_job_list_read(
    settings, monkeypatch
):
    settings.CLAIMLENS_JOB_LEASE_SECONDS = 60
    settings.CLAIMLENS_LEASE_CHECK_SECONDS = 0.05
    checks: list[int] = []
    real_check = task_worker.jobs_fail_stale

    def counted_check() -> int:
        checks.append(1)
        return real_check()

    monkeypatch.setattr(task_worker, "jobs_fail_stale", counted_check)
    project = factories.people_in_project(n_documents=1).project
    job = ExportJob.objects.create(
        project=project,
        format="jsonl",
        status=ExportJobStatus.RUNNING,
        heartbeat_at=timezone.now(),  # alive when the worker starts
    )
    worker = idle_worker()
    with override_settings(TASKS=DATABASE_QUEUE):
        thread = threading.Thread(target=worker.run)
        thread.start()
        try:
            assert wait_until(lambda: len(checks) >= 2)  # the start check and one on the timer
            # Its worker dies: the lease stops moving and runs out.
            ExportJob.objects.filter(pk=job.pk).update(
                heartbeat_at=timezone.now() - timedelta(seconds=61)
            )
            assert wait_until(
                lambda: ExportJob.objects.get(pk=job.pk).status == ExportJobStatus.FAILED
            )
        finally:
            worker.running = False
            thread.join(5)
    job.refresh_from_db()
    assert "worker running this job stopped" in job.error
    assert not thread.is_alive()


def test_the_lease_check_survives_an_unreachable_database(monkeypatch):
    from django.db import OperationalError

    calls: list[int] = []

    def failing_check() -> int:
        calls.append(1)
        raise OperationalError("server closed the connection")

    monkeypatch.setattr(task_worker, "jobs_fail_stale", failing_check)
    check = task_worker.LeaseCheck(0.01)
    check.start()
    assert wait_until(lambda: len(calls) >= 3)  # it kept checking after the errors
    check.stop()
    assert not check.is_alive()
