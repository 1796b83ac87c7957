"""Where the time of one request goes, in-process (DRF test client, no HTTP): wall time per
request, the share spent waiting on PostgreSQL (every statement timed with an
``execute_wrapper``), and the top functions under cProfile.

Run after ``bench/run_all.py`` (it reuses the ``claimlens_bench`` data):

    .venv/bin/python bench/bench_profile.py [--top 25] [--only save_30]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if __name__ == "__main__":
    sys.path[0] = str(ROOT)

from bench.common import django_setup  # noqa: E402


class DbTimer:
    """Times every SQL statement run while installed."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.statements = 0
        self.by_statement: dict[str, float] = {}

    def __call__(self, execute: Callable, sql: str, params: Any, many: bool, context: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            elapsed = time.perf_counter() - t0
            self.seconds += elapsed
            self.statements += 1
            key = " ".join(sql.split()[:4])[:70]
            self.by_statement[key] = self.by_statement.get(key, 0.0) + elapsed


def requests_to_profile() -> dict[str, tuple[str, str, Callable[[], Any] | None]]:
    """name -> (method, path, body factory) for annotator 0's sets in the bench project."""
    from annotations.models import AnnotationSet, Span
    from bench.payloads import set_payload
    from bench.setup_data import LONG_RELATIONS, LONG_SPANS, SET_RELATIONS, SET_SPANS
    from bench.textgen import Triple

    sets = list(
        AnnotationSet.objects.filter(author__username="bench_ann0")
        .select_related("document")
        .order_by("id")
    )
    by_size = {Span.objects.filter(annotation_set=s).count(): s for s in sets}
    short, long = by_size[SET_SPANS], by_size[LONG_SPANS]
    p = short.project_id

    def body_for(aset: AnnotationSet, n_spans: int, n_relations: int) -> Callable[[], Any]:
        spans = list(Span.objects.filter(annotation_set=aset).order_by("start"))
        claims = [s for s in spans if s.label == "CLAIM"]
        # Rebuild triples from the stored spans: each CLAIM with the next CUE and SOURCE.
        triples = []
        for claim in claims:
            near = sorted(
                (s for s in spans if s.label != "CLAIM"), key=lambda s: abs(s.start - claim.start)
            )
            cue = next(s for s in near if s.label == "CUE")
            source = next(s for s in near if s.label == "SOURCE")
            triples.append(
                Triple((claim.start, claim.end), (cue.start, cue.end), (source.start, source.end))
            )

        def make() -> Any:
            version = AnnotationSet.objects.get(pk=aset.pk).version
            return set_payload(
                aset.document.text, triples, n_spans=n_spans, n_relations=n_relations,
                version=version,
            )  # fmt: skip

        return make

    return {
        "get_set_30": ("get", f"/api/v1/sets/{short.pk}/", None),
        "get_doc_30": ("get", f"/api/v1/projects/{p}/documents/{short.document_id}/", None),
        "save_30": ("put", f"/api/v1/sets/{short.pk}/", body_for(short, SET_SPANS, SET_RELATIONS)),
        "get_set_long": ("get", f"/api/v1/sets/{long.pk}/", None),
        "get_doc_long": ("get", f"/api/v1/projects/{p}/documents/{long.document_id}/", None),
        "save_long": (
            "put",
            f"/api/v1/sets/{long.pk}/",
            body_for(long, LONG_SPANS, LONG_RELATIONS),
        ),
    }


def profile_one(
    name: str,
    method: str,
    path: str,
    body: Callable | None,
    n: int,
    top: int,
    use_cprofile: bool,
    sort: str = "cumulative",
) -> None:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    user = get_user_model().objects.get(username="bench_ann0")
    token, _ = Token.objects.get_or_create(user=user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    call = getattr(client, method)

    def once() -> None:
        response = call(path, body(), format="json") if body else call(path)
        assert response.status_code == 200, (name, response.status_code, response.content[:300])

    for _ in range(3):  # warm-up
        once()
    timer = DbTimer()
    profiler = cProfile.Profile()
    wall = 0.0
    with connection.execute_wrapper(timer):
        for _ in range(n):
            t0 = time.perf_counter()
            if use_cprofile:
                profiler.enable()
            once()
            if use_cprofile:
                profiler.disable()
            wall += time.perf_counter() - t0
    # with a body, the version lookup of ``body()`` is inside the timing: 1 statement
    how = "under cProfile" if use_cprofile else "no profiler"
    print(
        f"\n=== {name}: {method.upper()} {path}  ({n} requests, in-process, {how})\n"
        f"    wall {wall / n * 1000:.1f} ms/request; SQL {timer.seconds / n * 1000:.1f} ms in "
        f"{timer.statements / n:.0f} statements/request"
    )
    slowest = sorted(timer.by_statement.items(), key=lambda kv: -kv[1])[:8]
    for key, seconds in slowest:
        print(f"    {seconds / n * 1000:7.2f} ms  {key}")
    if use_cprofile:
        stream = io.StringIO()
        stats = pstats.Stats(profiler, stream=stream).strip_dirs().sort_stats(sort)
        stats.print_stats(top)
        print("\n".join(stream.getvalue().splitlines()[6:]))


def profile_import(n: int, top: int, sort: str, clean: bool = True) -> None:
    """``documents_import`` of ``n`` new 7.7 KB documents, under cProfile, SQL timed."""
    from django.db import connection

    from bench.bench_import import jsonl_for
    from corpus import services as corpus_services

    run = f"profile-{time.time_ns()}"
    data = jsonl_for(run, n, seed=time.time_ns() % 1000)
    timer = DbTimer()
    profiler = cProfile.Profile()
    t0 = time.perf_counter()
    with connection.execute_wrapper(timer):
        profiler.enable()
        corpus_services.documents_import(
            files=[(f"{run}.jsonl", data)], fmt="jsonl", story_name=run, clean=clean
        )
        profiler.disable()
    wall = time.perf_counter() - t0
    import_profile_print(
        f"import of {n} documents (clean={clean})", n, wall, timer, profiler, top, sort
    )


def import_profile_print(
    what: str, n: int, wall: float, timer: Any, profiler: Any, top: int, sort: str
) -> None:
    """An import's profile: its rate, its SQL (slowest statements first), then cProfile."""
    print(
        f"\n=== {what}, in-process, under cProfile\n"
        f"    wall {wall:.2f} s = {n / wall:.0f} docs/s; SQL {timer.seconds:.2f} s in "
        f"{timer.statements} statements"
    )
    for key, seconds in sorted(timer.by_statement.items(), key=lambda kv: -kv[1])[:8]:
        print(f"    {seconds * 1000:9.1f} ms  {key}")
    stream = io.StringIO()
    pstats.Stats(profiler, stream=stream).strip_dirs().sort_stats(sort).print_stats(top)
    print("\n".join(stream.getvalue().splitlines()[6:]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--only", default="")
    parser.add_argument("-n", type=int, default=30)
    parser.add_argument("--no-cprofile", action="store_true", help="plain timing only")
    parser.add_argument("--sort", default="cumulative", help="pstats order: cumulative, tottime")
    args = parser.parse_args()
    django_setup()
    if args.only == "import":
        profile_import(args.n, args.top, args.sort)
        return 0
    for name, (method, path, body) in requests_to_profile().items():
        if args.only and name != args.only:
            continue
        n = min(args.n, 10) if name.endswith("long") else args.n
        profile_one(name, method, path, body, n, args.top, not args.no_cprofile, args.sort)
    return 0


if __name__ == "__main__":
    sys.exit(main())
