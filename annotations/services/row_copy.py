"""Bulk writes for imports: ids taken from a table's sequence, rows sent with ``COPY``.

An import knows every row before it writes any, so it asks the sequence for all the ids it
needs in one statement, links rows to each other in Python, and sends each table's rows in one
``COPY ... FROM STDIN``: no per-row statements and no ``RETURNING`` round trips.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection


def ids_take(table: str, count: int) -> list[int]:
    """``count`` fresh ids from ``table``'s id sequence."""
    if count == 0:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [table, count],
        )
        return [row[0] for row in cursor.fetchall()]


def rows_copy(table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Send rows with text ``COPY``; JSON columns take JSON text. Returns the row count."""
    quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
    sql = f"COPY {connection.ops.quote_name(table)} ({quoted}) FROM STDIN"
    written = 0
    with (
        connection.cursor() as cursor,
        connection.wrap_database_errors,
        cursor.cursor.copy(sql) as copy,
    ):
        for row in rows:
            copy.write_row(row)
            written += 1
    return written
