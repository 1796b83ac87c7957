"""Property-based fuzzing of the whole API from its OpenAPI schema (schemathesis), for every
role (manager, reviewer, annotator, anonymous): whatever the input, the server answers with
a 2xx/3xx/4xx, never a 5xx; the status is one the operation documents, the content type and
body keep to the schema it declares for that status, and every 4xx of the v1 API uses the
error envelope.

Each operation runs its generated cases twice: once as generated (random ids: mostly
missing objects), once with the path ids swapped for real objects the role can reach (its
own set), so the deeper code paths see hostile bodies too. The manager, who may call every
operation, gets ``CLAIMLENS_FUZZ_MANAGER_EXAMPLES`` examples per operation (25 by default); the
other roles, refused most writes early, ``CLAIMLENS_FUZZ_EXAMPLES`` (12; more for a longer hunt).
"""

from __future__ import annotations

import os
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from annotations.models import Membership, Role
from tests.annotations.conftest import build_bench, path_ids
from tests.factories import people_in_project

MAX_EXAMPLES = int(os.environ.get("CLAIMLENS_FUZZ_EXAMPLES", "12"))
MANAGER_EXAMPLES = int(os.environ.get("CLAIMLENS_FUZZ_MANAGER_EXAMPLES", "25"))
ROLES = ["manager", "reviewer", "annotator", "anonymous"]
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def keep_test_connection() -> Any:
    """Requests through the raw WSGI app would close the test's database connection at the
    end of each request (and with it the test transaction); Django's test client avoids that
    the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# Loaded at import (pytest-django has set Django up by then): serving the schema touches no
# database. ``schemathesis.pytest.from_fixture`` does not work with pytest 9 (it sets
# ``node._nodeid``), so the schema is not a fixture.
schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


@pytest.fixture
def fuzz_bench(request: Any, db: Any) -> tuple[dict[str, Any], dict[str, str]]:
    """Real path ids and the headers of one role. The manager and the reviewer get a set of
    their own (the annotator has one on the bench), so that real ids in the path reach the
    code behind the permission checks; the anonymous caller sends no credentials."""
    bench = build_bench(people_in_project())
    ids = path_ids(bench)
    role = request.param
    if role == "anonymous":
        return ids, {}
    if role == "manager":
        bench.aset.author = bench.people.manager
        bench.aset.save(update_fields=["author"])
        Membership.objects.filter(project=bench.project, user=bench.people.manager).update(
            role=Role.MANAGER
        )
    if role == "reviewer":
        ids["set_id"] = bench.gold.pk
    token = Token.objects.create(user=getattr(bench.people, role))
    return ids, {"Authorization": f"Token {token.key}"}


def assert_keeps_to_the_contract(case: Any, response: Any) -> None:
    assert response.status_code < 500, (
        f"{case.method} {case.formatted_path} -> {response.status_code}\n"
        f"query={case.query!r} body={repr(case.body)[:500]}\n{response.text[:2000]}"
    )
    case.validate_response(response, checks=CHECKS)
    if 400 <= response.status_code < 500 and case.formatted_path.startswith("/api/v1/"):
        try:
            body = response.json()
        except ValueError:
            raise AssertionError(
                f"{case.method} {case.formatted_path} -> {response.status_code} "
                f"not JSON: {response.text[:500]!r} body={repr(case.body)[:500]}"
            ) from None
        assert set(body) == {"error"}, body
        assert {"code", "message", "details"} <= set(body["error"]), body


def call_twice(case: Any, fuzz_bench: tuple[dict[str, Any], dict[str, str]]) -> None:
    """The case as generated, then with its path ids swapped for objects the role reaches."""
    ids, headers = fuzz_bench
    response = case.call(headers=headers)
    assert_keeps_to_the_contract(case, response)
    if case.path_parameters:
        case.path_parameters = {
            name: ids.get(name, value) for name, value in case.path_parameters.items()
        }
        response = case.call(headers=headers)
        assert_keeps_to_the_contract(case, response)


@schema.parametrize()
@settings(
    max_examples=MANAGER_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
@pytest.mark.parametrize("fuzz_bench", ["manager"], indirect=True)
def test_no_input_from_a_manager_breaks_the_api_contract(case, fuzz_bench, keep_test_connection):
    call_twice(case, fuzz_bench)


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
@pytest.mark.parametrize("fuzz_bench", [r for r in ROLES if r != "manager"], indirect=True)
def test_no_input_breaks_the_api_contract(case, fuzz_bench, keep_test_connection):
    call_twice(case, fuzz_bench)
