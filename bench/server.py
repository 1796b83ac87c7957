"""A gunicorn server on 127.0.0.1 for the HTTP benchmarks, and a small keep-alive client."""

from __future__ import annotations

import contextlib
import http.client
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from bench.common import GUNICORN, ROOT, bench_env

HOST = "127.0.0.1"
PREFERRED_PORT = 8765
WORKERS, THREADS = 2, 4
LOG = Path(tempfile.gettempdir()) / "claimlens-bench-gunicorn.log"


def free_port() -> int:
    """8765 when it is free, else any free port the kernel hands out (on 127.0.0.1)."""
    for port in (PREFERRED_PORT, 0):
        with socket.socket() as sock:
            try:
                sock.bind((HOST, port))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise RuntimeError("no free port")


def wait_until_up(port: int, proc: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {proc.returncode}: see {LOG}")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/api/v1/projects/")
            conn.getresponse().read()
            conn.close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"gunicorn did not answer within {timeout:.0f} s")


@contextlib.contextmanager
def gunicorn_server() -> Iterator[int]:
    """Run gunicorn (2 workers x 4 threads) until the block ends, also on errors. Yields the
    port."""
    with gunicorn_server_process(WORKERS, THREADS) as (port, _):
        yield port


@contextlib.contextmanager
def gunicorn_server_process(workers: int, threads: int) -> Iterator[tuple[int, int]]:
    """Run gunicorn with ``workers`` x ``threads`` until the block ends, also on errors.
    Yields the port and the master's pid (its children are the workers)."""
    port = free_port()
    log = LOG.open("wb")
    cmd = [
        str(GUNICORN),
        "config.wsgi",
        "-w",
        str(workers),
        "--threads",
        str(threads),
        "-b",
        f"{HOST}:{port}",
        "--keep-alive",
        "30",
        "--timeout",
        "600",
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=bench_env(), stdout=log, stderr=log)
    try:
        wait_until_up(port, proc)
        yield port, proc.pid
    finally:
        proc.terminate()  # graceful: the master stops its workers
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
        log.close()


class Client:
    """One keep-alive HTTP/1.1 connection speaking JSON, with a token."""

    def __init__(self, port: int, token: str | None = None):
        self.conn = http.client.HTTPConnection(HOST, port, timeout=60)
        self.headers = {"Accept": "application/json", "Content-Type": "application/json"}
        if token:
            self.headers["Authorization"] = f"Token {token}"

    def request(self, method: str, path: str, body: Any = None) -> tuple[int, bytes]:
        payload = orjson.dumps(body) if body is not None else None
        try:
            self.conn.request(method, path, body=payload, headers=self.headers)
            response = self.conn.getresponse()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            # the server closed an idle keep-alive connection: reconnect once
            self.conn.close()
            self.conn.request(method, path, body=payload, headers=self.headers)
            response = self.conn.getresponse()
        return response.status, response.read()

    def json(self, method: str, path: str, body: Any = None, expect: int = 200) -> Any:
        status, data = self.request(method, path, body)
        if status != expect:
            raise RuntimeError(f"{method} {path}: HTTP {status}: {data[:500]!r}")
        return orjson.loads(data)

    def close(self) -> None:
        self.conn.close()


def token_for(port: int, username: str, password: str) -> str:
    client = Client(port)
    try:
        body = {"username": username, "password": password}
        return client.json("POST", "/api/v1/auth/token/", body)["token"]
    finally:
        client.close()
