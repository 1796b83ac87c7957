"""``manage.py healthcheck [--port N]``: exit 0 when this container can do its work.

docker-compose.yml runs it as the health check of ``web`` (with ``--port 8000``: gunicorn
accepts connections) and of ``worker`` (the database answers). It goes through no HTTP
middleware, so it needs no allowed host, HTTPS redirect or login.
"""

from __future__ import annotations

import socket
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import connection


class Command(BaseCommand):
    help = "Exit 0 when the database answers (and, with --port, something listens there)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--port", type=int, help="a local TCP port that must accept")
        parser.add_argument("--timeout", type=float, default=3.0)

    def handle(self, *args: Any, port: int | None, timeout: float, **options: Any) -> None:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
        except Exception as exc:  # noqa: BLE001 - any failure is "unhealthy", said plainly
            raise CommandError(f"database: {type(exc).__name__}: {exc}") from exc
        if port is not None:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=timeout).close()
            except OSError as exc:
                raise CommandError(f"port {port}: {exc}") from exc
        self.stdout.write("ok")
