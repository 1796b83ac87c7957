"""The schema's optional submit checks: what the preset ships, and every mistake in one
refused under its JSON path."""

from __future__ import annotations

import copy

import pytest

from annotations.presets import NEWS_ATTRIBUTION
from annotations.schema import SchemaError, validate_definition


def with_checks(checks: object) -> dict:
    definition = copy.deepcopy(NEWS_ATTRIBUTION)
    definition["submit_checks"] = checks
    return definition


def problems(checks: object) -> dict[str, str]:
    with pytest.raises(SchemaError) as raised:
        validate_definition(with_checks(checks))
    return raised.value.errors


def test_the_preset_warns_of_a_claim_without_attributed_to():
    (check,) = validate_definition(copy.deepcopy(NEWS_ATTRIBUTION))["submit_checks"]
    assert check["kind"] == "require_relation"
    assert (check["label"], check["relation"], check["enabled"]) == ("CLAIM", "ATTRIBUTED_TO", True)
    assert "no source" in check["message"]


def test_a_schema_without_checks_stays_without_them():
    definition = copy.deepcopy(NEWS_ATTRIBUTION)
    del definition["submit_checks"]
    assert "submit_checks" not in validate_definition(definition)


def test_defaults_fill_in_enabled_and_the_message():
    checked = validate_definition(
        with_checks(
            [
                {"kind": "require_answer", "question": "framing"},
                {
                    "kind": "require_relation",
                    "label": "CLAIM",
                    "relation": "SAME_CLAIM",
                    "enabled": False,
                },
            ]
        )
    )["submit_checks"]
    assert checked == [
        {"kind": "require_answer", "question": "framing", "enabled": True, "message": ""},
        {
            "kind": "require_relation",
            "label": "CLAIM",
            "relation": "SAME_CLAIM",
            "enabled": False,
            "message": "",
        },
    ]


def test_unknown_labels_relations_questions_and_kinds_are_refused_where_they_are():
    assert problems(
        [
            {"kind": "require_relation", "label": "QUOTE", "relation": "ATTRIBUTED_TO"},
            {"kind": "require_relation", "label": "CLAIM", "relation": "SAID_BY"},
            {"kind": "require_answer", "question": "tone"},
            {"kind": "require_span"},
            "CLAIM",
        ]
    ) == {
        "submit_checks[0].label": "unknown span label 'QUOTE'",
        "submit_checks[1].relation": "unknown relation type 'SAID_BY'",
        "submit_checks[2].question": "unknown document question 'tone'",
        "submit_checks[3].kind": "must be one of require_relation, require_answer",
        "submit_checks[4]": "must be an object",
    }


def test_a_relation_that_never_starts_from_the_label_is_refused():
    assert problems(
        [{"kind": "require_relation", "label": "SOURCE", "relation": "ATTRIBUTED_TO"}]
    ) == {"submit_checks[0].relation": "ATTRIBUTED_TO never starts from SOURCE"}


def test_bad_flags_messages_and_extra_fields_are_refused():
    assert problems(
        [
            {
                "kind": "require_answer",
                "question": "framing",
                "enabled": "yes",
                "message": "x" * 301,
                "label": "CLAIM",
            }
        ]
    ) == {
        "submit_checks[0].enabled": "must be true or false",
        "submit_checks[0].message": "must be text of at most 300 characters",
        "submit_checks[0].label": "not a field of a require_answer check",
    }
    assert problems({"kind": "require_answer"}) == {"submit_checks": "must be a list"}
