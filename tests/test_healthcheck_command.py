"""``manage.py healthcheck``: the health check compose runs in ``web`` and ``worker``."""

from __future__ import annotations

import socket

import pytest
from django.core.management import CommandError, call_command


@pytest.mark.django_db
def test_healthcheck_passes_when_the_database_answers(capsys: pytest.CaptureFixture) -> None:
    call_command("healthcheck")
    assert capsys.readouterr().out.strip() == "ok"


@pytest.mark.django_db
def test_healthcheck_passes_when_something_listens_on_the_port() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        call_command("healthcheck", port=server.getsockname()[1])


@pytest.mark.django_db
def test_healthcheck_fails_when_nothing_listens_on_the_port() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free_port = probe.getsockname()[1]
    with pytest.raises(CommandError, match=f"port {free_port}"):
        call_command("healthcheck", port=free_port, timeout=1.0)
