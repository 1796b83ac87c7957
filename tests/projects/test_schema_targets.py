"""``schema_with_targets``: the stance targets the create form asks for, added to a schema
with keys made from their names; targets already there are kept and not repeated."""

from __future__ import annotations

import pytest

from annotations.services.errors import DomainError
from annotations.services.project_setup import schema_with_targets


def test_names_become_targets_with_keys_made_from_them():
    schema = schema_with_targets({"stance": {"targets": []}}, ["Benjamin Netanyahu", "Ḥamās"])
    assert schema["stance"]["targets"] == [
        {"key": "Benjamin_Netanyahu", "name": "Benjamin Netanyahu"},
        {"key": "Hamas", "name": "Ḥamās"},
    ]


def test_a_target_already_in_the_schema_is_kept_once():
    schema = {"stance": {"targets": [{"key": "Hamas", "name": "Hamas"}]}}
    out = schema_with_targets(schema, ["Hamas", "Israel", "  "])
    assert [t["key"] for t in out["stance"]["targets"]] == ["Hamas", "Israel"]


def test_a_schema_without_a_stance_section_gets_one():
    assert schema_with_targets({}, ["UN"])["stance"]["targets"] == [{"key": "UN", "name": "UN"}]


def test_no_names_leave_the_schema_as_it_was():
    schema = {"stance": {"targets": []}}
    assert schema_with_targets(schema, ["", " "]) == {"stance": {"targets": []}}


def test_a_name_whose_key_another_target_holds_is_refused():
    schema = {"stance": {"targets": [{"key": "Hamas", "name": "Hamas movement"}]}}
    with pytest.raises(DomainError) as refused:
        schema_with_targets(schema, ["Hamas"])
    assert refused.value.details == {"stance_targets": "rename 'Hamas'"}
