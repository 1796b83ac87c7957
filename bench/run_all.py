"""Run every benchmark and print the figure table (``make bench``).

Creates a fresh ``claimlens_bench`` database on the local server, migrates it, builds the
data with the project's services, measures the HTTP API against gunicorn, counts SQL
queries in-process, measures imports, then prints the table and writes
``bench/results/latest.json``.

    .venv/bin/python bench/run_all.py [--skip-api] [--skip-import] [--skip-browser]
        [--skip-exchange] [--skip-api-import]
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

# Run as a script: import the ``bench`` package from the repository root, not from bench/.
ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)

import orjson  # noqa: E402

from bench.common import BENCH_DB, RESULTS, django_setup  # noqa: E402
from bench.report import build_rows, render  # noqa: E402


def machine() -> dict[str, Any]:
    from django.db import connection

    with connection.cursor() as cursor:
        settings = {}
        for name in ("server_version", "fsync", "synchronous_commit", "shared_buffers"):
            cursor.execute(f"SHOW {name}")
            settings[name] = cursor.fetchone()[0]
    return {
        "load_average_at_start": os.getloadavg(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "postgresql": settings,
        "database": BENCH_DB,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-api", action="store_true", help="no HTTP or query benches")
    parser.add_argument("--skip-import", action="store_true", help="no import benches")
    parser.add_argument(
        "--skip-browser", action="store_true", help="no workspace benches in Chromium"
    )
    parser.add_argument(
        "--skip-exchange", action="store_true", help="no annotated import/export benches"
    )
    parser.add_argument(
        "--skip-api-import", action="store_true", help="no document import over HTTP"
    )
    args = parser.parse_args()

    from bench import setup_data

    started = time.perf_counter()
    print(f"bench: fresh database {BENCH_DB}, migrate ...", flush=True)
    setup_data.recreate_database()
    setup_data.migrate()
    django_setup()
    results: dict[str, Any] = {"machine": machine()}

    if not args.skip_api:
        from bench.bench_api import run_api_benches
        from bench.bench_queries import count_queries

        print("bench: building API data (8 annotators, 30-span sets, a 2,000-span set) ...")
        data = setup_data.build_api_data()
        print("bench: HTTP API against gunicorn (2 workers x 4 threads) ...", flush=True)
        results["api"] = run_api_benches(data)
        print("bench: SQL queries per request (in-process) ...", flush=True)
        results["queries"] = count_queries(data)
        if not args.skip_browser:
            from bench.bench_workspace import run_workspace_benches

            print("bench: the workspace in headless Chromium ...", flush=True)
            results["workspace"] = run_workspace_benches(data)
    if not args.skip_import:
        from bench.bench_import import run_import_benches

        print("bench: imports ...", flush=True)
        results["import"] = run_import_benches()

    if not args.skip_api_import:
        from bench.bench_api_import import run_api_import_benches

        print("bench: document import over HTTP, and the PostgreSQL floor ...", flush=True)
        results["api_import"] = run_api_import_benches()

    if not args.skip_exchange:
        from bench.bench_exchange import run_exchange_benches

        print("bench: import and export of annotated projects ...", flush=True)
        results["exchange"] = run_exchange_benches()

    results["machine"]["load_average_at_end"] = os.getloadavg()
    rows = build_rows(results)
    results["table"] = [r.as_dict() for r in rows]
    results["seconds"] = round(time.perf_counter() - started, 1)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / "latest.json"
    out.write_bytes(orjson.dumps(results, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS))
    print()
    print(render(rows))
    m = results["machine"]
    print(
        f"\nmachine: {m['cpus']} cores, PostgreSQL {m['postgresql']['server_version']}, "
        f"fsync={m['postgresql']['fsync']}; load average (1 min) at start "
        f"{m['load_average_at_start'][0]:.2f}, at end {m['load_average_at_end'][0]:.2f}"
    )
    print(f"figures in {out}")  # fmt: skip
    print(f"total {results['seconds']} s")
    return 0  # a benchmark reports figures; a missed target is not an error


if __name__ == "__main__":
    sys.exit(main())
