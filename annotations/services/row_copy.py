"""Bulk writes for imports: rows sent with text ``COPY`` (their ids taken beforehand with
``config.sequences.ids_take``).

An import knows every row before it writes any, so it asks the sequence for all the ids it
needs in one statement, links rows to each other in Python, and sends each table's rows in one
``COPY ... FROM STDIN``: no per-row statements and no ``RETURNING`` round trips.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection


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
