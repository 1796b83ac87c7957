"""``manage.py expire_exports``: delete background export files older than
``CLAIMLENS_EXPORT_MAX_AGE_DAYS`` (the worker also does it after each export)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from annotations.services.export_files import export_files_expire


class Command(BaseCommand):
    help = "Delete the files of background exports older than CLAIMLENS_EXPORT_MAX_AGE_DAYS."

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = export_files_expire()
        self.stdout.write(f"{deleted} expired export file(s) deleted")
