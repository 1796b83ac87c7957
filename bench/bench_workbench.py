"""The story workbench (issue 14): a story of 50 documents and 500 claims (10 per document,
5 of them linked with SAME_CLAIM to the same claim in the document before, so 5 rows span
all 50 reports and 250 claims are one outlet's alone), built through the services
(``tests/workbench/synthetic_story.py``: the corpus import, then the native import of the
gold sets; not timed) on a database of its own, ``claimlens_bench_workbench`` (recreated).

Measured against gunicorn (2 workers x 4 threads, ``DJANGO_DEBUG=0``, static files through
whitenoise after ``collectstatic``), as a reviewer:

- ``api``: ``GET /api/v1/stories/{id}/claims/?project=&layer=gold`` with token auth over one
  keep-alive connection, the body read to the end; 2 warm-ups, then median (and best) of 5.
- ``page``: ``/projects/{id}/stories/{story}/`` in headless Chromium (Debian's, through
  Playwright), from navigation start to the moment the page's script marks its root
  ``data-ready`` (the table and the charts drawn), read by a MutationObserver the test adds
  before the page's scripts run; a warm-up load, then median (and best) of 5.

Target: the page <= 1 s. Not part of ``bench/run_all.py``. Run it alone:
``.venv/bin/python -m bench.bench_workbench``.
"""

from __future__ import annotations

import os
import statistics
import time
from typing import Any

import orjson
import psycopg

from bench import common

DATABASE = "claimlens_bench_workbench"
DOCUMENTS, CLAIMS_PER_DOCUMENT, LINKED_PER_DOCUMENT = 50, 10, 5
RUNS = 5
TARGET_SECONDS = 1.0
PASSWORD = "bench-password-not-secret"

READY_OBSERVER_JS = """
new MutationObserver((changes, observer) => {
  const root = document.getElementById("story-workbench");
  if (root && root.dataset.ready === "true") {
    window.__readyAt = performance.now();
    observer.disconnect();
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-ready"] });
"""


def build() -> dict[str, Any]:
    """The people, the project and the story (through the services)."""
    from django.contrib.auth import get_user_model

    from annotations.models import Membership, Role
    from annotations.services.projects import project_create
    from tests.workbench.synthetic_story import synthetic_story

    users = get_user_model().objects
    manager = users.create_user("bench_manager", password=PASSWORD)
    reviewer = users.create_user("bench_reviewer", password=PASSWORD)
    project = project_create(name="Workbench bench", owner=manager)
    Membership.objects.create(project=project, user=reviewer, role=Role.REVIEWER)
    story, _ = synthetic_story(
        project,
        manager,
        n_documents=DOCUMENTS,
        claims_per_document=CLAIMS_PER_DOCUMENT,
        linked_per_document=LINKED_PER_DOCUMENT,
    )
    return {"project": project.pk, "story": story.pk, "reviewer": reviewer.username}


def measure_api(port: int, data: dict[str, Any]) -> dict[str, Any]:
    from bench.server import Client, token_for

    client = Client(port, token_for(port, data["reviewer"], PASSWORD))
    path = f"/api/v1/stories/{data['story']}/claims/?project={data['project']}&layer=gold"
    times, table = [], None
    try:
        for run in range(RUNS + 2):
            start = time.perf_counter()
            table = client.json("GET", path)
            if run >= 2:
                times.append(time.perf_counter() - start)
    finally:
        client.close()
    claims = sum(len(cell["claims"]) for row in table["rows"] for cell in row["cells"])
    return {
        "median_ms": round(statistics.median(times) * 1000, 1),
        "best_ms": round(min(times) * 1000, 1),
        "documents": len(table["documents"]),
        "rows": len(table["rows"]),
        "claims": claims,
    }


def measure_page(port: int, data: dict[str, Any]) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
    base = f"http://127.0.0.1:{port}"
    url = f"{base}/projects/{data['project']}/stories/{data['story']}/"
    times: list[float] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, args=["--no-sandbox", "--headless=new"]
        )
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{base}/login/")
        page.fill("#id_username", data["reviewer"])
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{base}/")
        page.add_init_script(READY_OBSERVER_JS)
        for run in range(RUNS + 1):
            page.goto(url, wait_until="commit")
            page.wait_for_function("() => window.__readyAt !== undefined", timeout=60_000)
            if run:  # the first load warms the caches
                times.append(page.evaluate("window.__readyAt") / 1000)
        cells = page.evaluate("document.querySelectorAll('#claims-table .claim').length")
        browser.close()
    result = {
        "median_ms": round(statistics.median(times) * 1000, 1),
        "best_ms": round(min(times) * 1000, 1),
        "claims_drawn": cells,
        "target_ms": TARGET_SECONDS * 1000,
        "pass": statistics.median(times) <= TARGET_SECONDS,
    }
    if errors:
        result["page_errors"] = errors[:5]
    return result


def main() -> None:
    with psycopg.connect(common.ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DATABASE}"')
    common.BENCH_ENV["DATABASE_URL"] = common.local_database_url(DATABASE)
    common.manage("migrate", timeout=300)
    common.manage("collectstatic")
    common.django_setup()
    started = time.perf_counter()
    data = build()
    built = time.perf_counter() - started
    from bench.server import gunicorn_server

    with gunicorn_server() as port:
        api = measure_api(port, data)
        page = measure_page(port, data)
    results = {"built_s": round(built, 1), "api": api, "page": page}
    print(orjson.dumps(results, option=orjson.OPT_INDENT_2).decode())


if __name__ == "__main__":
    main()
