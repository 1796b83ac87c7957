"""The database's own ceiling for document imports: PostgreSQL ingesting document rows
that are already serialised, with no Python work per row.

The rows are made once by the real import (``documents_import`` with cleaning on, in a
transaction that is rolled back) and captured with ``COPY ... TO STDOUT (FORMAT BINARY)``;
then the same bytes are sent back with ``COPY ... FROM STDIN (FORMAT BINARY)`` three times,
each in a transaction rolled back after the COPY. Whatever an importer does in Python comes
on top of this. ``--articles`` makes the rows from scraped-page articles
(``bench/article_pages.py``: cleaning removes page furniture, so ``raw`` is stored beside
``text``) instead of ``textgen``'s plain texts. Not part of ``make bench``; run it after
``bench/run_all.py`` (it uses the ``claimlens_bench`` database):

    .venv/bin/python bench/bench_copy_floor.py [--documents 4000] [--articles]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if __name__ == "__main__":
    sys.path[0] = str(ROOT)

from bench.common import django_setup  # noqa: E402

RUNS = 3


def copy_floor(data: bytes, n: int, runs: int = RUNS) -> dict[str, Any]:
    """Import the JSONL ``data`` (``n`` documents) and roll back, then send its rows back
    ``runs`` times with binary COPY (each rolled back): documents/s of each COPY."""
    from django.db import connection, transaction

    from corpus.services import documents_import
    from corpus.services.document_copy import COPY_FIELDS

    columns = ", ".join(connection.ops.quote_name(f.column) for f in COPY_FIELDS)
    run = f"floor-{time.time_ns()}"
    rows = bytearray()
    with transaction.atomic():
        report = documents_import(files=[("floor.jsonl", data)], fmt="jsonl", story_name=run)
        if len(report.created) != n:
            raise RuntimeError(f"the floor's import created {len(report.created)} of {n}")
        ids = [document.pk for document in report.created]
        select = f"SELECT {columns} FROM corpus_document WHERE id = ANY(%s)"
        sql = f"COPY ({select}) TO STDOUT (FORMAT BINARY)"
        with connection.cursor() as cursor, cursor.cursor.copy(sql, [ids]) as copy:
            for chunk in copy:
                rows += chunk
        transaction.set_rollback(True)
    rates = []
    for _ in range(runs):
        with transaction.atomic():
            t0 = time.perf_counter()
            sql = f"COPY corpus_document ({columns}) FROM STDIN (FORMAT BINARY)"
            with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
                for at in range(0, len(rows), 1 << 20):
                    copy.write(bytes(rows[at : at + (1 << 20)]))
            elapsed = time.perf_counter() - t0
            transaction.set_rollback(True)
        rates.append(n / elapsed)
    return {
        "documents": n,
        "kib_per_row": round(len(rows) / n / 1024, 1),
        "docs_per_s_runs": [round(rate) for rate in rates],
        "docs_per_s_best": round(max(rates)),
        "docs_per_s_median": round(statistics.median(rates)),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=4000)
    parser.add_argument("--articles", action="store_true", help="scraped-page articles")
    args = parser.parse_args()
    n = args.documents
    django_setup()
    run = f"floor-{time.time_ns()}"
    if args.articles:
        from bench.bench_api_import import articles_jsonl

        data = articles_jsonl(run, n, 11)
    else:
        from bench.bench_import import jsonl_for

        data = jsonl_for(run, n, 11)
    floor = copy_floor(data, n)
    print(f"{n} documents, {floor['kib_per_row']:.1f} KiB per row as sent")
    for rate in floor["docs_per_s_runs"]:
        print(f"PostgreSQL alone: {rate:,.0f} documents/s ({n / rate:.3f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
