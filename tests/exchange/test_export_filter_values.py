"""Export filters that PostgreSQL could not hold (a NUL byte, an id past a bigint) are a 400
naming the parameter before anything is streamed, never a 500 or a 200 cut short."""

from __future__ import annotations

import orjson
import pytest

pytestmark = pytest.mark.django_db

BIG = 2**70


def details(response) -> dict:  # noqa: ANN001
    assert response.status_code == 400, response
    return orjson.loads(response.content)["error"]["details"]


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("author=ana%00", "author"),
        ("status=submitted%00", "status"),
        ("kind=%00", "kind"),
        ("gold_only=true%00", "gold_only"),
        ("story=1%00", "story"),
        (f"story={BIG}", "story"),
        (f"outlet={BIG}", "outlet"),
        ("outlet=-1", "outlet"),
        ("story=0", "story"),
    ],
)
def test_a_download_with_a_filter_the_database_cannot_hold_is_a_400(
    annotated, client_for, query, name
):
    client = client_for(annotated.people.manager)
    response = client.get(f"/api/v1/projects/{annotated.project.pk}/export/?format=jsonl&{query}")
    assert name in details(response)


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ({"story": BIG}, "story"),
        ({"outlet": 2**63}, "outlet"),
        ({"author": "ana\x00"}, "author"),
        ({"status": "submitted\x00"}, "status"),
    ],
)
def test_a_background_export_with_such_a_filter_is_a_400_and_no_job(
    annotated, client_for, body, name
):
    client = client_for(annotated.people.manager)
    response = client.post(
        f"/api/v1/projects/{annotated.project.pk}/exports/",
        {"format": "jsonl", **body},
        format="json",
    )
    assert name in details(response)
    assert not annotated.project.export_jobs.exists()


def test_the_largest_id_is_a_filter_that_matches_nothing(annotated, client_for):
    client = client_for(annotated.people.manager)
    response = client.get(
        f"/api/v1/projects/{annotated.project.pk}/export/?format=jsonl&story={2**63 - 1}"
    )
    assert response.status_code == 200
    assert len(b"".join(response.streaming_content).splitlines()) == 1  # the header alone
