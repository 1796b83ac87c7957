"""Issue 12's load test: 32 annotators at once for 60 s, each with its own account, membership,
document and set, looping the workspace's calls: open the document, read the set, save the
whole set (PUT with the version the last answer gave, as the autosave does), read it again.
Prints requests, throughput, p50/p99 per call kind and overall, errors by status (a 409 is an
error: the bench always sends the version it was given) and the server's memory (VmRSS of
the gunicorn master and workers, peak and end).

    .venv/bin/python -m bench.bench_load [--root TREE] [--database NAME] [--seconds 60]
"""

from __future__ import annotations

import argparse
import os
import statistics
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import orjson

from bench.common import percentile
from bench.hardening_target import (
    LIMITS_ENV,
    Target,
    add_target_arguments,
    describe,
    prepare,
    rss_bytes,
    target_server,
)
from bench.server import Client, token_for

ANNOTATORS = 32
KINDS = ("open document", "read set", "save set")


class Annotator:
    """One annotator's loop over the workspace's calls, on its own keep-alive connection."""

    def __init__(self, port: int, token: str, project_id: int, spec: dict[str, Any]):
        self.client = Client(port, token)
        self.document_path = f"/api/v1/projects/{project_id}/documents/{spec['document_id']}/"
        self.set_path = f"/api/v1/sets/{spec['set_id']}/"
        self.body = spec["body"]
        self.version: int | None = None
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.errors: Counter[str] = Counter()

    def call(self, kind: str, method: str, path: str, body: Any = None) -> bytes | None:
        t0 = time.perf_counter()
        try:
            status, data = self.client.request(method, path, body)
        except OSError as exc:
            self.errors[type(exc).__name__] += 1
            self.client.close()
            return None
        self.latencies[kind].append(time.perf_counter() - t0)
        if status != 200:
            self.errors[str(status)] += 1
            return None
        return data

    def read_set(self) -> None:
        data = self.call("read set", "GET", self.set_path)
        if data is not None:
            self.version = orjson.loads(data)["version"]

    def one_round(self) -> None:
        self.call("open document", "GET", self.document_path)
        self.read_set()
        if self.version is None:
            return
        data = self.call("save set", "PUT", self.set_path, {**self.body, "version": self.version})
        self.version = orjson.loads(data)["version"] if data is not None else None
        self.read_set()


def summary(samples: list[float]) -> str:
    values = [s * 1000 for s in samples]
    if not values:
        return "n=0"
    return (
        f"n={len(values)} p50 {statistics.median(values):.1f} ms, "
        f"p99 {percentile(values, 99):.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_target_arguments(parser, "claimlens_bench_load")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--annotators", type=int, default=ANNOTATORS)
    args = parser.parse_args()
    target = Target(Path(args.root).resolve(), args.database, dict(LIMITS_ENV))
    print(f"load: {describe(target)}", flush=True)
    data = prepare(target, annotators=args.annotators)
    with target_server(target) as (port, master):
        annotators = [
            Annotator(
                port, token_for(port, spec["username"], data["password"]), data["project_id"], spec
            )
            for spec in data["annotators"]
        ]
        for annotator in annotators:  # warm-up: one round each, not counted
            annotator.one_round()
            annotator.latencies.clear()
            if annotator.errors:
                raise SystemExit(f"warm-up failed: {dict(annotator.errors)}")
        stop = threading.Event()
        barrier = threading.Barrier(len(annotators) + 1)

        def loop(annotator: Annotator) -> None:
            barrier.wait()
            while not stop.is_set():
                annotator.one_round()

        threads = [threading.Thread(target=loop, args=(a,)) for a in annotators]
        for thread in threads:
            thread.start()
        print(f"  {len(annotators)} annotators for {args.seconds:.0f} s ...", flush=True)
        barrier.wait()
        started = time.perf_counter()
        peak = 0
        while time.perf_counter() - started < args.seconds:
            peak = max(peak, rss_bytes(master))
            time.sleep(0.5)
        stop.set()
        for thread in threads:
            thread.join(timeout=150)
        elapsed = time.perf_counter() - started
        end = rss_bytes(master)
        for annotator in annotators:
            annotator.client.close()

    everything: list[float] = []
    errors: Counter[str] = Counter()
    for annotator in annotators:
        errors.update(annotator.errors)
        for samples in annotator.latencies.values():
            everything += samples
    total = len(everything) + sum(n for k, n in errors.items() if not k.isdigit())
    print(f"requests: {total} in {elapsed:.1f} s = {total / elapsed:.1f} req/s")
    for kind in KINDS:
        samples = [x for a in annotators for x in a.latencies.get(kind, [])]
        print(f"  {kind:14} {summary(samples)}")
    print(f"  {'all':14} {summary(everything)}")
    print(f"errors by status: {dict(sorted(errors.items())) or 'none'}")
    mib = 2**20
    print(
        f"server memory (VmRSS, master + workers): peak {peak / mib:.0f} MiB, "
        f"end {end / mib:.0f} MiB"
    )
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
