"""Suggester runs are background jobs like the others: queued in the database, run by the
worker (``manage.py task_worker``), failed with a reason when their worker died."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from annotations.models import AnnotationSet, SuggesterRun
from annotations.services.jobs import jobs_fail_stale
from annotations.services.suggester_runs import suggester_run_start
from tests.jobs.test_task_worker import DATABASE_QUEUE, worker

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_worker_runs_a_queued_run_and_writes_the_layer(seed, people):
    with override_settings(TASKS=DATABASE_QUEUE):
        run = suggester_run_start(
            project=seed.project, user=people.manager, suggester="attribution"
        )
        run.refresh_from_db()
        assert run.status == "queued"  # waiting in the database queue, not run inline
        worker().run()
    run.refresh_from_db()
    assert run.status == "done", run.error
    assert run.heartbeat_at is not None  # the worker held its lease
    assert AnnotationSet.objects.filter(project=seed.project, model_name="attribution").count() == 5


def test_a_run_whose_worker_died_is_failed_with_the_reason_when_listed(
    seed, people, client_for, settings
):
    settings.CLAIMLENS_JOB_LEASE_SECONDS = 60
    run = SuggesterRun.objects.create(
        project=seed.project,
        suggester="attribution",
        model_name="attribution",
        status="running",
        heartbeat_at=timezone.now() - timedelta(minutes=10),
        documents_total=5,
        documents_done=2,
    )
    listed = client_for(people.reviewer).get(f"/api/v1/projects/{seed.project.pk}/suggester-runs/")
    assert [(r["id"], r["status"]) for r in listed.json()] == [(run.pk, "failed")]
    assert "Start the job again" in listed.json()[0]["error"]
    assert jobs_fail_stale() == 0  # failed once
