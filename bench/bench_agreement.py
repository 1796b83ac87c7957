"""Agreement (issue 10): the full report of a project of 1,000 documents x 3 annotators, each
set with 30 spans, 10 relations, 3 stances and the document answers; 100 stories of 10
documents, each annotator linking the stories' claims across documents (SAME_CLAIM).

The annotators start from the same attributions (``bench.payloads.set_payload``) and
differ the way people do, at random but reproducibly: a span's boundary moved by a few
characters (12%), a span left out (5%), a claim's quote_type, a stance value or an answer
read otherwise (15%), a relation dropped with its span, a cross-document link left out (10%).

The data is imported through the native JSONL import (not timed). Measured, in-process,
through ``agreement_report_for`` (the service ``GET /api/v1/projects/{id}/agreement/``
calls), with every measure (18, over every pair of layers, label, document, story and week):

- ``cold``: the cache emptied first; best and median of 3 (wall), and the time of its two
  halves in one more run: reading the layers (``agreement_layers``: SQL and JSON) and
  computing (``agreement_report``, pure), each as wall and CPU time of this process (CPU
  time is steadier when other work shares the machine). Target: <= 2 s. And two floors of
  the computation (CPU): making the units alone, and a report of one measure (spans.exact).
- ``cached``: the same request again, served from ``AgreementCache``; median of 5.

Not part of ``bench/run_all.py``: building and importing the project and the cold runs take
a minute or more, which would double ``make bench``. Run it alone:
``.venv/bin/python -m bench.bench_agreement`` (recreates ``claimlens_bench``), or with
``--database NAME`` on a database of its own (recreated), so it can run beside the others.
"""

from __future__ import annotations

import copy
import os
import random
import statistics
import time
from typing import Any

import orjson

from bench.payloads import ANSWERS, STANCE_TARGETS, set_payload
from bench.setup_data import DOC_BYTES
from bench.textgen import generate_document

DOCUMENTS, ANNOTATORS, PER_STORY = 1_000, 3, 10
TARGET_SECONDS = 2.0
VALUES = ("favor", "against", "neutral", "unclear")
FRAMINGS = ("sympathetic", "neutral", "critical", "mixed")


def _schema() -> dict[str, Any]:
    from annotations.presets import NEWS_ATTRIBUTION

    schema = copy.deepcopy(NEWS_ATTRIBUTION)
    schema["stance"]["targets"] = STANCE_TARGETS
    return schema


def _layer(rng: random.Random, text: str, base: dict[str, Any], first_id: int) -> dict[str, Any]:
    """One annotator's set from the shared attributions, with their own slips."""
    spans, ids = [], {}
    for span in base["spans"]:
        if rng.random() < 0.05:
            continue
        span = {**span, "attributes": dict(span["attributes"])}
        if rng.random() < 0.12:
            start = max(0, span["start"] + rng.randint(-3, 3))
            end = max(start + 1, span["end"] + rng.randint(-3, 3))
            span.update(
                start=start, end=min(end, len(text)), text=text[start : min(end, len(text))]
            )
        if span["label"] == "CLAIM" and rng.random() < 0.15:
            span["attributes"]["quote_type"] = rng.choice(["direct", "indirect", "mixed"])
        ids[span.pop("ref")] = span["id"] = first_id + len(spans)
        spans.append(span)
    relations = [
        {**r, "source": ids[r["source"]], "target": ids[r["target"]]}
        for r in base["relations"]
        if r["source"] in ids and r["target"] in ids
    ]
    sources = [s["id"] for s in spans if s["label"] == "SOURCE"][:2]
    claims = [s["id"] for s in spans if s["label"] == "CLAIM"]
    stances = [
        {"holder": holder, "target": target["key"], "value": _value(rng, n)}
        for n, (holder, target) in enumerate(zip(sources, STANCE_TARGETS, strict=False))
    ]
    if claims:
        stances.append({"holder": None, "object": claims[0], "value": _value(rng, 2)})
    answers = {
        "framing": {
            target: value if rng.random() >= 0.15 else rng.choice(FRAMINGS)
            for target, value in ANSWERS["framing"].items()
        }
    }
    return {"spans": spans, "relations": relations, "stances": stances, "answers": answers}


def _value(rng: random.Random, n: int) -> str:
    return VALUES[n % 4] if rng.random() >= 0.15 else rng.choice(VALUES)


def project_jsonl(seed: int = 10) -> bytes:
    """The native JSONL file of the benchmark's project."""
    rng = random.Random(seed)
    header = {"claimlens": "project", "version": 2, "project": {}, "schema": _schema()}
    lines = [orjson.dumps(header)]
    next_id, first_claim = 1, {}  # (annotator, story) -> (document, span id) of its first claim
    for i in range(DOCUMENTS):
        doc = generate_document(rng, target_bytes=DOC_BYTES, min_triples=10, marker=f"agr-{i}")
        base = set_payload(doc.text, doc.triples, n_spans=30, n_relations=10, version=1)
        story = f"agreement story {i // PER_STORY}"
        sets = []
        for a in range(ANNOTATORS):
            layer = _layer(rng, doc.text, base, next_id)
            next_id += len(layer["spans"])
            claim = next((s["id"] for s in layer["spans"] if s["label"] == "CLAIM"), None)
            known = first_claim.get((a, story))
            if claim is not None and known is not None and rng.random() < 0.9:
                layer["relations"].append(
                    {"type": "SAME_CLAIM", "source": claim, "target": known[1],
                     "target_document": known[0]}
                )  # fmt: skip
            elif claim is not None and known is None:
                first_claim[(a, story)] = (i + 1, claim)
            sets.append(
                {"kind": "annotator", "author": f"annotator{a + 1}", "status": "submitted",
                 "submitted_at": f"2031-03-{1 + i * 28 // DOCUMENTS:02d}T12:00:00Z", **layer}
            )  # fmt: skip
        record = {
            "id": i + 1,
            "title": doc.title,
            "text": doc.text,
            "outlet": doc.outlet,
            "story": story,
            "sets": sets,
        }
        lines.append(orjson.dumps(record))
    return b"\n".join(lines) + b"\n"


