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
    ("v1_sets_create", "200", "set_id", ["v1_sets_relations_create", "v1_sets_stances_create"]),
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


# Links that fill a request BODY, or a path parameter from another field than ``id``: a set is
# opened by POST /sets/ with the project and document in its body, and a span or relation is
# only written with a label, offsets and span ids the project's schema and text accept. Each is
# (operation, status, link name, target, path parameters, body or None); schemathesis merges a
# linked body into the one it generates.
Link = tuple[str, str, str, str, dict[str, str], "dict[str, str] | None"]


def _from_an_opened_set(status: str) -> list[Link]:
    """What an opened set (its body: header, spans, relations, stances) leads to."""
    body = "$response.body#"
    return [
        (
            "v1_sets_create",
            status,
            "reopen_the_same_set",
            "v1_sets_create",
            {},
            {"project": f"{body}/project", "document": f"{body}/document", "kind": f"{body}/kind"},
        ),
        (
            "v1_sets_create",
            status,
            "list_the_projects_documents",
            "v1_projects_documents_list",
            {"project_id": f"{body}/project"},
            None,
        ),
        (
            "v1_sets_create",
            status,
            "copy_the_first_span",
            "v1_sets_spans_create",
            {"set_id": f"{body}/id"},
            {field: f"{body}/spans/0/{field}" for field in ("label", "start", "end", "text")},
        ),
        (
            "v1_sets_create",
            status,
            "relate_the_first_relation_source_to_the_third_span",
            "v1_sets_relations_create",
            {"set_id": f"{body}/id"},
            {
                "type": f"{body}/relations/0/type",
                "source": f"{body}/relations/0/source",
                "target": f"{body}/spans/2/id",
            },
        ),
    ]


BODY_LINKS: list[Link] = [
    (
        "v1_projects_documents_list",
        "200",
        "open_a_set_on_the_first_document",
        "v1_sets_create",
        {},
        {"project": "$request.path.project_id", "document": "$response.body#/results/0/id"},
    ),
    (
        "v1_projects_documents_create",
        "201",
        "open_a_set_on_the_first_added_document",
        "v1_sets_create",
        {},
        {"project": "$request.path.project_id", "document": "$request.body#/documents/0"},
    ),
    *_from_an_opened_set("200"),
    *_from_an_opened_set("201"),
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
    for creator, status, name, target, parameters, body in BODY_LINKS:
        if target not in operations:
            raise KeyError(f"OpenAPI link to unknown operation {target!r}")
        links = operations[creator]["responses"][status].setdefault("links", {})
        link: dict[str, Any] = {"operationId": target}
        if parameters:
            link["parameters"] = dict(parameters)
        if body is not None:
            link["requestBody"] = dict(body)
        links[name] = link
    return result
