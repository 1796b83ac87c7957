"""Issue 12's login flood: an annotator's API reads with no load, then while 16 threads post
wrong passwords to ``/login/`` as a browser would (GET the form, POST it with its CSRF token
and cookie). Prints the reads' median and p90 in both phases and the login answers by status.

    .venv/bin/python -m bench.bench_login_flood [--root TREE] [--database NAME] [--seconds 20]

``--root`` (or ``CLAIMLENS_BENCH_ROOT``) runs the server and the set-up from another tree,
for example a worktree of the code before the hardening; see bench/README.md.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import statistics
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path

from bench.common import percentile
from bench.hardening_target import (
    LIMITS_ENV,
    Target,
    add_target_arguments,
    describe,
    prepare,
    target_server,
)
from bench.server import HOST, Client, token_for

ATTACKERS = 16
CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
CSRF_COOKIE = re.compile(r"csrftoken=([^;]+)")


def read_latencies(client: Client, path: str, seconds: float) -> list[float]:
    """GET ``path`` again and again for ``seconds``; each read must answer 200."""
    samples: list[float] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        t0 = time.perf_counter()
        status, _ = client.request("GET", path)
        samples.append(time.perf_counter() - t0)
        if status != 200:
            raise RuntimeError(f"GET {path}: HTTP {status}")
    return samples


def wrong_logins(port: int, username: str, stop: threading.Event, answers: Counter[str]) -> None:
    """One attacker: GET the login form, POST a wrong password with its token, until stopped."""
    conn = http.client.HTTPConnection(HOST, port, timeout=120)
    attempt = 0
    while not stop.is_set():
        attempt += 1
        try:
            conn.request("GET", "/login/")
            form = conn.getresponse()
            page = form.read()
            cookie = CSRF_COOKIE.search(form.getheader("Set-Cookie") or "")
            token = CSRF_INPUT.search(page)
            if form.status != 200 or not cookie or not token:
                answers[f"form {form.status}"] += 1
                continue
            body = urllib.parse.urlencode(
                {
                    "username": username,
                    "password": f"wrong-guess-{attempt}",
                    "csrfmiddlewaretoken": token.group(1).decode(),
                }
            )
            headers = {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={cookie.group(1)}",
                "Referer": f"http://{HOST}:{port}/login/",
            }
            conn.request("POST", "/login/", body=body, headers=headers)
            answer = conn.getresponse()
            answer.read()
            answers[str(answer.status)] += 1
        except (OSError, http.client.HTTPException) as exc:
            answers[type(exc).__name__] += 1
            conn.close()
            conn = http.client.HTTPConnection(HOST, port, timeout=120)
    conn.close()


def ms(samples: list[float], q: float) -> str:
    values = [s * 1000 for s in samples]
    figure = statistics.median(values) if q == 50 else percentile(values, q)
    return f"{figure:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_target_arguments(parser, "claimlens_bench_login")
    parser.add_argument("--seconds", type=float, default=20.0, help="length of each phase")
    args = parser.parse_args()
    target = Target(Path(args.root).resolve(), args.database, dict(LIMITS_ENV))
    print(f"login flood: {describe(target)}", flush=True)
    data = prepare(target, annotators=1)
    annotator = data["annotators"][0]
    with target_server(target) as (port, _):
        client = Client(port, token_for(port, annotator["username"], data["password"]))
        path = f"/api/v1/sets/{annotator['set_id']}/"
        read_latencies(client, path, 2.0)  # warm-up
        print(f"  baseline: GET {path} for {args.seconds:.0f} s ...", flush=True)
        baseline = read_latencies(client, path, args.seconds)

        print(f"  flood: {ATTACKERS} threads posting wrong passwords to /login/ ...", flush=True)
        stop = threading.Event()
        answers: Counter[str] = Counter()
        attackers = [
            threading.Thread(target=wrong_logins, args=(port, annotator["username"], stop, answers))
            for _ in range(ATTACKERS)
        ]
        for thread in attackers:
            thread.start()
        time.sleep(1.0)  # let the flood build up
        flood = read_latencies(client, path, args.seconds)
        stop.set()
        for thread in attackers:
            thread.join(timeout=150)
        client.close()

    print(
        f"annotator reads, no load:   n={len(baseline)} median {ms(baseline, 50)}, "
        f"p90 {ms(baseline, 90)}"
    )
    print(f"annotator reads, flood:     n={len(flood)} median {ms(flood, 50)}, p90 {ms(flood, 90)}")
    counts = ", ".join(f"{status}: {n}" for status, n in sorted(answers.items()))
    print(f"wrong-login answers by status ({sum(answers.values())} posts): {counts}")
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
