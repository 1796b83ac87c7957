"""HTTP benchmarks against gunicorn: whole-set saves (one client, then 8 at once) and the
workspace reads, for a 30-span set on a 7.7 KB document and a 2,000-span set on a 200 KB
document. Every loop is bounded in count and in time."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from bench.common import summary_ms
from bench.payloads import set_payload
from bench.server import Client, gunicorn_server, token_for
from bench.setup_data import (
    LONG_RELATIONS,
    LONG_SPANS,
    PASSWORD,
    SET_RELATIONS,
    SET_SPANS,
    BenchData,
    BenchSet,
)

SAVES_ONE_CLIENT = 300
GETS = 300
LONG_GETS = 60
LONG_SAVES = 10
CONCURRENT_SECONDS = 20.0
CONCURRENT_MAX_SAVES = 10_000  # per client; the time bound ends the run first
WARMUP = 20


def timed_loop(step: Callable[[], None], *, n: int, warmup: int, max_seconds: float) -> list[float]:
    """Run ``step`` ``warmup`` times untimed, then up to ``n`` times (or ``max_seconds``)."""
    for _ in range(warmup):
        step()
    samples: list[float] = []
    deadline = time.monotonic() + max_seconds
    while len(samples) < n and time.monotonic() < deadline:
        t0 = time.perf_counter()
        step()
        samples.append(time.perf_counter() - t0)
    return samples


class Saver:
    """Saves one set again and again, each time with the version the last save returned."""

    def __init__(self, client: Client, bench_set: BenchSet, n_spans: int, n_relations: int):
        self.client = client
        self.path = f"/api/v1/sets/{bench_set.set_id}/"
        self.version = client.json("GET", self.path)["version"]
        self.body = set_payload(
            bench_set.text,
            bench_set.triples,
            n_spans=n_spans,
            n_relations=n_relations,
            version=self.version,
        )
        self.last: dict[str, Any] = {}

    def save(self) -> None:
        self.body["version"] = self.version
        self.last = self.client.json("PUT", self.path, self.body)
        self.version = self.last["version"]


def getter(client: Client, path: str, check: Callable[[Any], bool]) -> Callable[[], None]:
    first = client.json("GET", path)
    if not check(first):
        raise RuntimeError(f"GET {path} did not return what the bench expects")

    def step() -> None:
        status, _ = client.request("GET", path)
        if status != 200:
            raise RuntimeError(f"GET {path}: HTTP {status}")

    return step


def n_spans_in_set(n: int) -> Callable[[Any], bool]:
    return lambda body: len(body["spans"]) == n


def n_spans_in_doc(n: int) -> Callable[[Any], bool]:
    return lambda body: len(body["sets"]) == 1 and len(body["sets"][0]["spans"]) == n


def concurrent_saves(port: int, tokens: list[str], sets: list[BenchSet]) -> dict[str, Any]:
    """8 clients (threads, one connection and one set each) save as fast as they can for
    ``CONCURRENT_SECONDS`` after a short warm-up; saves/s = all saves / wall time."""
    savers = [
        Saver(Client(port, token), s, SET_SPANS, SET_RELATIONS)
        for token, s in zip(tokens, sets, strict=True)
    ]
    for saver in savers:
        for _ in range(3):
            saver.save()
    barrier = threading.Barrier(len(savers) + 1)
    latencies: list[list[float]] = [[] for _ in savers]
    errors: list[str] = []
    deadline = 0.0

    def work(i: int) -> None:
        barrier.wait()
        try:
            while time.monotonic() < deadline and len(latencies[i]) < CONCURRENT_MAX_SAVES:
                t0 = time.perf_counter()
                savers[i].save()
                latencies[i].append(time.perf_counter() - t0)
        except Exception as exc:  # report, do not hang the other threads
            errors.append(f"client {i}: {exc}")

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(savers))]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + CONCURRENT_SECONDS
    started = time.perf_counter()
    barrier.wait()
    for thread in threads:
        thread.join(timeout=CONCURRENT_SECONDS + 60)
    elapsed = time.perf_counter() - started
    for saver in savers:
        saver.client.close()
    if errors:
        raise RuntimeError("; ".join(errors))
    all_latencies = [x for per_client in latencies for x in per_client]
    return {
        "clients": len(savers),
        "seconds": round(elapsed, 2),
        "saves": len(all_latencies),
        "saves_per_s": round(len(all_latencies) / elapsed, 1),
        "latency": summary_ms(all_latencies),
    }


def run_api_benches(data: BenchData) -> dict[str, Any]:
    assert data.long_set is not None
    results: dict[str, Any] = {}
    with gunicorn_server() as port:
        tokens = [token_for(port, username, PASSWORD) for username in data.users]
        client = Client(port, tokens[0])
        one, long = data.sets[0], data.long_set
        p = data.project_id

        print("  HTTP floor (a JSON 404 through the whole middleware stack) ...", flush=True)

        def floor() -> None:
            status, _ = client.request("GET", "/api/v1/no-such-endpoint/")
            if status != 404:
                raise RuntimeError(f"expected 404, got {status}")

        results["http_floor_404"] = summary_ms(
            timed_loop(floor, n=GETS, warmup=WARMUP, max_seconds=30)
        )

        print("  save, one client ...", flush=True)
        saver = Saver(client, one, SET_SPANS, SET_RELATIONS)
        samples = timed_loop(saver.save, n=SAVES_ONE_CLIENT, warmup=WARMUP, max_seconds=60)
        if len(saver.last["spans"]) != SET_SPANS or len(saver.last["relations"]) != SET_RELATIONS:
            raise RuntimeError("the save did not store 30 spans and 10 relations")
        results["save_30"] = summary_ms(samples)

        print("  GET 30-span set and document ...", flush=True)
        step = getter(client, f"/api/v1/sets/{one.set_id}/", n_spans_in_set(SET_SPANS))
        results["get_set_30"] = summary_ms(timed_loop(step, n=GETS, warmup=WARMUP, max_seconds=30))
        path = f"/api/v1/projects/{p}/documents/{one.document_id}/"
        step = getter(client, path, n_spans_in_doc(SET_SPANS))
        results["get_doc_30"] = summary_ms(timed_loop(step, n=GETS, warmup=WARMUP, max_seconds=30))

        print("  GET and save of the 200 KB document with 2,000 spans ...", flush=True)
        step = getter(client, f"/api/v1/sets/{long.set_id}/", n_spans_in_set(LONG_SPANS))
        results["get_set_long"] = summary_ms(
            timed_loop(step, n=LONG_GETS, warmup=5, max_seconds=60)
        )
        path = f"/api/v1/projects/{p}/documents/{long.document_id}/"
        step = getter(client, path, n_spans_in_doc(LONG_SPANS))
        results["get_doc_long"] = summary_ms(
            timed_loop(step, n=LONG_GETS, warmup=5, max_seconds=60)
        )
        long_saver = Saver(client, long, LONG_SPANS, LONG_RELATIONS)
        results["save_long"] = summary_ms(
            timed_loop(long_saver.save, n=LONG_SAVES, warmup=2, max_seconds=120)
        )
        client.close()

        print(f"  save, 8 clients for {CONCURRENT_SECONDS:.0f} s ...", flush=True)
        results["save_30_8_clients"] = concurrent_saves(port, tokens, data.sets)
    return results
