"""The tree under test for issue 12's benches (this one, or an older checkout such as a
``git worktree`` of the code before the hardening), its own database, its data and a
gunicorn server started from it as ``make run`` starts one (2 workers x 4 threads).

Only environment variables are set for the server, never new settings, so the same bench
runs against code that does not know them (unknown variables are ignored there).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import psycopg

from bench.common import ADMIN_URL, BENCH_ENV, GUNICORN, PYTHON, ROOT
from bench.server import HOST, free_port, wait_until_up
from config.local_db import local_database_url

WORKERS, THREADS = 2, 4
# High enough that no run is throttled by accident; printed with the figures.
LIMITS_ENV = {
    "CLAIMLENS_WRITE_RATE": "1000000/min",
    "CLAIMLENS_AUTH_RATE": "100000/min",  # every annotator fetches a token from 127.0.0.1
}


@dataclass
class Target:
    root: Path
    database: str
    extra_env: dict[str, str]

    def env(self) -> dict[str, str]:
        env = {**os.environ, **BENCH_ENV, **self.extra_env}
        env["DATABASE_URL"] = local_database_url(self.database)
        return env


def add_target_arguments(parser: argparse.ArgumentParser, default_database: str) -> None:
    parser.add_argument(
        "--root",
        default=os.environ.get("CLAIMLENS_BENCH_ROOT", str(ROOT)),
        help="the tree under test (default: $CLAIMLENS_BENCH_ROOT or this one)",
    )
    parser.add_argument("--database", default=default_database, help="dropped and created")


def prepare(target: Target, annotators: int) -> dict[str, Any]:
    """Drop and create the target's database, migrate it with the target's code and build
    the data (``hardening_setup.py`` run inside the target). Returns what the set-up printed."""
    if not target.database.startswith("claimlens_bench"):
        raise SystemExit("the bench only drops databases named claimlens_bench*")
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {target.database} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {target.database}")
    env = target.env()
    for command in (["migrate", "--noinput"], ["createcachetable"]):
        subprocess.run(
            [str(PYTHON), "manage.py", *command, "-v", "0"],
            cwd=target.root,
            env=env,
            check=True,
            timeout=600,
        )
    script = Path(__file__).resolve().parent / "hardening_setup.py"
    done = subprocess.run(
        [str(PYTHON), str(script), "--root", str(target.root), "--annotators", str(annotators)],
        cwd=target.root,
        env=env,
        check=True,
        timeout=600,
        capture_output=True,
    )
    return orjson.loads(done.stdout.splitlines()[-1])


@contextlib.contextmanager
def target_server(target: Target) -> Iterator[tuple[int, int]]:
    """gunicorn (``config.wsgi``) from the target's tree until the block ends. Yields the port
    and the master's pid."""
    port = free_port()
    log_path = Path(tempfile.gettempdir()) / f"claimlens-bench-{target.database}.log"
    cmd = [str(GUNICORN), "config.wsgi", "-w", str(WORKERS), "--threads", str(THREADS)]
    cmd += ["-b", f"{HOST}:{port}", "--keep-alive", "30", "--timeout", "120"]
    with log_path.open("wb") as log:
        proc = subprocess.Popen(cmd, cwd=target.root, env=target.env(), stdout=log, stderr=log)
        try:
            wait_until_up(port, proc)
            yield port, proc.pid
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)


def rss_bytes(master_pid: int) -> int:
    """Resident memory (VmRSS) of the gunicorn master and its child processes, from /proc."""
    total = 0
    pids = [master_pid]
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    with contextlib.suppress(OSError):
        pids += [int(p) for p in children.read_text().split()]
    for pid in pids:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
    return total


def git_head(root: Path) -> str:
    done = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True
    )
    return done.stdout.strip() or "?"


def describe(target: Target) -> str:
    limits = ", ".join(f"{k}={v}" for k, v in target.extra_env.items())
    return (
        f"tree {target.root} at {git_head(target.root)}, database {target.database}, "
        f"gunicorn {WORKERS} workers x {THREADS} threads, load average "
        f"{os.getloadavg()[0]:.2f}; server environment: {limits or 'defaults'}"
    )


def fail(message: str) -> None:
    print(message, file=sys.stderr)
    raise SystemExit(1)
