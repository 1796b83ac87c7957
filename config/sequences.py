"""Ids taken from a table's sequence before its rows are written, so bulk writes (binary and
text ``COPY``) can link rows to each other in Python with no ``RETURNING`` round trip."""

from __future__ import annotations

from django.db import connection


def ids_take(table: str, count: int) -> list[int]:
    """``count`` fresh ids from ``table``'s id sequence, in one statement."""
    if count == 0:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [table, count],
        )
        return [pk for (pk,) in cursor.fetchall()]
