"""A whole-set write plans its own statements generically (the history's JSON made them
costly to plan on every save) and leaves the planner's mode as it found it, whether it
succeeds or is refused, so a larger transaction around it plans as usual afterwards."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

from annotations.services.errors import VersionConflict
from annotations.services.set_write import annotation_set_write
from tests.annotations.conftest import current, span_payload


def plan_cache_mode() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW plan_cache_mode")
        return cursor.fetchone()[0]


def statements_of(write) -> list[str]:  # noqa: ANN001
    seen: list[str] = []

    def wrapper(execute, sql, params, many, context):  # noqa: ANN001, ANN202
        seen.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        write()
    return seen


def test_a_write_plans_generically_then_gives_the_mode_back_to_its_transaction(bench):
    assert connection.settings_dict["OPTIONS"].get("server_side_binding")  # prepared
    data = {
        "version": current(bench.aset),
        "spans": [span_payload(bench.text, "CLAIM", "the talks had stalled")],
    }
    assert bench.aset.document  # loaded, as the API's lookup has it
    with transaction.atomic():
        before = plan_cache_mode()
        seen = statements_of(lambda: annotation_set_write(annotation_set=bench.aset, data=data))
        assert plan_cache_mode() == before == "auto"
    work = [sql for sql in seen if not sql.startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))]
    assert work[0] == "SET LOCAL plan_cache_mode TO force_generic_plan"  # before the rest
    assert work[-1] == "SET LOCAL plan_cache_mode TO DEFAULT"


def test_a_refused_write_gives_the_mode_back_too(bench):
    data = {"version": current(bench.aset) - 1, "spans": []}
    with transaction.atomic():
        with pytest.raises(VersionConflict):
            annotation_set_write(annotation_set=bench.aset, data=data)
        assert plan_cache_mode() == "auto"
