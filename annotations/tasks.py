"""Background work on annotations (django-tasks; worker: ``manage.py db_worker``)."""

from __future__ import annotations

from django_tasks import task

from annotations.services.export_files import export_files_expire
from annotations.services.exports import export_job_run
from annotations.services.merge import merge_job_run
from annotations.services.suggester_runs import suggester_run_execute


@task()
def export_job_task(job_id: int) -> str:
    """Background: write an export job's file (see ``services/exports.py``), then delete the
    files of exports older than ``CLAIMLENS_EXPORT_MAX_AGE_DAYS``."""
    status = export_job_run(job_id).status
    export_files_expire()
    return status


@task()
def merge_job_task(job_id: int) -> str:
    """Background: auto-merge every document ready to curate (see ``services/merge.py``)."""
    return merge_job_run(job_id).status


@task()
def suggester_run_task(run_id: int) -> str:
    """Background: run a suggester and write its model layer (see
    ``services/suggester_runs.py``)."""
    return suggester_run_execute(run_id).status
