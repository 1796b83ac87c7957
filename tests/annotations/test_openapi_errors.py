"""Every operation of the OpenAPI document declares the errors it can answer, each as the
error envelope (``annotations/api/openapi_errors.py``): a client generator sees 4xx too."""

from __future__ import annotations

from typing import Any

import pytest
from drf_spectacular.generators import SchemaGenerator

ENVELOPE = {"$ref": "#/components/schemas/ErrorEnvelope"}


@pytest.fixture(scope="module")
def operations() -> list[tuple[str, str, dict[str, Any]]]:
    api = SchemaGenerator().get_schema(request=None, public=True)
    return [
        (path, method.upper(), operation)
        for path, methods in api["paths"].items()
        for method, operation in methods.items()
    ]


def lacking(operations, code: str, applies) -> list[str]:
    return [
        f"{method} {path}"
        for path, method, operation in operations
        if applies(path, method, operation) and code not in operation["responses"]
    ]


def test_every_operation_declares_401(operations):
    assert lacking(operations, "401", lambda *_: True) == []


def takes_input(path, method, operation) -> bool:
    query = any(p["in"] == "query" for p in operation.get("parameters", []))
    return query or "requestBody" in operation


def test_every_operation_that_can_name_an_object_declares_404(operations):
    names = lambda path, method, operation: "{" in path or takes_input(path, method, operation)  # noqa: E731
    assert lacking(operations, "404", names) == []


def test_every_operation_for_members_only_declares_403(operations):
    open_to_all = {"/api/v1/auth/token/"}
    assert lacking(operations, "403", lambda path, *_: path not in open_to_all) == []


def test_every_operation_taking_input_or_writing_declares_400_and_every_body_413(operations):
    def refusable(path, method, operation):
        return takes_input(path, method, operation) or method in {"POST", "PUT", "PATCH", "DELETE"}

    assert lacking(operations, "400", refusable) == []
    has_body = lambda path, method, operation: "requestBody" in operation  # noqa: E731
    assert lacking(operations, "413", has_body) == []


def test_every_write_declares_409(operations):
    writes = lambda path, method, operation: method in {"POST", "PUT", "PATCH", "DELETE"}  # noqa: E731
    assert lacking(operations, "409", writes) == []


def test_the_throttled_token_login_declares_429(operations):
    token = {(path, method): op for path, method, op in operations}["/api/v1/auth/token/", "POST"]
    assert "429" in token["responses"]


def test_429_is_declared_on_writes_and_the_streamed_export_but_not_on_other_reads(operations):
    declared = {(path, method) for path, method, op in operations if "429" in op["responses"]}
    writes = {(p, m) for p, m, _ in operations if m in {"POST", "PUT", "PATCH", "DELETE"}}
    assert writes <= declared
    reads = {(p, m) for p, m in declared if m == "GET"}
    assert reads == {("/api/v1/projects/{project_id}/export/", "GET")}


def test_every_declared_error_is_the_error_envelope(operations):
    other = [
        f"{method} {path} {code}"
        for path, method, operation in operations
        for code, response in operation["responses"].items()
        if code.startswith("4")
        and response.get("content", {}).get("application/json", {}).get("schema") != ENVELOPE
    ]
    assert other == []
