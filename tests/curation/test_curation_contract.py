"""The curation API's answers keep to the shapes its OpenAPI document declares (undeclared
keys refused), so a client generator's types are true."""

from __future__ import annotations

from typing import Any

import pytest
from drf_spectacular.generators import SchemaGenerator

from tests.annotations.test_openapi_contract import assert_keeps_to_its_schema


@pytest.fixture(scope="module")
def api() -> dict[str, Any]:
    return SchemaGenerator().get_schema(request=None, public=True)


def test_every_curation_answer_keeps_to_its_declared_schema(
    api, two_layers, client_for, django_capture_on_commit_callbacks
):
    reviewer = client_for(two_layers.people.reviewer)
    ids = {"project_id": two_layers.project.pk, "document_id": two_layers.document.pk}
    base = "/api/v1/projects/{project_id}/curation/"
    one = base + "{document_id}/"

    def get(path: str, **params: Any) -> Any:
        response = reviewer.get(path.format(**ids), params)
        assert response.status_code == 200, (path, response.content)
        assert_keeps_to_its_schema(api, path, "get", response)
        return response.json()

    def post(path: str, body: dict) -> Any:
        response = reviewer.post(path.format(**ids), body, format="json")
        assert response.status_code in (200, 202), (path, response.content)
        assert_keeps_to_its_schema(api, path, "post", response)
        return response.json()

    get(base)
    get(base, order="disagreement")
    get(base + "summary/")
    view = get(one)
    officials = next(u for u in view["units"] if u["unit"].get("text") == "officials")
    view = post(one + "accept/", {"unit": officials["key"], "version": None})
    view = post(one + "reject/", {"unit": officials["key"], "version": view["gold"]["version"]})
    version = view["gold"]["version"]
    post(one + "merge/", {"min_agreeing": 1, "version": version, "matching": "overlap"})
    post(one + "return/", {"annotator": "annotator", "comment": "Again, please."})
    with django_capture_on_commit_callbacks(execute=True):
        job = post("/api/v1/projects/{project_id}/merge-jobs/", {"min_agreeing": 2})
    get("/api/v1/projects/{project_id}/merge-jobs/")
    response = reviewer.get(f"/api/v1/merge-jobs/{job['id']}/")
    assert_keeps_to_its_schema(api, "/api/v1/merge-jobs/{job_id}/", "get", response)
    annotator = client_for(two_layers.people.annotator)
    response = annotator.get(f"/api/v1/projects/{two_layers.project.pk}/returned/")
    assert len(response.json()) == 1
    assert_keeps_to_its_schema(api, "/api/v1/projects/{project_id}/returned/", "get", response)
