"""A running job whose worker died (its lease expired) is failed with a reason the job lists
show; a job whose worker is alive is left alone."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from annotations.models import ExportJob, ExportJobStatus, MergeJob
from annotations.services.exports import export_job_run
from annotations.services.jobs import Lease, jobs_fail_stale
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return factories.people_in_project(n_documents=2)


def running_export(project, beat_seconds_ago: float | None) -> ExportJob:
    beat = (
        None if beat_seconds_ago is None else timezone.now() - timedelta(seconds=beat_seconds_ago)
    )
    return ExportJob.objects.create(
        project=project,
        format="jsonl",
        status=ExportJobStatus.RUNNING,
        heartbeat_at=beat,
        documents_total=2,
    )


def test_a_running_job_whose_lease_expired_is_failed_with_a_reason(people, settings):
    settings.CLAIMLENS_JOB_LEASE_SECONDS = 60
    job = running_export(people.project, beat_seconds_ago=61)
    assert jobs_fail_stale() == 1
    job.refresh_from_db()
    assert job.status == ExportJobStatus.FAILED
    assert "worker running this job stopped" in job.error
    assert job.finished_at is not None


def test_a_running_job_with_a_fresh_heartbeat_is_left_running(people, settings):
    settings.CLAIMLENS_JOB_LEASE_SECONDS = 60
    job = running_export(people.project, beat_seconds_ago=5)
    queued = ExportJob.objects.create(project=people.project, format="jsonl")
    ExportJob.objects.filter(pk=queued.pk).update(created_at=timezone.now() - timedelta(days=1))
    assert jobs_fail_stale() == 0
    job.refresh_from_db()
    queued.refresh_from_db()
    assert (job.status, queued.status) == (ExportJobStatus.RUNNING, ExportJobStatus.QUEUED)


def test_a_running_job_from_before_leases_is_judged_by_its_age(people, settings):
    settings.CLAIMLENS_JOB_LEASE_SECONDS = 60
    job = running_export(people.project, beat_seconds_ago=None)
    assert jobs_fail_stale() == 0
    ExportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(hours=1))
    assert jobs_fail_stale() == 1


def test_a_stale_auto_merge_is_failed_too(people, settings):
    settings.CLAIMLENS_JOB_LEASE_SECONDS = 60
    job = MergeJob.objects.create(
        project=people.project,
        status=ExportJobStatus.RUNNING,
        heartbeat_at=timezone.now() - timedelta(minutes=5),
    )
    jobs_fail_stale()
    job.refresh_from_db()
    assert job.status == ExportJobStatus.FAILED


def test_the_job_list_and_the_job_show_a_dead_workers_job_as_failed(people, client, settings):
    settings.CLAIMLENS_JOB_LEASE_SECONDS = 60
    job = running_export(people.project, beat_seconds_ago=3600)
    client.force_login(people.manager)
    listed = client.get(f"/api/v1/projects/{people.project.pk}/exports/").json()
    assert [(j["id"], j["status"]) for j in listed] == [(job.pk, "failed")]
    assert "Start the job again" in listed[0]["error"]
    assert client.get(f"/api/v1/exports/{job.pk}/").json()["status"] == "failed"


def test_the_merge_job_list_shows_a_dead_workers_job_as_failed(people, client, settings):
    settings.CLAIMLENS_JOB_LEASE_SECONDS = 60
    job = MergeJob.objects.create(
        project=people.project,
        status=ExportJobStatus.RUNNING,
        heartbeat_at=timezone.now() - timedelta(hours=1),
    )
    client.force_login(people.manager)
    listed = client.get(f"/api/v1/projects/{people.project.pk}/merge-jobs/")
    assert listed.status_code == 200, listed.content
    assert [(j["id"], j["status"]) for j in listed.json()] == [(job.pk, "failed")]


def test_running_an_export_takes_the_lease_and_finishes(people, settings, tmp_path):
    settings.CLAIMLENS_EXPORT_DIR = tmp_path
    job = ExportJob.objects.create(project=people.project, format="jsonl")
    before = timezone.now()
    export_job_run(job.pk)
    job.refresh_from_db()
    assert job.status == ExportJobStatus.DONE
    assert job.heartbeat_at is not None and job.heartbeat_at >= before


def test_a_lease_is_renewed_at_most_once_an_interval_unless_there_is_progress(people, settings):
    settings.CLAIMLENS_JOB_HEARTBEAT_SECONDS = 3600
    job = running_export(people.project, beat_seconds_ago=100)
    lease = Lease(job)
    lease.renew()
    first = ExportJob.objects.get(pk=job.pk).heartbeat_at
    lease.renew()
    assert ExportJob.objects.get(pk=job.pk).heartbeat_at == first
    lease.renew(documents_done=1)
    renewed = ExportJob.objects.get(pk=job.pk)
    assert renewed.documents_done == 1 and renewed.heartbeat_at > first
