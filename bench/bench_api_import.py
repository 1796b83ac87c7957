"""The document import as a client gets it: ``POST /api/v1/projects/{id}/documents/import/``
against gunicorn (2 workers x 4 threads, ``bench/server.py``), with scraped-page articles
(``bench/article_pages.py``), cleaning off and on, and in the same run PostgreSQL's own
floor for those rows (``bench/bench_copy_floor.py``).

Each run uploads one JSONL file of ``DOCUMENTS`` new articles (about 7.7 KB each; records
``text`` and ``url``) into a new project, timed on the client from sending the request to
having read the whole response; the response must report every document created. Three
warm-up imports of 300 articles per setting come first (they start the cleaning processes
of the gunicorn workers that take them). Label Studio 1.23.2 imported the same
kind of workload through its API at 770-950 tasks/s on this machine (issue 9).

Each run also reports the CPU time spent per document by each kind of process (Linux
``/proc``): the gunicorn workers (the request's process), their cleaning processes
(``corpus.clean_pool``), PostgreSQL's processes (any, so other work on the server counts)
and this client. On 2 cores, N docs/s leaves at most 2 / N seconds a document to all of
them together.

    .venv/bin/python -m bench.bench_api_import [--runs 5] [--documents 2000]
        [--database claimlens_bench_import] [--profile clean|raw]

Alone, it uses (and creates and migrates when missing) its own database, so it never
touches ``claimlens_bench`` while other benches use it; ``bench/run_all.py`` runs it on
``claimlens_bench``. ``--profile`` instead profiles one request in-process (DRF test client,
no HTTP) under cProfile with every SQL statement timed.
"""

from __future__ import annotations

import argparse
import cProfile
import http.client
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parent.parent
if __name__ == "__main__":
    sys.path[0] = str(ROOT)

from bench import common  # noqa: E402
from bench.article_pages import generate_article  # noqa: E402

DOCUMENTS = 2_000
RUNS = 5
WARMUP_DOCUMENTS = 300  # above corpus.clean_pool.PARALLEL_MIN_RECORDS: starts the workers
WARMUPS = 3  # per setting: each gunicorn worker very likely takes one (and starts its pool)
ARTICLE_BYTES = 7_700
LABEL_STUDIO_DOCS_PER_S = (770, 950)  # issue 9: its task import over its API, same machine
OWNER, PASSWORD = "bench_import_owner", "bench-password-not-secret"
OWN_DATABASE = "claimlens_bench_import"


def articles_jsonl(run: str, n: int, seed: int) -> bytes:
    """``n`` new scraped-page articles as one JSONL file (``text`` and ``url``)."""
    rng = random.Random(seed)
    lines = []
    for i in range(n):
        article = generate_article(rng, target_bytes=ARTICLE_BYTES, marker=f"{run}-{i}")
        domain = article.outlet.lower().removeprefix("the ").replace(" ", "")
        url = f"https://www.{domain}.example/2031/03/{run}-{i}"
        lines.append(orjson.dumps({"text": article.text, "url": url}))
    return b"\n".join(lines) + b"\n"


def multipart(fields: dict[str, str], name: str, data: bytes) -> tuple[str, bytes]:
    """A multipart/form-data body with ``fields`` and one file ``files``."""
    boundary = f"claimlens-bench-{uuid.uuid4().hex}"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        for key, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n'
        "Content-Type: application/x-ndjson\r\n\r\n".encode()
    )
    body = b"".join(parts) + data + f"\r\n--{boundary}--\r\n".encode()
    return f"multipart/form-data; boundary={boundary}", body


def _cpu_seconds() -> dict[int, tuple[int, str, float]]:
    """Every process's parent, command line and CPU seconds so far (user + system)."""
    tick = os.sysconf("SC_CLK_TCK")
    found = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as stat, open(f"/proc/{name}/cmdline", "rb") as cmd:
                fields = stat.read().rpartition(")")[2].split()
                command = cmd.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:  # ended meanwhile
            continue
        found[int(name)] = (int(fields[1]), command, (int(fields[11]) + int(fields[12])) / tick)
    return found


