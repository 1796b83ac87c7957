"""Import and export of annotated projects (issue 4's targets).

1. ``import``: a native JSONL file of 10,000 annotated documents (7.7 KB, 30 spans,
   10 relations, 1 answer each) through ``annotations_import``, in-process, timed around that
   one call (generating the file is not timed).
2. ``export``: the JSONL export of 2,000 such documents over HTTP from gunicorn
   (``GET /api/v1/projects/{id}/export/?format=jsonl``), the body read to the end; best and
   median of 3. Label Studio 1.23.2 took 7.7 s for 1,201 documents on this machine (issue 4),
   6.41 ms a document: the target is 15x faster per document.
3. ``memory``: the same export of a project holding 1,000,000 spans (5,000 documents x 200
   spans); the serving worker's resident memory is read from ``/proc`` before and after
   (``VmHWM``, its peak). Target: < 200 MiB.

Run alone: ``.venv/bin/python -m bench.bench_exchange`` (needs ``make db``), or with the rest
via ``bench/run_all.py``.
"""

from __future__ import annotations

import copy
import http.client
import random
import re
import statistics
import subprocess
import time
from typing import Any

import orjson

from bench.payloads import ANSWERS, STANCE_TARGETS, set_payload
from bench.setup_data import DOC_BYTES
from bench.textgen import generate_document

LABEL_STUDIO_MS_PER_DOC = 7_700 / 1_201
IMPORT_DOCS = 10_000
EXPORT_DOCS = 2_000
MEMORY_DOCS, MEMORY_SPANS_PER_DOC = 5_000, 200
WORD = re.compile(r"\w+")


def _schema() -> dict[str, Any]:
    from annotations.presets import NEWS_ATTRIBUTION

    schema = copy.deepcopy(NEWS_ATTRIBUTION)
    schema["stance"]["targets"] = STANCE_TARGETS
    return schema


def annotated_jsonl(run: str, n: int, seed: int) -> bytes:
    """A native JSONL file: header, then ``n`` documents each with one annotator's set of
    30 spans, 10 relations and one answer."""
    rng = random.Random(seed)
    header = {"claimlens": "project", "version": 2, "project": {}, "schema": _schema()}
    lines = [orjson.dumps(header)]
    next_id = 1
    for i in range(n):
        doc = generate_document(rng, target_bytes=DOC_BYTES, min_triples=10, marker=f"{run}-{i}")
        payload = set_payload(doc.text, doc.triples, n_spans=30, n_relations=10, version=1)
        ids = {}
        for span in payload["spans"]:
            ids[span.pop("ref")] = span["id"] = next_id
            next_id += 1
        for relation in payload["relations"]:
            relation["source"] = ids[relation["source"]]
            relation["target"] = ids[relation["target"]]
        record = {
            "title": doc.title,
            "text": doc.text,
            "outlet": doc.outlet,
            "sets": [
                {
                    "kind": "annotator",
                    "author": f"{run}_annotator",
                    "spans": payload["spans"],
                    "relations": payload["relations"],
                    "answers": ANSWERS,
                }
            ],
        }
        lines.append(orjson.dumps(record))
    return b"\n".join(lines) + b"\n"


def many_spans_jsonl(run: str, n: int, spans_per_doc: int, seed: int) -> bytes:
    """Documents each with ``spans_per_doc`` one-to-three-word spans (labels in turn)."""
    rng = random.Random(seed)
    header = {"claimlens": "project", "version": 2, "project": {}, "schema": _schema()}
    lines = [orjson.dumps(header)]
    labels = ("CLAIM", "SOURCE", "CUE")
    for i in range(n):
        doc = generate_document(rng, target_bytes=DOC_BYTES, min_triples=1, marker=f"{run}-{i}")
        words = [m.span() for m in WORD.finditer(doc.text)]
        spans = []
        for k in range(spans_per_doc):
            first = (k * 5) % max(len(words) - 3, 1)
            start, end = words[first][0], words[first + rng.randint(0, 2)][1]
            spans.append(
                {"label": labels[k % 3], "start": start, "end": end, "text": doc.text[start:end]}
            )
        record = {
            "title": doc.title,
            "text": doc.text,
            "sets": [{"kind": "annotator", "author": f"{run}_annotator", "spans": spans}],
        }
        lines.append(orjson.dumps(record))
    return b"\n".join(lines) + b"\n"


