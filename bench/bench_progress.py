"""Progress (issue 13): ``GET /api/v1/projects/{id}/progress/`` on a project of 2,000
documents x 10 annotators (20,000 annotator sets in every state, time on task, submissions
over 30 days), 20 stories.

The data is written with ``bulk_create`` (not timed). Measured in-process, median and best
of 5 (wall): the selector alone (``project_progress_report``: its 4 queries and the
arranging in Python), the whole JSON response and the CSV response through Django's test
client (session, role, filters, rendering), with the number of SQL statements and the size
of each answer.

Not part of ``bench/run_all.py``. Run it alone on a database of its own (recreated):
``.venv/bin/python -m bench.bench_progress`` (``--database NAME`` to choose it).
"""

from __future__ import annotations

import hashlib
import os
import random
import statistics
import time
from datetime import timedelta
from typing import Any

import orjson

DOCUMENTS, ANNOTATORS, STORIES = 2_000, 10, 20
STATUSES = ["assigned", "in_progress", "submitted", "submitted", "submitted", "skipped", "returned"]


def build() -> Any:
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from annotations.models import AnnotationSet, Membership, ProjectDocument, Role
    from annotations.services.projects import project_create
    from corpus.models import Document, Story

    rng = random.Random(13)
    users = get_user_model().objects
    manager = users.create_user("bench-manager", password="x")
    project = project_create(name="Progress bench", owner=manager, annotators_per_document=3)
    people = [users.create_user(f"annotator-{i:02d}", password="x") for i in range(ANNOTATORS)]
    Membership.objects.bulk_create(
        Membership(project=project, user=u, role=Role.ANNOTATOR) for u in people
    )
    stories = Story.objects.bulk_create(Story(name=f"Event {i}") for i in range(STORIES))
    texts = [f"Report {i}: the minister said the talks had stalled." for i in range(DOCUMENTS)]
    documents = Document.objects.bulk_create(
        Document(
            text=text,
            title=f"Report {i}",
            story=stories[i % STORIES],
            sha256=hashlib.sha256(text.encode()).hexdigest(),
        )
        for i, text in enumerate(texts)
    )
    ProjectDocument.objects.bulk_create(
        ProjectDocument(project=project, document=d, position=i) for i, d in enumerate(documents)
    )
    now = timezone.now()
    sets = []
    for doc in documents:
        for person in people:
            if rng.random() < 0.2:
                continue  # no set yet
            status = rng.choice(STATUSES)
            submitted = now - timedelta(days=rng.randint(0, 29)) if status == "submitted" else None
            sets.append(
                AnnotationSet(
                    project=project,
                    document=doc,
                    author=person,
                    status=status,
                    seconds_spent=rng.randint(0, 1800),
                    started_at=now - timedelta(days=30),
                    submitted_at=submitted,
                )
            )
    AnnotationSet.objects.bulk_create(sets, batch_size=5_000)
    return project, manager, len(sets)


def timed(run: Any, repeat: int = 5) -> tuple[list[float], Any]:
    samples, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        samples.append(time.perf_counter() - started)
    return samples, result


def figures(samples: list[float]) -> dict[str, float]:
    return {
        "median_ms": round(statistics.median(samples) * 1000, 1),
        "best_ms": round(min(samples) * 1000, 1),
    }


def run_progress_benches() -> dict[str, Any]:
    from django.db import connection
    from django.test import Client

    from annotations.selectors.progress import project_progress_report

    project, manager, n_sets = build()
    selector, _ = timed(lambda: project_progress_report(project))
    statements: list[str] = []

    def counted(execute: Any, sql: str, *args: Any) -> Any:
        statements.append(sql)
        return execute(sql, *args)

    with connection.execute_wrapper(counted):
        project_progress_report(project)
    selector_queries = len(statements)
    client = Client()
    client.force_login(manager)
    url = f"/api/v1/projects/{project.pk}/progress/"
    as_json, response = timed(lambda: client.get(url))
    assert response.status_code == 200, response.content[:300]
    json_bytes = len(response.content)
    statements.clear()
    with connection.execute_wrapper(counted):
        client.get(url)
    api_queries = len(statements)
    as_csv, response = timed(lambda: client.get(url + "?format=csv"))
    assert response.status_code == 200
    return {
        "documents": DOCUMENTS,
        "annotators": ANNOTATORS,
        "sets": n_sets,
        "selector": {**figures(selector), "queries": selector_queries},
        "api_json": {
            **figures(as_json),
            "queries": api_queries,
            "bytes": json_bytes,
        },
        "api_csv": {**figures(as_csv), "bytes": len(response.content)},
        "load_average": os.getloadavg(),
    }


def main() -> None:
    import argparse

    import psycopg

    from bench import common, setup_data

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="claimlens_bench_progress")
    args = parser.parse_args()
    with psycopg.connect(common.ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{args.database}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{args.database}"')
    common.BENCH_ENV["DATABASE_URL"] = common.local_database_url(args.database)
    setup_data.migrate()
    common.django_setup()
    print(orjson.dumps(run_progress_benches(), option=orjson.OPT_INDENT_2).decode())


if __name__ == "__main__":
    main()
