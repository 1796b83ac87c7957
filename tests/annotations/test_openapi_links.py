"""The published OpenAPI document carries the links of annotations/api/openapi_links.py, so the
stateful fuzzing (and any client reading the links) cannot silently lose them."""

from __future__ import annotations

from typing import Any

import pytest

from annotations.api.openapi_links import BODY_LINKS, CHAINS


@pytest.fixture
def published(client: Any) -> dict[str, Any]:
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return response.json()


def operations_by_id(schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        operation["operationId"]: operation
        for path_item in schema["paths"].values()
        for operation in path_item.values()
        if isinstance(operation, dict) and "operationId" in operation
    }


def test_every_create_links_its_new_id_to_the_operations_that_take_it(published, db):
    operations = operations_by_id(published)
    for creator, status, parameter, targets in CHAINS:
        links = operations[creator]["responses"][status]["links"]
        for target in targets:
            assert links[target] == {
                "operationId": target,
                "parameters": {parameter: "$response.body#/id"},
            }
            target_parameters = {p["name"] for p in operations[target].get("parameters", [])}
            assert parameter in target_parameters, (creator, target)


def test_the_main_chains_are_linked(published, db):
    operations = operations_by_id(published)

    def linked(creator: str, status: str) -> set[str]:
        return set(operations[creator]["responses"][status].get("links", {}))

    assert {"v1_projects_members_list", "v1_projects_documents_list"} <= linked(
        "v1_projects_create", "201"
    )
    assert {"v1_sets_spans_create", "v1_sets_relations_create", "v1_sets_stances_create"} <= (
        linked("v1_sets_create", "201")
    )
    assert "v1_spans_destroy" in linked("v1_sets_spans_create", "201")
    assert "v1_exports_retrieve" in linked("v1_projects_exports_create", "202")


def test_a_set_is_opened_and_written_through_links_that_fill_the_body(published, db):
    """POST /sets/ takes its project and document in the body; a span or relation write needs
    a label, offsets and span ids: those links carry a requestBody."""
    operations = operations_by_id(published)
    for creator, status, name, target, parameters, body in BODY_LINKS:
        link = operations[creator]["responses"][status]["links"][name]
        assert link["operationId"] == target
        assert link.get("parameters", {}) == parameters
        if body is not None:
            assert link["requestBody"] == body
    opened = operations["v1_sets_create"]["responses"]["201"]["links"]
    assert opened["copy_the_first_span"]["requestBody"]["label"] == (
        "$response.body#/spans/0/label"
    )
    assert (
        "open_a_set_on_the_first_document"
        in (operations["v1_projects_documents_list"]["responses"]["200"]["links"])
    )
