"""The rewrites view (issue 14): a story of 50 generated documents of about 8 KB, every
other one a rewrite of the one before (``tests/rewrites/synthetic_story.py``: 25
near-duplicate pairs), built through the services (the corpus import; not timed) on a
database of its own, ``claimlens_bench_rewrites`` (recreated).

Measured against gunicorn (2 workers x 4 threads, ``DJANGO_DEBUG=0``), as a reviewer, with
token auth over one keep-alive connection, the body read to the end:

- ``pairs_cold``: ``GET /api/v1/stories/{id}/rewrites/?project=`` with the cache emptied
  before each request (the pairs computed from the 50 texts); median and best of 5.
- ``pairs_warm``: the same request with the pairs in the cache (the database cache); 2
  warm-ups, then median and best of 5.
- ``alignment_cold`` / ``alignment_warm``: ``GET .../rewrites/{original}/{rewrite}/`` of
  the first pair, the cache emptied before each request / kept (2 warm-ups); median and best
  of 5.
- ``alignment_pure``: ``corpus.rewrites.rewrite_alignment`` of that pair in this process
  (wall and CPU time), median and best of 5.

Not part of ``bench/run_all.py``. Run it alone: ``.venv/bin/python -m bench.bench_rewrites``.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from typing import Any

import orjson
import psycopg

from bench import common

DATABASE = "claimlens_bench_rewrites"
DOCUMENTS, TARGET_CHARS = 50, 8000
RUNS, WARM_UPS = 5, 2
PASSWORD = "bench-password-not-secret"


def build() -> dict[str, Any]:
    """The people, the project and the story (through the services)."""
    from django.contrib.auth import get_user_model

    from annotations.models import Membership, Role
    from annotations.services.projects import project_create
    from tests.rewrites.synthetic_story import rewrites_story

    users = get_user_model().objects
    manager = users.create_user("bench_manager", password=PASSWORD)
    reviewer = users.create_user("bench_reviewer", password=PASSWORD)
    project = project_create(name="Rewrites bench", owner=manager)
    Membership.objects.create(project=project, user=reviewer, role=Role.REVIEWER)
    story, documents = rewrites_story(project, n_documents=DOCUMENTS, target_chars=TARGET_CHARS)
    sizes = [len(document.text.encode()) for document in documents]
    return {
        "project": project.pk,
        "story": story.pk,
        "reviewer": reviewer.username,
        "pair": (documents[0].pk, documents[1].pk),
        "texts": (documents[0].text, documents[1].text),
        "mean_bytes": round(statistics.fmean(sizes)),
    }


def timed(call: Callable[[], Any], *, before: Callable[[], Any] | None = None) -> dict[str, Any]:
    """Median and best wall time (ms) of ``RUNS`` calls, ``before`` run untimed before each."""
    times = []
    for _ in range(RUNS):
        if before is not None:
            before()
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return {
        "median_ms": round(statistics.median(times) * 1000, 1),
        "best_ms": round(min(times) * 1000, 1),
    }


def measure_requests(port: int, data: dict[str, Any]) -> dict[str, Any]:
    from django.core.cache import caches

    from bench.server import Client, token_for

    cache = caches["computed"]  # where the answers are kept (not the counts)

    client = Client(port, token_for(port, data["reviewer"], PASSWORD))
    pairs_path = f"/api/v1/stories/{data['story']}/rewrites/?project={data['project']}"
    original, rewrite = data["pair"]
    alignment_path = (
        f"/api/v1/stories/{data['story']}/rewrites/{original}/{rewrite}/?project={data['project']}"
    )
    try:
        pairs = client.json("GET", pairs_path)["pairs"]
        cold = timed(lambda: client.json("GET", pairs_path), before=cache.clear)
        for _ in range(WARM_UPS):
            client.json("GET", pairs_path)
        warm = timed(lambda: client.json("GET", pairs_path))
        counts = client.json("GET", alignment_path)["counts"]
        alignment_cold = timed(lambda: client.json("GET", alignment_path), before=cache.clear)
        for _ in range(WARM_UPS):
            client.json("GET", alignment_path)
        alignment_warm = timed(lambda: client.json("GET", alignment_path))
    finally:
        client.close()
    return {
        "pairs_cold": cold,
        "pairs_warm": warm,
        "pairs": len(pairs),
        "alignment_cold": alignment_cold,
        "alignment_warm": alignment_warm,
        "alignment_counts": counts,
    }


def measure_alignment(texts: tuple[str, str]) -> dict[str, Any]:
    from corpus.rewrites import rewrite_alignment

    wall, cpu = [], []
    for _ in range(RUNS):
        start, start_cpu = time.perf_counter(), time.process_time()
        rewrite_alignment(*texts)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return {
        "median_ms": round(statistics.median(wall) * 1000, 1),
        "best_ms": round(min(wall) * 1000, 1),
        "cpu_median_ms": round(statistics.median(cpu) * 1000, 1),
        "bytes": [len(text.encode()) for text in texts],
    }


def main() -> None:
    with psycopg.connect(common.ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DATABASE}"')
    common.BENCH_ENV["DATABASE_URL"] = common.local_database_url(DATABASE)
    common.manage("migrate", timeout=300)
    common.django_setup()
    started = time.perf_counter()
    data = build()
    built = time.perf_counter() - started
    from bench.server import gunicorn_server

    with gunicorn_server() as port:
        requests = measure_requests(port, data)
    results = {
        "built_s": round(built, 1),
        "documents": DOCUMENTS,
        "mean_bytes": data["mean_bytes"],
        **requests,
        "alignment_pure": measure_alignment(data["texts"]),
        "load_average": os.getloadavg(),
    }
    print(orjson.dumps(results, option=orjson.OPT_INDENT_2).decode())


if __name__ == "__main__":
    main()
