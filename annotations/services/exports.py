"""Exports: a project's records written in a format, streamed to a client or to a file.

``export_stream`` yields the file in chunks while PostgreSQL reads the next documents
(``annotations/selectors/export.py``), inside one REPEATABLE READ transaction, so a streamed
export is one consistent snapshot even while people annotate. ``export_job_run`` writes the
same bytes to a file in the background (``services/export_files.py``: Django's storage API,
a folder or an S3 bucket) and records its progress.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from annotations.formats import UnknownFormat, export_spec
from annotations.formats.records import ExportNotes, ExportSpec
from annotations.models import ExportJob, ExportJobStatus, Project
from annotations.selectors.export import ExportFilters, document_count, document_json, export_header
from annotations.services.export_files import export_file_save
from annotations.services.jobs import Lease

PROGRESS_EVERY = 200  # documents between progress updates of a job
MAX_NOTES = 1000  # notes a job keeps
SUMMARY_NOTES = 3  # the last notes, the writers' totals (what a format left out), always kept


def export_file_name(
    project: Project, fmt: str, spec: ExportSpec, at: datetime | None = None
) -> str:
    """``<project>-<id>-<format>-<date>-<time>.<ext>``, the time to the second (UTC): two
    exports downloaded together (two formats, or one a minute later) never share a name. A
    background job's file is prefixed ``export-<job id>-`` (``export_job_run``)."""
    slug = re.sub(r"[^a-z0-9]+", "-", project.name.lower()).strip("-")[:60] or "project"
    stamp = (at or timezone.now()).astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    name = re.sub(r"[^a-z0-9]+", "-", fmt.lower()).strip("-") or "export"
    return f"{slug}-{project.pk}-{name}-{stamp}.{spec.extension}"


def _records(spec: ExportSpec, lines: Iterable[bytes]) -> Iterable[Any]:
    if spec.wants_json:
        return lines
    import orjson

    return (orjson.loads(line) for line in lines)


def export_chunks(
    project: Project,
    fmt: str,
    filters: ExportFilters,
    notes: ExportNotes,
    *,
    counted: Any = None,
) -> Iterator[bytes]:
    """The export's bytes, in chunks. ``counted(n)`` (optional) hears each document."""
    spec = export_spec(fmt)
    header = export_header(project)
    lines = document_json(project, filters)
    if counted is not None:
        lines = _counting(lines, counted)
    yield from spec.write(header, _records(spec, lines), notes)


def _counting(lines: Iterable[bytes], counted: Any) -> Iterator[bytes]:
    for done, line in enumerate(lines, start=1):
        yield line
        counted(done)


def export_stream(project: Project, fmt: str, filters: ExportFilters) -> Iterator[bytes]:
    """``export_chunks`` in one snapshot; for a streaming HTTP response."""
    notes = ExportNotes()
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost:  # inside a caller's transaction, the snapshot is the caller's business
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield from export_chunks(project, fmt, filters, notes)


def notes_kept(items: list[str]) -> list[str]:
    """A job's notes: all of them, or when there are more than ``MAX_NOTES`` the first ones,
    a line saying how many are not shown, and the last ``SUMMARY_NOTES`` (the writers add
    their totals last)."""
    if len(items) <= MAX_NOTES:
        return list(items)
    first = MAX_NOTES - SUMMARY_NOTES - 1
    hidden = len(items) - first - SUMMARY_NOTES
    return [
        *items[:first],
        f"... {hidden:,} more notes not shown (the export command lists them all)",
        *items[-SUMMARY_NOTES:],
    ]


def export_job_create(
    *, project: Project, user: Any, fmt: str, filters: ExportFilters
) -> ExportJob:
    """Queue a background export (the format is checked now, not in the worker)."""
    export_spec(fmt)
    job = ExportJob.objects.create(
        project=project,
        requested_by=user if getattr(user, "pk", None) else None,
        format=fmt,
        filters=filters.as_dict(),
        documents_total=document_count(project, filters),
    )
    from annotations.tasks import export_job_task

    transaction.on_commit(lambda: export_job_task.enqueue(job_id=job.pk))
    return job


def export_job_path(job: ExportJob) -> Path:
    """Where a job's file is with the default storage (a folder); for tests and tools."""
    return Path(settings.CLAIMLENS_EXPORT_DIR) / job.file_name


def export_job_run(job_id: int) -> ExportJob:
    """Write a queued job's file, updating its progress; a failure is recorded on the job."""
    job = ExportJob.objects.select_related("project__schema").get(pk=job_id)
    if job.status != ExportJobStatus.QUEUED:
        return job
    try:
        spec = export_spec(job.format)
    except UnknownFormat as exc:  # e.g. this worker lacks the `training` extra web has
        job.status = ExportJobStatus.FAILED
        job.error = str(exc)
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "error", "finished_at"])
        return job
    filters = ExportFilters.parse(job.filters)
    job.file_name = f"export-{job.pk}-{export_file_name(job.project, job.format, spec)}"
    job.status = ExportJobStatus.RUNNING
    job.documents_total = document_count(job.project, filters)
    job.heartbeat_at = timezone.now()
    job.save(update_fields=["file_name", "status", "documents_total", "heartbeat_at"])
    notes = ExportNotes()
    lease = Lease(job)

    def counted(done: int) -> None:
        if done % PROGRESS_EVERY == 0:
            lease.renew(documents_done=min(done, job.documents_total))
        else:
            lease.renew()

    try:
        chunks = export_chunks(job.project, job.format, filters, notes, counted=counted)
        size = export_file_save(job.file_name, chunks)
    except Exception as exc:  # noqa: BLE001 - recorded on the job for the person waiting
        job.status = ExportJobStatus.FAILED
        job.error = f"{type(exc).__name__}: {exc}"
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "error", "finished_at"])
        return job
    job.status = ExportJobStatus.DONE
    job.documents_done = job.documents_total
    job.size_bytes = size
    job.notes = notes_kept(notes.items)
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "documents_done", "size_bytes", "notes", "finished_at"])
    return job
