"""The task worker (``manage.py task_worker``) outlives the database going away: it closes
the broken connection, waits, and runs the jobs queued meanwhile once the database is back."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import override_settings

from annotations.management.commands import task_worker
from annotations.models import ExportJob, ExportJobStatus
from annotations.tasks import export_job_task
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def worker(worker_class=task_worker.ReconnectingWorker):
    return worker_class(
        queue_names=["default"],
        interval=0,
        batch=True,  # run what is queued, then return
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )


@pytest.fixture
def queued_export(settings, tmp_path):
    settings.CLAIMLENS_EXPORT_DIR = tmp_path
    people = factories.people_in_project(n_documents=2)
    job = ExportJob.objects.create(project=people.project, format="jsonl")
    with override_settings(TASKS=DATABASE_QUEUE):
        export_job_task.enqueue(job_id=job.pk)
        yield job


@pytest.fixture
def unreachable_database():
    """The database's port made wrong (a stopped server): every connection attempt fails
    until ``restore`` runs."""
    port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = "1"

    def restore() -> None:
        connection.settings_dict["PORT"] = port

    yield restore
    restore()


def test_the_worker_waits_out_an_unreachable_database_and_then_runs_the_queued_job(
    queued_export, unreachable_database
):
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 3:
            unreachable_database()  # the database is back after three tries

    running = worker()
    running.sleep = sleep
    running.run()
    assert waits == [1.0, 2.0, 4.0]  # backing off
    queued_export.refresh_from_db()
    assert queued_export.status == ExportJobStatus.DONE


def test_the_worker_survives_its_connection_closed_under_it(queued_export):
    connection.ensure_connection()
    connection.connection.close()  # the server went away: Django does not know yet
    waits: list[float] = []
    running = worker()
    running.sleep = waits.append
    running.run()
    assert waits == [1.0]
    queued_export.refresh_from_db()
    assert queued_export.status == ExportJobStatus.DONE


def test_the_librarys_worker_loop_ends_on_the_same_fault(queued_export, unreachable_database):
    """Why ``task_worker`` exists: django-tasks-db's loop lets the error out."""
    from django.db import OperationalError
    from django_tasks_db.management.commands.db_worker import Worker

    with pytest.raises(OperationalError):
        worker(Worker).run()
