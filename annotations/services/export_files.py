"""Where background exports keep their files: Django's storage API.

The local file system (``CLAIMLENS_EXPORT_DIR``) by default; an S3-compatible bucket
(django-storages) when ``CLAIMLENS_S3_BUCKET`` is set, so that web replicas and workers on
different machines see the same files. The storage is built from the settings on every call
(cheap), so a test or a deployment that changes them is heard at once.

Files older than ``CLAIMLENS_EXPORT_MAX_AGE_DAYS`` are deleted by ``export_files_expire``
(the worker runs it after each export; ``manage.py expire_exports`` runs it by hand).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import IO

from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage
from django.utils import timezone

from annotations.models import ExportJob

SPOOL_BYTES = 8 * 2**20  # an export up to this size is staged in memory, above it in a temp file


def export_storage() -> Storage:
    """The storage export files live in, as the settings say now."""
    bucket = settings.CLAIMLENS_S3_BUCKET
    if not bucket:
        return FileSystemStorage(location=settings.CLAIMLENS_EXPORT_DIR, allow_overwrite=True)
    from storages.backends.s3 import S3Storage  # boto3 comes with the `s3` extra

    return S3Storage(
        bucket_name=bucket,
        endpoint_url=settings.CLAIMLENS_S3_ENDPOINT_URL or None,
        location=settings.CLAIMLENS_S3_PREFIX,
        file_overwrite=True,
        default_acl=None,
        querystring_auth=False,
    )


def export_file_save(name: str, chunks: Iterable[bytes]) -> int:
    """Store ``chunks`` as ``name``; returns the size. The bytes are staged locally first
    (in memory, or a temp file when large) so that no reader sees half a file and an S3
    upload knows its size; nothing is stored when ``chunks`` fails."""
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as staged:
        size = 0
        for chunk in chunks:
            staged.write(chunk)
            size += len(chunk)
        staged.seek(0)
        stored = export_storage().save(name, File(staged, name=name))
    if stored != name:  # both storages overwrite, so this only happens on a misconfiguration
        raise RuntimeError(f"the export storage renamed {name!r} to {stored!r}")
    return size


def export_file_exists(name: str) -> bool:
    return bool(name) and export_storage().exists(name)


def export_file_open(name: str) -> IO[bytes]:
    return export_storage().open(name, "rb")


def export_files_expire(now: datetime | None = None) -> int:
    """Delete the files of exports finished more than ``CLAIMLENS_EXPORT_MAX_AGE_DAYS`` ago;
    the job stays listed, without a file. Returns how many files were deleted."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.CLAIMLENS_EXPORT_MAX_AGE_DAYS)
    expired = ExportJob.objects.filter(finished_at__lt=cutoff).exclude(file_name="")
    storage = export_storage()
    deleted = 0
    for job in expired.only("pk", "file_name"):
        storage.delete(job.file_name)  # a file already gone is not an error
        ExportJob.objects.filter(pk=job.pk).update(file_name="")
        deleted += 1
    return deleted
