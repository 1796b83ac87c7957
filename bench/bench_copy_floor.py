"""The database's own ceiling for document imports: PostgreSQL ingesting document rows
that are already serialised, with no Python work per row.

The rows are made once by the real import (``documents_import`` on generated 7.7 KB
articles, in a transaction that is rolled back) and captured with
``COPY ... TO STDOUT (FORMAT BINARY)``; then the same bytes are sent back with
``COPY ... FROM STDIN (FORMAT BINARY)`` three times, each in a transaction rolled back after
the COPY. Whatever an importer does in Python comes on top of this. Not part of
``make bench``; run it after ``bench/run_all.py`` (it uses the ``claimlens_bench`` database):

    .venv/bin/python bench/bench_copy_floor.py [--documents 4000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __name__ == "__main__":
    sys.path[0] = str(ROOT)

from bench.common import django_setup  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=4000)
    n = parser.parse_args().documents
    django_setup()
    from django.db import connection, transaction

    from bench.bench_import import jsonl_for
    from corpus.importers.document_copy import COPY_FIELDS
    from corpus.services import documents_import

    columns = ", ".join(connection.ops.quote_name(f.column) for f in COPY_FIELDS)
    run = f"floor-{time.time_ns()}"
    data = jsonl_for(run, n, 11)
    rows = bytearray()
    with transaction.atomic():
        report = documents_import(files=[("floor.jsonl", data)], fmt="jsonl", story_name=run)
        ids = [document.pk for document in report.created]
        select = f"SELECT {columns} FROM corpus_document WHERE id = ANY(%s)"
        sql = f"COPY ({select}) TO STDOUT (FORMAT BINARY)"
        with connection.cursor() as cursor, cursor.cursor.copy(sql, [ids]) as copy:
            for chunk in copy:
                rows += chunk
        transaction.set_rollback(True)
    print(f"{n} documents, {len(rows) / n / 1024:.1f} KiB per row as sent")
    for _ in range(3):
        with transaction.atomic():
            t0 = time.perf_counter()
            sql = f"COPY corpus_document ({columns}) FROM STDIN (FORMAT BINARY)"
            with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
                for at in range(0, len(rows), 1 << 20):
                    copy.write(bytes(rows[at : at + (1 << 20)]))
            elapsed = time.perf_counter() - t0
            transaction.set_rollback(True)
        print(f"PostgreSQL alone: {n / elapsed:,.0f} documents/s ({elapsed:.3f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
