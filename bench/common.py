"""Shared settings of the benchmarks: where the bench database lives, Django set-up,
and how figures are summarised."""

from __future__ import annotations

import math
import os
import statistics
import subprocess
import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from config.local_db import local_database_url  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"

BENCH_DB = "claimlens_bench"
ADMIN_URL = local_database_url("postgres")
BENCH_URL = local_database_url(BENCH_DB)

# What the server and the in-process measurements run with: production-like settings.
BENCH_ENV = {
    "DATABASE_URL": BENCH_URL,
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "bench-only",
    "DJANGO_SETTINGS_MODULE": "config.settings",
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    # Plain HTTP on 127.0.0.1: no redirect to HTTPS, no secure-only cookies.
    "CLAIMLENS_HTTPS": "0",
}


def bench_env() -> dict[str, str]:
    return {**os.environ, **BENCH_ENV}


def manage(*args: str, timeout: float | None = None) -> None:
    """Run ``manage.py`` with these arguments against the bench database (quietly)."""
    subprocess.run(
        [str(PYTHON), "manage.py", *args, "--noinput", "-v", "0"],
        cwd=ROOT,
        env=bench_env(),
        check=True,
        timeout=timeout,
    )


def django_setup() -> None:
    """Point this process at the bench database and set Django up (once)."""
    os.environ.update(BENCH_ENV)
    # whitenoise warns about the (uncollected) static folder; irrelevant to the API figures
    warnings.filterwarnings("ignore", message="No directory at")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def percentile(samples: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of the samples."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def summary_ms(samples_s: list[float]) -> dict[str, float]:
    """p50 (median), p95 (nearest rank), mean and max of durations, in milliseconds."""
    ms = [s * 1000 for s in samples_s]
    return {
        "n": len(ms),
        "p50_ms": round(statistics.median(ms), 2),
        "p95_ms": round(percentile(ms, 95), 2),
        "mean_ms": round(statistics.fmean(ms), 2),
        "max_ms": round(max(ms), 2),
    }
