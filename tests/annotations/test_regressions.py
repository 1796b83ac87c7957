"""Regression tests for bugs found while checking the docs against the server."""

from __future__ import annotations

from django.test import override_settings

from annotations.models import SetKind
from annotations.services.annotation_sets import annotation_set_open


def _claim(text: str) -> dict:
    start = text.index("the talks had stalled")
    return {"label": "CLAIM", "start": start, "end": start + 21, "text": text[start : start + 21]}


def test_gold_sets_opened_by_different_reviewers_can_be_linked_across_documents(people, client_for):
    first, second = people.documents[:2]
    gold_1, _ = annotation_set_open(
        project=people.project, document=first, author=people.manager, kind=SetKind.GOLD
    )
    gold_2, _ = annotation_set_open(
        project=people.project, document=second, author=people.reviewer, kind=SetKind.GOLD
    )
    manager = client_for(people.manager)
    saved = manager.put(
        f"/api/v1/sets/{gold_1.pk}/",
        {"version": gold_1.version, "spans": [_claim(first.text)]},
        format="json",
    )
    assert saved.status_code == 200, saved.content
    other_claim = saved.json()["spans"][0]["id"]

    reviewer = client_for(people.reviewer)
    linked = reviewer.put(
        f"/api/v1/sets/{gold_2.pk}/",
        {
            "version": gold_2.version,
            "spans": [{**_claim(second.text), "ref": "here"}],
            "relations": [{"type": "SAME_CLAIM", "source": "here", "target": other_claim}],
        },
        format="json",
    )
    assert linked.status_code == 200, linked.content
    assert linked.json()["relations"][0]["target"] == other_claim


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
def test_a_json_body_over_the_limit_gets_413_in_the_envelope(people, client_for):
    client = client_for(people.annotator)
    body = client.get(f"/api/v1/projects/{people.project.pk}/queue/next/").json()
    response = client.put(
        f"/api/v1/sets/{body['id']}/",
        data='{"version": 1, "padding": "' + "x" * 2000 + '"}',
        content_type="application/json",
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"
