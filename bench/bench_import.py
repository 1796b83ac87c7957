"""Import throughput: JSONL documents of about 7.7 KB through
``corpus.services.documents_import``, in-process, timed around that one call (generating the
synthetic text and encoding the JSONL file are not timed)."""

from __future__ import annotations

import random
import time
from typing import Any

from bench.setup_data import DOC_BYTES, documents_jsonl
from bench.textgen import generate_document

RUNS = [
    # (name, documents, clean)
    ("import_2000_clean", 2_000, True),
    ("import_2000_raw", 2_000, False),
    ("import_10000_clean", 10_000, True),
]
WARMUP_DOCS = 50


def jsonl_for(run: str, n: int, seed: int) -> bytes:
    rng = random.Random(seed)
    docs = [
        generate_document(rng, target_bytes=DOC_BYTES, min_triples=10, marker=f"{run}-{i}")
        for i in range(n)
    ]
    return documents_jsonl(docs, run)


def import_once(run: str, data: bytes, n: int, clean: bool) -> dict[str, Any]:
    from corpus import services as corpus_services
    from corpus.models import Document

    story = f"Bench import {run}"
    t0 = time.perf_counter()
    report = corpus_services.documents_import(
        files=[(f"{run}.jsonl", data)], fmt="jsonl", story_name=story, clean=clean
    )
    elapsed = time.perf_counter() - t0
    stored = Document.objects.filter(story__name=story).count()
    if stored != n:
        raise RuntimeError(f"{run}: {stored} of {n} documents stored; report: {report!r:.500}")
    return {
        "documents": n,
        "clean": clean,
        "bytes": len(data),
        "seconds": round(elapsed, 3),
        "docs_per_s": round(n / elapsed, 1),
        "mb_per_s": round(len(data) / elapsed / 1e6, 2),
        "created": len(report.created),
        "existing": len(report.existing),
        "errors": [str(e) for e in report.errors[:5]],
        "near_duplicates": len(report.near_duplicates),
    }


def cleaning_only(n: int = 1_000) -> dict[str, Any]:
    """The cleaning pipeline alone (``corpus.cleaning.article_clean``), one process: the
    ceiling for an import with cleaning, whatever the database does."""
    from corpus.cleaning import article_clean

    rng = random.Random(99)
    docs = [
        generate_document(rng, target_bytes=DOC_BYTES, min_triples=10, marker=f"c-{i}")
        for i in range(n)
    ]
    out: dict[str, Any] = {}
    for enabled in (True, False):
        t0 = time.perf_counter()
        for d in docs:
            article_clean(d.text, enabled=enabled, title=d.title, outlet=d.outlet)
        elapsed = time.perf_counter() - t0
        out["clean" if enabled else "detect_only"] = {
            "documents": n,
            "seconds": round(elapsed, 3),
            "docs_per_s": round(n / elapsed, 1),
        }
    return out


def run_import_benches() -> dict[str, Any]:
    results: dict[str, Any] = {}
    print("  cleaning pipeline alone ...", flush=True)
    results["cleaning_only"] = cleaning_only()
    import_once("warmup", jsonl_for("warmup", WARMUP_DOCS, 1), WARMUP_DOCS, True)
    for seed, (name, n, clean) in enumerate(RUNS, start=2):
        print(f"  {name} ...", flush=True)
        results[name] = import_once(name, jsonl_for(name, n, seed), n, clean)
    return results
