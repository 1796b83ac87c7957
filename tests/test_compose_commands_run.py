"""The compose start commands, run here: the ``migrate`` service's command, the image's
gunicorn command (bound to 127.0.0.1 on a free port instead of 0.0.0.0:8000) and the health
checks of ``web`` and ``worker``, against the test database. (That a check fails when
nothing listens is in ``test_healthcheck_command.py``.)"""

from __future__ import annotations

import os
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from django.db import connection

from tests.test_compose import COMPOSE, DOCKERFILE, command_text, dockerfile_gunicorn

REPO = COMPOSE.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def app_environment() -> dict[str, str]:
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SECRET_KEY": "compose-commands-test",
        "DJANGO_DEBUG": "0",
        "CLAIMLENS_HTTPS": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "GUNICORN_WORKERS": "1",
        "GUNICORN_THREADS": "2",
        "GUNICORN_MAX_REQUESTS": "50",
        # what the image runs with (the test suite runs tasks inline)
        "CLAIMLENS_TASK_BACKEND": "django_tasks_db.DatabaseBackend",
    }


def run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """A compose command with the image's `python` and `gunicorn` taken from this venv."""
    program = str(BIN / command[0]) if (BIN / command[0]).exists() else command[0]
    return subprocess.run([program, *command[1:]], cwd=REPO, env=env, text=True,
                          capture_output=True, timeout=120)  # fmt: skip


@pytest.fixture
def gunicorn(db) -> Iterator[tuple[int, dict[str, str]]]:  # noqa: ANN001
    env = app_environment()
    port = free_port()
    line = dockerfile_gunicorn(DOCKERFILE.read_text())
    for name in ("GUNICORN_WORKERS", "GUNICORN_THREADS", "GUNICORN_MAX_REQUESTS"):
        line = line.replace("${" + name + "}", env[name])
    assert "0.0.0.0:8000" in line
    args = shlex.split(line.replace("0.0.0.0:8000", f"127.0.0.1:{port}"))
    server = subprocess.Popen([str(BIN / "gunicorn"), *args[1:]], cwd=REPO, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()
                time.sleep(0.1)
        yield port, env
    finally:
        server.send_signal(signal.SIGINT)  # gunicorn's quick shutdown
        server.wait(timeout=30)


def test_the_migrate_services_command_runs_and_finds_nothing_left_to_apply(db) -> None:  # noqa: ANN001
    services = yaml.safe_load(COMPOSE.read_text())["services"]
    done = run(shlex.split(command_text(services["migrate"]["command"])), app_environment())
    assert done.returncode == 0, done.stderr
    assert "No migrations to apply" in done.stdout


def test_the_images_gunicorn_serves_pages_and_web_and_worker_pass_their_health_checks(
    gunicorn,  # noqa: ANN001
) -> None:
    port, env = gunicorn
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=10) as response:
        assert response.status == 200
    services = yaml.safe_load(COMPOSE.read_text())["services"]
    check = services["web"]["healthcheck"]["test"][1:]
    assert check[-1] == "8000"
    done = run([*check[:-1], str(port)], env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
    worker = run(services["worker"]["healthcheck"]["test"][1:], env)
    assert worker.returncode == 0, worker.stderr


def test_the_worker_services_command_starts_and_stops_on_an_empty_queue(db) -> None:  # noqa: ANN001
    services = yaml.safe_load(COMPOSE.read_text())["services"]
    command = shlex.split(command_text(services["worker"]["command"]))
    done = run([*command, "--batch"], app_environment())
    assert done.returncode == 0, done.stderr
