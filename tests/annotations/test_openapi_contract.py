"""The OpenAPI document declares real shapes, and the responses keep to them: every JSON
response is validated against the schema its operation declares, with undeclared keys
refused, so a client generator's types are true."""

from __future__ import annotations

from typing import Any

import pytest
from drf_spectacular.generators import SchemaGenerator
from jsonschema import Draft202012Validator

from annotations.models import ExportJob
from tests.annotations.conftest import Bench, path_ids

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def api() -> dict[str, Any]:
    return SchemaGenerator().get_schema(request=None, public=True)


def strict(schema: Any) -> Any:
    """The OpenAPI 3.0 schema as JSON Schema: ``nullable`` becomes a null alternative, and an
    object with declared properties allows no others."""
    if isinstance(schema, list):
        return [strict(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = {key: strict(value) for key, value in schema.items() if key != "nullable"}
    if out.get("type") == "object" and "properties" in out:
        out.setdefault("additionalProperties", False)
    if schema.get("nullable"):
        return {"anyOf": [out, {"type": "null"}]}
    return out


def declared(api: dict[str, Any], path: str, method: str, status: int) -> dict[str, Any]:
    responses = api["paths"][path][method]["responses"]
    return responses[str(status)]["content"]["application/json"]["schema"]


def assert_keeps_to_its_schema(api: dict[str, Any], path: str, method: str, response: Any):
    schema = declared(api, path, method, response.status_code)
    root = {**strict(schema), "components": strict(api["components"])}
    errors = sorted(Draft202012Validator(root).iter_errors(response.json()), key=str)
    assert not errors, f"{method.upper()} {path}: " + "; ".join(
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:5]
    )


def test_no_json_response_is_declared_as_a_bare_object(api):
    bare = []
    for path, operations in api["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                schema = response.get("content", {}).get("application/json", {}).get("schema")
                if schema is None or "$ref" in schema or schema.get("type") == "array":
                    continue
                if not schema.get("properties"):
                    bare.append(f"{method.upper()} {path} {status}")
    assert bare == []


def reads(bench: Bench) -> list[tuple[str, str, dict[str, Any]]]:
    """(OpenAPI path, method, path ids) of the reads a manager can make on the bench."""
    ids = {**path_ids(bench), "version": bench.aset.version}
    paths = [
        "/api/v1/auth/tokens/",
        "/api/v1/projects/{project_id}/agreement/",
        "/api/v1/projects/{project_id}/comments/unread/",
        "/api/v1/projects/{project_id}/curation/",
        "/api/v1/projects/{project_id}/curation/summary/",
        "/api/v1/projects/{project_id}/curation/{document_id}/",
        "/api/v1/projects/{project_id}/documents/{document_id}/comments/",
        "/api/v1/projects/{project_id}/merge-jobs/",
        "/api/v1/projects/{project_id}/progress/",
        "/api/v1/projects/{project_id}/people/",
        "/api/v1/projects/{project_id}/returned/",
        "/api/v1/projects/{project_id}/suggestions/rates/",
        "/api/v1/sets/{set_id}/decisions/",
        "/api/v1/sets/{set_id}/history/",
        "/api/v1/sets/{set_id}/history/{version}/",
        "/api/v1/projects/",
        "/api/v1/projects/{project_id}/",
        "/api/v1/projects/{project_id}/schema/",
        "/api/v1/projects/{project_id}/members/",
        "/api/v1/projects/{project_id}/documents/",
        "/api/v1/projects/{project_id}/documents/{document_id}/",
        "/api/v1/projects/{project_id}/exports/",
        "/api/v1/sets/{set_id}/",
        "/api/v1/sets/{set_id}/spans/",
        "/api/v1/sets/{set_id}/relations/",
        "/api/v1/sets/{set_id}/stances/",
        "/api/v1/spans/{span_id}/",
        "/api/v1/relations/{relation_id}/",
        "/api/v1/stances/{stance_id}/",
        "/api/v1/stories/",
        "/api/v1/stories/{story_id}/",
        "/api/v1/documents/",
        "/api/v1/documents/{document_id}/",
        "/api/v1/outlets/",
        "/api/v1/formats/",
    ]
    return [(path, "get", ids) for path in paths]


def test_every_read_keeps_to_its_declared_schema(api, bench, client_for):
    manager = client_for(bench.people.manager)
    job = ExportJob.objects.create(
        project=bench.project, requested_by=bench.people.manager, format="jsonl"
    )
    job_read = manager.get(f"/api/v1/exports/{job.pk}/")
    assert job_read.status_code == 200, job_read.content
    assert_keeps_to_its_schema(api, "/api/v1/exports/{job_id}/", "get", job_read)
    for path, method, ids in reads(bench):
        response = manager.get(path.format(**ids))
        assert response.status_code == 200, (path, response.content)
        assert_keeps_to_its_schema(api, path, method, response)
    listed = manager.get(f"/api/v1/sets/?project={bench.project.pk}")
    assert_keeps_to_its_schema(api, "/api/v1/sets/", "get", listed)


SOURCE_REGISTRY_READS = [
    "/api/v1/projects/{project_id}/sources/",
    "/api/v1/projects/{project_id}/sources/suggest/",
    "/api/v1/projects/{project_id}/sources/{entry_id}/",
    "/api/v1/projects/{project_id}/sources/{entry_id}/claims/",
]

RECOMMENDER_READS = [
    "/api/v1/projects/{project_id}/recommenders/",
    "/api/v1/projects/{project_id}/recommenders/{recommender_id}/",
]

SUGGESTER_RUN_READS = [
    "/api/v1/projects/{project_id}/suggester-runs/",
    "/api/v1/projects/{project_id}/suggester-runs/{run_id}/",
]

# GET routes the read test above does not make, with the reason.
NOT_READ = {
    "/api/v1/projects/{project_id}/export/": "a file, not JSON",
    "/api/v1/exports/{job_id}/download/": "a file, not JSON",
    "/api/v1/merge-jobs/{job_id}/": "needs a merge job; schemathesis reads it",
}


def test_every_get_route_is_read_against_its_schema(api, bench):
    read = {path for path, _, _ in reads(bench)} | {
        "/api/v1/sets/",
        "/api/v1/exports/{job_id}/",
        "/api/v1/projects/{project_id}/queue/next/",  # in the set steps' test below
        # tests/suggesters/test_suggestion_quality_api.py
        "/api/v1/projects/{project_id}/suggestions/quality/",
        *SOURCE_REGISTRY_READS,  # tests/sources/test_sources_openapi.py
        *RECOMMENDER_READS,  # tests/recommenders/test_recommenders_openapi.py
        *SUGGESTER_RUN_READS,  # tests/suggester_runs/test_suggester_runs_openapi.py
        "/api/v1/stories/{story_id}/claims/",  # tests/workbench/test_story_claims_openapi.py
        # tests/rewrites/test_rewrites_api.py (both keep to their schemas)
        "/api/v1/stories/{story_id}/rewrites/",
        "/api/v1/stories/{story_id}/rewrites/{original_id}/{rewrite_id}/",
    }
    unread = [path for path, ops in api["paths"].items() if "get" in ops and path not in read]
    assert sorted(unread) == sorted(NOT_READ)


def test_set_writes_and_steps_keep_to_their_declared_schemas(api, bench, client_for):
    owner = client_for(bench.people.annotator)
    path = "/api/v1/sets/{set_id}/"
    current = owner.get(path.format(set_id=bench.aset.pk)).json()
    body = {"version": current["version"], "spans": current["spans"]}
    written = owner.put(path.format(set_id=bench.aset.pk), body, format="json")
    assert written.status_code == 200, written.content
    assert_keeps_to_its_schema(api, path, "put", written)
    stale = owner.put(path.format(set_id=bench.aset.pk), body, format="json")
    assert stale.status_code == 409
    assert_keeps_to_its_schema(api, path, "put", stale)
    submitted = owner.post(f"/api/v1/sets/{bench.aset.pk}/submit/")
    assert_keeps_to_its_schema(api, "/api/v1/sets/{set_id}/submit/", "post", submitted)
    opened = client_for(bench.people.reviewer).post(
        "/api/v1/sets/",
        {"project": bench.project.pk, "document": bench.people.documents[1].pk, "kind": "gold"},
        format="json",
    )
    assert opened.status_code == 201
    assert_keeps_to_its_schema(api, "/api/v1/sets/", "post", opened)
    nxt = client_for(bench.people.other_annotator).get(
        f"/api/v1/projects/{bench.project.pk}/queue/next/"
    )
    assert nxt.status_code == 200
    assert_keeps_to_its_schema(api, "/api/v1/projects/{project_id}/queue/next/", "get", nxt)


def test_the_payloads_name_their_required_keys(api):
    schemas = api["components"]["schemas"]
    assert schemas["SetWriteRequest"]["required"] == ["version"]
    assert sorted(schemas["SpanInRequest"]["required"]) == ["end", "label", "start", "text"]
    assert sorted(schemas["RelationInRequest"]["required"]) == ["source", "target", "type"]
    assert schemas["StanceInRequest"]["required"] == ["value"]
    assert sorted(schemas["SchemaDefinition"]["required"]) == [
        "document_questions",
        "relation_types",
        "span_labels",
        "stance",
    ]
