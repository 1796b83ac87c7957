"""Rate-limit counts are shared by every process (the cache is a table in PostgreSQL): a
request counted by another gunicorn worker or web replica counts against the same rate here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from tests.annotations.conftest import assert_error, current, span_payload

pytestmark = pytest.mark.django_db(transaction=True)

REPO = Path(__file__).resolve().parents[2]

# Another process counts one write for the person, as the throttle does (a list of times).
COUNT_ONE_WRITE = """
import sys, time, django
django.setup()
from django.core.cache import cache
key = "throttle_writes_" + sys.argv[1]
cache.set(key, [time.time(), *cache.get(key, [])], 60)
"""


def another_process_counts_a_write(person_pk: int) -> None:
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings"}
    subprocess.run(  # noqa: S603
        [sys.executable, "-c", COUNT_ONE_WRITE, str(person_pk)],
        cwd=REPO, env=env, check=True, timeout=60,
    )  # fmt: skip


def add_span(client, bench):  # noqa: ANN001, ANN201
    return client.post(
        f"/api/v1/sets/{bench.aset.pk}/spans/",
        {**span_payload(bench.text, "CUE", "said"), "version": current(bench.aset)},
        format="json",
    )


def test_a_write_counted_by_another_process_counts_against_the_rate_here(bench, owner, settings):
    settings.CLAIMLENS_RATE_LIMITS = {"writes": "2/min"}
    assert add_span(owner, bench).status_code == 201
    another_process_counts_a_write(bench.people.annotator.pk)
    refused = add_span(owner, bench)  # the third write of the minute, counting both processes
    assert assert_error(refused, 429)["code"] == "throttled"