def _role(pid: int, processes: dict[int, tuple[int, str, float]], master: int) -> str | None:
    parent, command, _ = processes[pid]
    if pid == os.getpid():
        return "client"
    if parent == master:
        return "request"  # a gunicorn worker
    if parent in processes and processes[parent][0] == master:
        return "cleaning"  # a cleaning process of a gunicorn worker
    if command.startswith("postgres"):
        return "postgresql"
    return None


def cpu_by_role(
    before: dict[int, tuple[int, str, float]], master: int, documents: int
) -> dict[str, float]:
    """Milliseconds of CPU per document by role since ``before`` (``_cpu_seconds()``)."""
    after = _cpu_seconds()
    spent: dict[str, float] = dict.fromkeys(("request", "cleaning", "postgresql", "client"), 0.0)
    for pid, (_, _, seconds) in after.items():
        role = _role(pid, after, master)
        if role is not None:
            spent[role] += seconds - before.get(pid, (0, "", 0.0))[2]
    return {role: round(seconds * 1000 / documents, 3) for role, seconds in spent.items()}


def import_over_http(
    port: int, token: str, project_id: int, data: bytes, clean: bool
) -> tuple[float, dict[str, Any]]:
    """One upload; (seconds from sending to the last byte of the response, the response)."""
    content_type, body = multipart({"clean": "true" if clean else "false"}, "articles.jsonl", data)
    headers = {
        "Authorization": f"Token {token}",
        "Content-Type": content_type,
        "Accept": "application/json",
    }
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    try:
        t0 = time.perf_counter()
        conn.request("POST", f"/api/v1/projects/{project_id}/documents/import/", body, headers)
        response = conn.getresponse()
        payload = response.read()
        elapsed = time.perf_counter() - t0
    finally:
        conn.close()
    if response.status != 201:
        raise RuntimeError(f"import answered HTTP {response.status}: {payload[:500]!r}")
    return elapsed, orjson.loads(payload)


def _owner_token() -> str:
    from django.contrib.auth import get_user_model
    from rest_framework.authtoken.models import Token

    owner, created = get_user_model().objects.get_or_create(username=OWNER)
    if created:
        owner.set_password(PASSWORD)
        owner.save()
    return Token.objects.get_or_create(user=owner)[0].key


def _project_new(name: str) -> int:
    from django.contrib.auth import get_user_model

    from annotations.services.projects import project_create

    owner = get_user_model().objects.get(username=OWNER)
    return project_create(name=f"{name} {time.time_ns()}", owner=owner).pk


def _series(port: int, master: int, token: str, clean: bool, runs: int, n: int) -> dict[str, Any]:
    label = "clean" if clean else "raw"
    rates, seconds, cpu = [], [], []
    for index in range(runs):
        run = f"api-{label}-{time.time_ns()}"
        data = articles_jsonl(run, n, seed=index)
        project = _project_new(run)
        load, before = os.getloadavg()[0], _cpu_seconds()
        elapsed, body = import_over_http(port, token, project, data, clean)
        cpu.append(cpu_by_role(before, master, n))
        if body["counts"]["created"] != n or body["added_to_project"] != n:
            raise RuntimeError(f"{run}: {body['counts']}, added {body['added_to_project']}")
        seconds.append(elapsed)
        rates.append(n / elapsed)
        spent = ", ".join(f"{role} {ms:.3f}" for role, ms in cpu[-1].items())
        print(
            f"    clean={clean}: {n} documents in {elapsed:.2f} s = {n / elapsed:,.0f}/s "
            f"(load {load:.2f}; CPU ms a document: {spent})"
        )
    return {
        "documents": n,
        "clean": clean,
        "bytes": len(data),
        "seconds_runs": [round(s, 3) for s in seconds],
        "docs_per_s_best": round(max(rates), 1),
        "docs_per_s_median": round(statistics.median(rates), 1),
        "cpu_ms_per_doc_median": {
            role: round(statistics.median(run[role] for run in cpu), 3) for role in cpu[0]
        },
    }


