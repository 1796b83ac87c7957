"""OpenAPI ``links`` for the API's create -> read / change / delete chains.

A link says where the id a response returns can be used next (OpenAPI 3, "Link Object"): a
client generator or a reader of Swagger UI sees that the ``id`` of a new project is the
``project_id`` of its members, documents and schema. schemathesis follows the same links in its
stateful test (tests/annotations/test_schemathesis_stateful.py), so a chain that breaks on
the server is found. drf-spectacular emits no links; ``add_links`` is its postprocessing hook
(``SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"]``) and ``CHAINS`` the one table of them.
"""

from __future__ import annotations

from typing import Any

# (operation that creates, its success status, the path parameter the new id fills,
#  the operations that take it). The id is always the response body's ``id``.
CHAINS: list[tuple[str, str, str, list[str]]] = [
    (
        "v1_projects_create",
        "201",
        "project_id",
        [
            "v1_projects_retrieve",
            "v1_projects_partial_update",
            "v1_projects_destroy",
            "v1_projects_members_list",
            "v1_projects_members_create",
            "v1_projects_documents_list",
            "v1_projects_documents_create",
            "v1_projects_schema_retrieve",
            "v1_projects_schema_update",
            "v1_projects_exports_create",
        ],
    ),
    (
        "v1_sets_create",
        "201",
        "set_id",
        [
            "v1_sets_retrieve",
            "v1_sets_update",
            "v1_sets_spans_list",
            "v1_sets_spans_create",
            "v1_sets_relations_list",
            "v1_sets_relations_create",
            "v1_sets_stances_list",
            "v1_sets_stances_create",
            "v1_sets_submit_create",
        ],
    ),
    ("v1_sets_create", "200", "set_id", ["v1_sets_retrieve", "v1_sets_spans_create"]),
    (
        "v1_sets_spans_create",
        "201",
        "span_id",
        ["v1_spans_retrieve", "v1_spans_partial_update", "v1_spans_destroy"],
    ),
    (
        "v1_sets_relations_create",
        "201",
        "relation_id",
        ["v1_relations_retrieve", "v1_relations_destroy"],
    ),
    ("v1_sets_stances_create", "201", "stance_id", ["v1_stances_retrieve", "v1_stances_destroy"]),
    ("v1_projects_exports_create", "202", "job_id", ["v1_exports_retrieve"]),
]


def _operations(schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        operation["operationId"]: operation
        for path_item in schema.get("paths", {}).values()
        for operation in path_item.values()
        if isinstance(operation, dict) and "operationId" in operation
    }


def add_links(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    """Add each chain's links to the creating operation's success response. A chain naming an
    operation the schema lacks is an error: the table and the routes must not drift apart."""
    operations = _operations(result)
    for creator, status, parameter, targets in CHAINS:
        response = operations[creator]["responses"][status]
        links = response.setdefault("links", {})
        for target in targets:
            if target not in operations:
                raise KeyError(f"OpenAPI link to unknown operation {target!r}")
            links[target] = {
                "operationId": target,
                "parameters": {parameter: "$response.body#/id"},
            }
    return result