def _project() -> Any:
    from django.contrib.auth import get_user_model

    from annotations.services.imports import annotations_import
    from annotations.services.projects import project_create

    owner, _ = get_user_model().objects.get_or_create(username="bench_agreement_owner")
    project = project_create(name="Bench agreement", owner=owner, annotators_per_document=3)
    data = project_jsonl()
    t0 = time.perf_counter()
    outcome = annotations_import(
        project=project, user=owner, fmt="jsonl", files=[("agreement.jsonl", data)]
    )
    if not outcome.ok:
        raise RuntimeError(f"agreement import failed: {outcome.errors[:3]}")
    print(f"  imported {outcome.counts} in {time.perf_counter() - t0:.1f} s", flush=True)
    project.refresh_from_db()
    return project, outcome.counts


def _existing_project() -> Any:
    """The project an earlier run imported (``--reuse``), with its counts."""
    from annotations.models import AnnotationSet, Project

    project = Project.objects.get(name="Bench agreement")
    return project, {"sets": AnnotationSet.objects.filter(project=project).count()}


def run_agreement_benches(*, reuse: bool = False, dump: str | None = None) -> dict[str, Any]:
    from annotations.agreement.inputs import Options, layer_units
    from annotations.agreement.report import agreement_report, collector_paused
    from annotations.models import AgreementCache
    from annotations.selectors.agreement import LayerFilters, agreement_layers
    from annotations.services.agreement import agreement_report_for

    project, counts = _existing_project() if reuse else _project()
    filters, options = LayerFilters(), Options()
    cold = []
    for _ in range(3):
        AgreementCache.objects.filter(project=project).delete()
        t0 = time.perf_counter()
        report = agreement_report_for(project, filters, options)
        cold.append(time.perf_counter() - t0)
    cached = []
    for _ in range(5):
        t0 = time.perf_counter()
        agreement_report_for(project, filters, options)
        cached.append(time.perf_counter() - t0)
    with collector_paused():  # as the service reads them
        t0, c0 = time.perf_counter(), time.process_time()
        inputs = agreement_layers(project, LayerFilters(with_text=True))
        read, read_cpu = time.perf_counter() - t0, time.process_time() - c0
    t0, c0 = time.perf_counter(), time.process_time()
    agreement_report(inputs, options)
    computed, computed_cpu = time.perf_counter() - t0, time.process_time() - c0
    with collector_paused():  # floors: the units alone, and a report of one measure
        t0 = time.process_time()
        layer_units(inputs, options)
        units_cpu = time.process_time() - t0
    t0 = time.process_time()
    agreement_report(inputs, Options(measures=("spans.exact",)))
    one_measure_cpu = time.process_time() - t0
    figures = {m["measure"]: m["value"] for m in report["measures"]}
    if dump:  # the report without what changes from run to run, to compare code changes by
        stable = {k: v for k, v in report.items() if k not in ("computed_at", "project")}
        with open(dump, "wb") as out:
            out.write(orjson.dumps(stable, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS))
    return {
        "documents": DOCUMENTS,
        "annotators": ANNOTATORS,
        "counts": counts,
        "measures": len(report["measures"]),
        "cold_seconds_best": round(min(cold), 3),
        "cold_seconds_median": round(statistics.median(cold), 3),
        "read_seconds": round(read, 3),
        "read_cpu_seconds": round(read_cpu, 3),
        "compute_seconds": round(computed, 3),
        "compute_cpu_seconds": round(computed_cpu, 3),
        "units_cpu_seconds": round(units_cpu, 3),
        "one_measure_cpu_seconds": round(one_measure_cpu, 3),
        "cached_ms_median": round(statistics.median(cached) * 1000, 2),
        "target_seconds": TARGET_SECONDS,
        "verdict": "PASS" if min(cold) <= TARGET_SECONDS else "FAIL",
        "load_average": os.getloadavg(),
        "figures": {k: round(v, 3) if v is not None else None for k, v in figures.items()},
    }


def main() -> None:
    """Alone, on ``claimlens_bench`` (recreated) or, with ``--database NAME``, on a database
    of its own (recreated), so it can run while other benchmarks use ``claimlens_bench``."""
    import argparse

    import psycopg

    from bench import common, setup_data

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=common.BENCH_DB)
    parser.add_argument("--dump", metavar="PATH", help="write the cold report's JSON there")
    parser.add_argument(
        "--reuse", action="store_true", help="measure the project an earlier run imported"
    )
    args = parser.parse_args()
    name = args.database
    if args.reuse:
        common.BENCH_ENV["DATABASE_URL"] = common.local_database_url(name)
    elif name == common.BENCH_DB:
        setup_data.recreate_database()
    else:
        with psycopg.connect(common.ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
        common.BENCH_ENV["DATABASE_URL"] = common.local_database_url(name)
    if not args.reuse:
        setup_data.migrate()
    common.django_setup()
    print(
        orjson.dumps(
            run_agreement_benches(reuse=args.reuse, dump=args.dump), option=orjson.OPT_INDENT_2
        ).decode()
    )


if __name__ == "__main__":
    main()
