"""``manage.py task_worker``: django-tasks' database worker (``db_worker``, same options) that
survives the database going away.

django-tasks-db's worker lets an ``OperationalError`` out of its loop: after a PostgreSQL stop
or restart its loop ends (under ``--reload``, the default with DEBUG, the thread dies and the
process lives on), and queued jobs wait forever. This worker closes the broken connections,
waits (1 s, doubling up to 30 s, back to 1 s once it has run a while) and enters the loop again;
it never exits on a database error. Each (re)start fails the jobs whose lease expired while no
worker was looking (``annotations.services.jobs``), so the job it was running when the database
went away, whose worker lost it, does not stay ``running`` forever. While it runs, a timer
thread (``LeaseCheck``) does the same every ``CLAIMLENS_LEASE_CHECK_SECONDS`` (30), so a job
whose worker died on another machine is failed even when nobody reads the job list.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from typing import Any

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from annotations.services.jobs import jobs_fail_stale

logger = logging.getLogger("django_tasks_db")

BACKOFF_FIRST = 1.0  # seconds
BACKOFF_MAX = 30.0
DB_ERRORS = (OperationalError, InterfaceError)


def connections_close() -> None:
    """Drop every connection of this thread; a broken one may fail to close, which is fine."""
    for connection in connections.all(initialized_only=True):
        with contextlib.suppress(DatabaseError):
            connection.close()
        connection.connection = None  # closed or not, the next query opens a fresh one


def fail_stale_jobs() -> None:
    failed = jobs_fail_stale()
    if failed:
        logger.warning("Failed %d job(s) whose worker stopped", failed)


class LeaseCheck(threading.Thread):
    """Fails the jobs whose lease expired every ``seconds``, on its own connection (closed
    after each check, so an outage costs one logged warning per check and nothing else)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(name="lease-check", daemon=True)
        self.seconds = seconds
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(self.seconds):
            try:
                fail_stale_jobs()
            except DatabaseError as exc:
                logger.warning("Lease check failed (%s); trying again in %.0f s", exc, self.seconds)
            finally:
                connections_close()

    def stop(self) -> None:
        self.stopped.set()
        self.join()


class ReconnectingWorker(db_worker.Worker):
    """The library's worker loop, entered again after a database error, with a lease check
    running beside it."""

    sleep = staticmethod(time.sleep)  # tests replace it

    def run(self) -> None:
        check = LeaseCheck(float(settings.CLAIMLENS_LEASE_CHECK_SECONDS))
        check.start()
        try:
            self.run_loop()
        finally:
            check.stop()

    def run_loop(self) -> None:
        delay = BACKOFF_FIRST
        while self.running:
            started = time.monotonic()
            try:
                fail_stale_jobs()
                super().run()
                return  # --batch or --max-tasks: done
            except DB_ERRORS as exc:
                connections_close()
                if time.monotonic() - started > BACKOFF_MAX:
                    delay = BACKOFF_FIRST  # it ran a while: a new outage
                logger.warning("Database unreachable (%s); trying again in %.0f s", exc, delay)
                self.sleep(delay)
                delay = min(delay * 2, BACKOFF_MAX)


class Command(db_worker.Command):
    help = "Run the background task worker (reconnects after database outages)"

    def handle(
        self,
        *,
        verbosity: int,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        reload: bool,
        max_tasks: int | None,
        worker_id: str,
        exclude_queues: str,
        **options: Any,
    ) -> None:
        self.configure_logging(verbosity)
        worker = ReconnectingWorker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=exclude_queues.split(",") if exclude_queues else [],
        )
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only the child that runs the loop
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