def import_timed(name: str, data: bytes, n: int) -> tuple[int, dict[str, Any]]:
    """Import ``data`` into a new project; (project id, figures)."""
    from django.contrib.auth import get_user_model

    from annotations.services.imports import annotations_import
    from annotations.services.projects import project_create

    owner, _ = get_user_model().objects.get_or_create(username="bench_exchange_owner")
    project = project_create(name=f"Bench {name}", owner=owner)
    t0 = time.perf_counter()
    outcome = annotations_import(
        project=project, user=owner, fmt="jsonl", files=[(f"{name}.jsonl", data)]
    )
    elapsed = time.perf_counter() - t0
    if not outcome.ok:
        raise RuntimeError(f"{name}: import failed: {outcome.errors[:3]}")
    return project.pk, {
        "documents": n,
        "spans": outcome.counts["spans"],
        "relations": outcome.counts["relations"],
        "bytes": len(data),
        "seconds": round(elapsed, 3),
        "docs_per_s": round(n / elapsed, 1),
    }


def _token() -> str:
    from django.contrib.auth import get_user_model
    from rest_framework.authtoken.models import Token

    owner = get_user_model().objects.get(username="bench_exchange_owner")
    return Token.objects.get_or_create(user=owner)[0].key


def _export_once(port: int, project_id: int, token: str) -> tuple[float, int]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    t0 = time.perf_counter()
    conn.request(
        "GET",
        f"/api/v1/projects/{project_id}/export/?format=jsonl",
        headers={"Authorization": f"Token {token}"},
    )
    response = conn.getresponse()
    size = 0
    while chunk := response.read(1 << 16):
        size += len(chunk)
    elapsed = time.perf_counter() - t0
    conn.close()
    if response.status != 200:
        raise RuntimeError(f"export answered {response.status}")
    return elapsed, size


def _workers(master_pid: int) -> list[int]:
    out = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(master_pid)], capture_output=True, text=True
    ).stdout
    return [int(pid) for pid in out.split()]


def _status_kib(pid: int, field: str) -> int:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def run_exchange_benches() -> dict[str, Any]:
    from bench.server import gunicorn_server_process

    results: dict[str, Any] = {}
    print(f"  generating {IMPORT_DOCS} annotated documents ...", flush=True)
    data = annotated_jsonl("imp", IMPORT_DOCS, seed=4)
    print("  importing them (native JSONL) ...", flush=True)
    _, results["import_10000"] = import_timed("import-10000", data, IMPORT_DOCS)

    data = annotated_jsonl("exp", EXPORT_DOCS, seed=5)
    export_project, results["import_2000"] = import_timed("export-2000", data, EXPORT_DOCS)
    print(f"  generating {MEMORY_DOCS * MEMORY_SPANS_PER_DOC:,} spans ...", flush=True)
    data = many_spans_jsonl("mem", MEMORY_DOCS, MEMORY_SPANS_PER_DOC, seed=6)
    memory_project, results["import_1m_spans"] = import_timed("memory", data, MEMORY_DOCS)
    token = _token()

    with gunicorn_server_process(workers=1, threads=1) as (port, master):
        _export_once(port, export_project, token)  # warm-up
        times = []
        for _ in range(3):
            elapsed, size = _export_once(port, export_project, token)
            times.append(elapsed)
        best = min(times)
        ms_per_doc = best * 1000 / EXPORT_DOCS
        results["export_2000"] = {
            "documents": EXPORT_DOCS,
            "bytes": size,
            "seconds_best": round(best, 3),
            "seconds_median": round(statistics.median(times), 3),
            "ms_per_document": round(ms_per_doc, 3),
            "label_studio_ms_per_document": round(LABEL_STUDIO_MS_PER_DOC, 2),
            "times_faster_than_label_studio": round(LABEL_STUDIO_MS_PER_DOC / ms_per_doc, 1),
        }
        [worker] = _workers(master)
        before = _status_kib(worker, "VmRSS")
        elapsed, size = _export_once(port, memory_project, token)
        results["export_1m_spans"] = {
            "spans": MEMORY_DOCS * MEMORY_SPANS_PER_DOC,
            "bytes": size,
            "seconds": round(elapsed, 2),
            "worker_rss_before_mib": round(before / 1024, 1),
            "worker_peak_rss_mib": round(_status_kib(worker, "VmHWM") / 1024, 1),
        }
    return results


def main() -> None:
    from bench import setup_data
    from bench.common import django_setup

    setup_data.recreate_database()
    setup_data.migrate()
    django_setup()
    print(orjson.dumps(run_exchange_benches(), option=orjson.OPT_INDENT_2).decode())


if __name__ == "__main__":
    main()
