"""Stateful fuzzing (schemathesis' state machine): scenarios follow the OpenAPI ``links`` of
annotations/api/openapi_links.py, so the id a create returns is read, changed and deleted in
the steps after it (a new project's members and schema, a set's spans, relations and stances,
an export job's status), with the same conformance checks as test_schemathesis.py: no 5xx, a
documented status, the declared content type and body, the error envelope on every 4xx.

Bounded so the file stays well under a minute at -n 2: ``CLAIMLENS_FUZZ_STATEFUL`` scenarios
(10 by default) of at most 8 steps per role.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token

from annotations.models import Membership, Role
from tests.annotations.conftest import build_bench
from tests.annotations.test_schemathesis import (
    assert_keeps_to_the_contract,
    keep_test_connection,  # noqa: F401 (a fixture)
    schema,
)
from tests.factories import people_in_project

SCENARIOS = int(os.environ.get("CLAIMLENS_FUZZ_STATEFUL", "10"))


def role_headers(role: str) -> dict[str, str]:
    """A project with its people; the role's token. The manager may create projects."""
    bench = build_bench(people_in_project())
    user = getattr(bench.people, role)
    if role == "manager":
        Membership.objects.filter(project=bench.project, user=user).update(role=Role.MANAGER)
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    return {"Authorization": f"Token {Token.objects.create(user=user).key}"}


@pytest.mark.parametrize("role", ["manager", "annotator"])
def test_linked_steps_keep_to_the_api_contract(role, db, keep_test_connection):  # noqa: F811
    headers = role_headers(role)

    class Machine(schema.as_state_machine()):
        def get_call_kwargs(self, case: Any) -> dict[str, Any]:
            return {"headers": headers}

        def validate_response(self, response: Any, case: Any, **kwargs: Any) -> None:
            assert_keeps_to_the_contract(case, response)

    Machine.run(
        settings=settings(
            max_examples=SCENARIOS,
            stateful_step_count=8,
            deadline=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
    )