def run_api_import_benches(runs: int = RUNS, n: int = DOCUMENTS) -> dict[str, Any]:
    from bench.bench_copy_floor import copy_floor
    from bench.server import THREADS, WORKERS, gunicorn_server_process

    results: dict[str, Any] = {"load_average_at_start": os.getloadavg()}
    token = _owner_token()
    with gunicorn_server_process(WORKERS, THREADS) as (port, master):
        for clean in (False, True):
            for _ in range(WARMUPS):
                warmup = articles_jsonl(f"warmup-{clean}-{time.time_ns()}", WARMUP_DOCUMENTS, 99)
                import_over_http(port, token, _project_new("warm-up"), warmup, clean)
        for clean in (False, True):
            print(f"  document import over HTTP, clean={clean} ...", flush=True)
            key = "api_import_clean" if clean else "api_import_raw"
            results[key] = _series(port, master, token, clean, runs, n)
    print("  PostgreSQL floor for the same rows (COPY alone) ...", flush=True)
    results["copy_floor"] = copy_floor(articles_jsonl(f"floor-{time.time_ns()}", n, 11), n)
    results["load_average_at_end"] = os.getloadavg()
    results["label_studio_docs_per_s"] = list(LABEL_STUDIO_DOCS_PER_S)
    return results


def profile_request(clean: bool, n: int, top: int, sort: str) -> None:
    """One import request in-process (DRF test client, no HTTP), under cProfile, after an
    untimed one of 300 articles (which starts the cleaning processes)."""
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connection
    from rest_framework.test import APIClient

    from bench.bench_profile import DbTimer, import_profile_print

    _owner_token()
    client = APIClient()
    client.force_authenticate(get_user_model().objects.get(username=OWNER))

    def upload_of(run: str, n: int) -> SimpleUploadedFile:
        data = articles_jsonl(run, n, seed=time.time_ns() % 1000)
        return SimpleUploadedFile(f"{run}.jsonl", data, content_type="application/x-ndjson")

    warmup = f"/api/v1/projects/{_project_new('warm-up')}/documents/import/"
    client.post(warmup, {"files": [upload_of("warm-up", 300)], "clean": clean}, format="multipart")
    run = f"profile-{time.time_ns()}"
    path = f"/api/v1/projects/{_project_new(run)}/documents/import/"
    upload = upload_of(run, n)
    timer, profiler = DbTimer(), cProfile.Profile()
    t0 = time.perf_counter()
    with connection.execute_wrapper(timer):
        profiler.enable()
        response = client.post(path, {"files": [upload], "clean": clean}, format="multipart")
        profiler.disable()
    wall = time.perf_counter() - t0
    assert response.status_code == 201, response.content[:500]
    what = f"document import of {n} articles (clean={clean})"
    import_profile_print(what, n, wall, timer, profiler, top, sort)


def database_use(name: str) -> None:
    """Point the benches (this process, gunicorn, ``manage.py``) at database ``name``,
    created and migrated when missing. Only names starting with ``claimlens_bench``."""
    import psycopg

    if not name.startswith(common.BENCH_DB):
        raise SystemExit(f"refusing database {name!r}: use a name starting with claimlens_bench")
    with psycopg.connect(common.ADMIN_URL, autocommit=True) as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not found:
            conn.execute(f'CREATE DATABASE "{name}"')
    common.BENCH_ENV["DATABASE_URL"] = common.local_database_url(name)
    common.manage("migrate", timeout=300)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--documents", type=int, default=DOCUMENTS)
    parser.add_argument("--database", default=OWN_DATABASE)
    parser.add_argument("--profile", choices=["clean", "raw"], default="")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sort", default="tottime", help="pstats order: tottime, cumulative")
    args = parser.parse_args()
    database_use(args.database)
    common.django_setup()
    if args.profile:
        profile_request(args.profile == "clean", args.documents, args.top, args.sort)
        return 0
    results = run_api_import_benches(args.runs, args.documents)
    print(orjson.dumps(results, option=orjson.OPT_INDENT_2).decode())
    return 0


if __name__ == "__main__":
    sys.exit(main())
