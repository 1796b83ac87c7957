"""Per-person rate limits on writes, imports and exports: past the rate a 429 ``throttled``
with Retry-After; reads, other people and other scopes are not held back."""

from __future__ import annotations

import io

import pytest
from django.core.cache import cache

from tests.annotations.conftest import assert_error, current, span_payload


@pytest.fixture(autouse=True)
def fresh_counts(db):  # noqa: ANN001 (the counts are a table in PostgreSQL)
    cache.clear()
    yield
    cache.clear()


def add_span(client, bench):  # noqa: ANN001, ANN201
    return client.post(
        f"/api/v1/sets/{bench.aset.pk}/spans/",
        {**span_payload(bench.text, "CUE", "said"), "version": current(bench.aset)},
        format="json",
    )


def test_writes_past_the_rate_are_a_429_with_retry_after(bench, owner, settings):
    settings.CLAIMLENS_RATE_LIMITS = {"writes": "2/min"}
    assert add_span(owner, bench).status_code == 201
    assert add_span(owner, bench).status_code == 201
    refused = add_span(owner, bench)
    assert assert_error(refused, 429)["code"] == "throttled"
    assert 0 < int(refused["Retry-After"]) <= 60
    assert owner.get(f"/api/v1/sets/{bench.aset.pk}/").status_code == 200  # reads go on


def test_one_persons_rate_does_not_hold_back_another(bench, owner, client_for, settings):
    settings.CLAIMLENS_RATE_LIMITS = {"writes": "1/min"}
    assert add_span(owner, bench).status_code == 201
    assert add_span(owner, bench).status_code == 429
    reviewer = client_for(bench.people.reviewer)
    response = reviewer.post(
        f"/api/v1/sets/{bench.gold.pk}/spans/",
        {**span_payload(bench.text, "CUE", "said"), "version": current(bench.gold)},
        format="json",
    )
    assert response.status_code != 429


def test_imports_and_exports_have_their_own_rates(bench, client_for, settings):
    settings.CLAIMLENS_RATE_LIMITS = {"imports": "1/hour", "exports": "1/hour"}
    manager = client_for(bench.people.manager)
    project = bench.project.pk

    def upload():  # noqa: ANN202
        text = io.BytesIO(b"Officials said so.\n")
        text.name = "a.txt"
        return manager.post(
            f"/api/v1/projects/{project}/documents/import/", {"files": [text]}, format="multipart"
        )

    assert upload().status_code == 201
    assert upload().status_code == 429
    assert manager.get(f"/api/v1/projects/{project}/export/?format=jsonl").status_code == 200
    assert manager.get(f"/api/v1/projects/{project}/export/?format=jsonl").status_code == 429
    started = manager.post(f"/api/v1/projects/{project}/exports/", {"format": "jsonl"})
    assert started.status_code == 429
    assert manager.get(f"/api/v1/projects/{project}/exports/").status_code == 200


def test_the_shipped_settings_limit_every_scope():
    from config import settings as shipped

    assert set(shipped.CLAIMLENS_RATE_LIMITS) == {"writes", "imports", "exports"}
    assert all(shipped.CLAIMLENS_RATE_LIMITS.values())
