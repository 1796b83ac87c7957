"""The answers of the comment, decision and history endpoints keep to the shapes the
OpenAPI document declares for them (undeclared keys refused)."""

from __future__ import annotations

import pytest
from drf_spectacular.generators import SchemaGenerator

from annotations.services.set_write import annotation_set_write
from tests.annotations.conftest import current, span_payload
from tests.annotations.test_openapi_contract import assert_keeps_to_its_schema


@pytest.fixture(scope="module")
def api() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


def test_comment_decision_and_history_answers_keep_to_their_schemas(api, bench, client_for):
    reviewer = client_for(bench.people.reviewer)
    project, document = bench.project.pk, bench.people.documents[0].pk
    spans = [span_payload(bench.text, "CUE", "said", ref="s")]
    suggestion = annotation_set_write(
        annotation_set=bench.model, data={"version": current(bench.model), "spans": spans}
    )["s"]
    comments = "/api/v1/projects/{project_id}/documents/{document_id}/comments/"
    calls = [
        ("post", comments, {"text": "Why?", "span": bench.claim.pk}),
        ("get", comments, None),
        ("post", comments + "read/", {}),
        ("get", "/api/v1/projects/{project_id}/comments/unread/", None),
        (
            "post",
            "/api/v1/sets/{set_id}/decisions/",
            [{"suggestion": suggestion, "decision": "rejected"}],
        ),
        ("get", "/api/v1/sets/{set_id}/decisions/", None),
        ("get", "/api/v1/projects/{project_id}/suggestions/rates/", None),
        ("get", "/api/v1/sets/{set_id}/history/", None),
        ("get", "/api/v1/sets/{set_id}/history/{version}/", None),
    ]
    ids = {"project_id": project, "document_id": document, "set_id": bench.gold.pk, "version": 2}
    annotation_set_write(
        annotation_set=bench.gold, data={"version": current(bench.gold), "spans": spans}
    )
    for method, path, body in calls:
        response = getattr(reviewer, method)(path.format(**ids), body, format="json")
        assert response.status_code in (200, 201), (path, response.content)
        assert_keeps_to_its_schema(api, path, method, response)
    restore = "/api/v1/sets/{set_id}/history/{version}/restore/"
    restored = reviewer.post(
        restore.format(set_id=bench.gold.pk, version=1),
        {"version": current(bench.gold)},
        format="json",
    )
    assert restored.status_code == 200, restored.content
    assert_keeps_to_its_schema(api, restore, "post", restored)
