"""Schema definitions: validation errors name their JSON path; attributes and answers."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from annotations.presets import NEWS_ATTRIBUTION, PRESETS
from annotations.schema import MAX_TEXT_ATTRIBUTE, Schema, SchemaError, validate_definition


def minimal(**extra: Any) -> dict[str, Any]:
    return {"span_labels": [{"key": "CLAIM"}, {"key": "SOURCE"}], **extra}


def errors_of(definition: Any) -> dict[str, str]:
    with pytest.raises(SchemaError) as info:
        validate_definition(definition)
    return info.value.errors


@pytest.fixture
def news() -> Schema:
    return Schema(validate_definition(copy.deepcopy(NEWS_ATTRIBUTION)))


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_every_preset_validates(name):
    checked = validate_definition(copy.deepcopy(PRESETS[name]))
    assert checked["span_labels"]


def test_the_news_attribution_preset_has_the_designed_labels_and_relations():
    checked = validate_definition(copy.deepcopy(NEWS_ATTRIBUTION))
    assert [label["key"] for label in checked["span_labels"]] == ["CLAIM", "SOURCE", "CUE"]
    relations = {r["key"]: r for r in checked["relation_types"]}
    assert set(relations) == {"ATTRIBUTED_TO", "CUE_OF", "SAME_CLAIM", "SAME_SOURCE"}
    assert relations["SAME_CLAIM"]["cross_document"] is True
    assert relations["ATTRIBUTED_TO"]["cross_document"] is False
    assert checked["span_labels"][0]["discontinuous"] is True
    assert checked["span_labels"][1]["discontinuous"] is False


def test_a_validated_schema_validates_again_unchanged():
    once = validate_definition(copy.deepcopy(NEWS_ATTRIBUTION))
    assert validate_definition(copy.deepcopy(once)) == once


def test_defaults_are_filled_in():
    checked = validate_definition(minimal())
    label = checked["span_labels"][0]
    assert label["name"] == "CLAIM" and label["attributes"] == [] and not label["discontinuous"]
    assert checked["stance"]["values"] == ["favor", "against", "neutral", "unclear"]
    assert checked["relation_types"] == [] and checked["document_questions"] == []


@pytest.mark.parametrize(
    ("definition", "path"),
    [
        ([], ""),
        ({}, "span_labels"),
        ({"span_labels": []}, "span_labels"),
        (minimal(colours=1), "colours"),
        ({"span_labels": ["CLAIM"]}, "span_labels[0]"),
        ({"span_labels": [{"key": "1abc"}]}, "span_labels[0].key"),
        ({"span_labels": [{"key": ["A"]}]}, "span_labels[0].key"),
        ({"span_labels": [{"key": "A"}, {"key": "A"}]}, "span_labels[1].key"),
        ({"span_labels": [{"key": "A", "hotkey": "ab"}]}, "span_labels[0].hotkey"),
        (
            {"span_labels": [{"key": "A", "hotkey": "a"}, {"key": "B", "hotkey": "A"}]},
            "span_labels[1].hotkey",
        ),
        ({"span_labels": [{"key": "A", "attributes": {}}]}, "span_labels[0].attributes"),
        (
            {"span_labels": [{"key": "A", "attributes": [{"key": "x", "type": "date"}]}]},
            "span_labels[0].attributes[0].type",
        ),
        (
            {"span_labels": [{"key": "A", "attributes": [{"key": "x", "type": "choice"}]}]},
            "span_labels[0].attributes[0].choices",
        ),
        (
            {"span_labels": [{"key": "A", "attributes": [{"key": ["x"], "type": "bool"}]}]},
            "span_labels[0].attributes[0].key",
        ),
        (
            {
                "span_labels": [
                    {"key": "A", "attributes": [{"key": "x", "type": "bool"}] * 2},
                ]
            },
            "span_labels[0].attributes[1].key",
        ),
        (minimal(relation_types={}), "relation_types"),
        (
            minimal(relation_types=[{"key": "R", "from_labels": ["CLAIM"], "to_labels": ["X"]}]),
            "relation_types[0].to_labels",
        ),
        (
            minimal(relation_types=[{"key": ["R"], "from_labels": ["CLAIM"], "to_labels": []}]),
            "relation_types[0].key",
        ),
        (
            minimal(
                relation_types=[{"key": "R", "from_labels": ["CLAIM"], "to_labels": ["CLAIM"]}] * 2
            ),
            "relation_types[1].key",
        ),
        (minimal(stance=[]), "stance"),
        (minimal(stance={"holder_labels": ["NOPE"]}), "stance.holder_labels"),
        (minimal(stance={"targets": ["x"]}), "stance.targets[0]"),
        (minimal(stance={"targets": [{"key": "t"}, {"key": "t"}]}), "stance.targets[1].key"),
        (minimal(stance={"values": "favor"}), "stance.values"),
        (minimal(document_questions={}), "document_questions"),
        (minimal(document_questions=[{"key": "q", "type": "scale"}]), "document_questions[0].type"),
        (minimal(document_questions=[{"key": "q"}]), "document_questions[0].choices"),
        (
            minimal(document_questions=[{"key": "q", "choices": ["a"]}] * 2),
            "document_questions[1].key",
        ),
    ],
)
def test_schema_errors_name_their_path(definition, path):
    errors = errors_of(definition)
    assert path in errors, errors


def test_all_errors_are_reported_at_once():
    errors = errors_of({"span_labels": [{"key": "1"}, {"key": "A", "hotkey": "xy"}], "x": 1})
    assert {"span_labels[0].key", "span_labels[1].hotkey", "x"} <= set(errors)


def test_declared_attributes_are_accepted(news):
    attrs = {"quote_type": "direct", "check_worthy": None}
    assert news.check_attributes("CLAIM", attrs) == attrs
    assert news.check_attributes("SOURCE", {"side": "government"}) == {"side": "government"}


@pytest.mark.parametrize(
    ("label", "attributes", "message"),
    [
        ("CLAIM", [], "object"),
        ("CLAIM", {"colour": "red"}, "colour"),
        ("CLAIM", {"quote_type": "shouted"}, "quote_type"),
        ("CLAIM", {"quote_type": ["direct"]}, "quote_type"),
        ("SOURCE", {"side": 3}, "side"),
        ("SOURCE", {"side": "x" * (MAX_TEXT_ATTRIBUTE + 1)}, "side"),
        ("SOURCE", {"side": "a\x00b"}, "side"),
    ],
)
def test_attributes_that_do_not_fit_the_label_are_refused(news, label, attributes, message):
    with pytest.raises(ValueError, match=message):
        news.check_attributes(label, attributes)


def test_bool_multi_choice_and_required_attributes_are_checked():
    schema = Schema(
        validate_definition(
            {
                "span_labels": [
                    {
                        "key": "A",
                        "attributes": [
                            {"key": "flag", "type": "bool"},
                            {"key": "tags", "type": "multi_choice", "choices": ["x", "y"]},
                            {"key": "kind", "type": "choice", "choices": ["k"], "required": True},
                        ],
                    }
                ]
            }
        )
    )
    ok = {"flag": True, "tags": ["x", "y"], "kind": "k"}
    assert schema.check_attributes("A", ok) == ok
    with pytest.raises(ValueError, match="flag"):
        schema.check_attributes("A", {**ok, "flag": "yes"})
    with pytest.raises(ValueError, match="tags"):
        schema.check_attributes("A", {**ok, "tags": ["z"]})
    with pytest.raises(ValueError, match="tags"):
        schema.check_attributes("A", {**ok, "tags": "x"})
    with pytest.raises(ValueError, match="kind: is required"):
        schema.check_attributes("A", {"flag": False})


def test_per_target_answers_are_checked_per_stance_target():
    definition = copy.deepcopy(NEWS_ATTRIBUTION)
    definition["stance"]["targets"] = [{"key": "government"}, {"key": "union"}]
    schema = Schema(validate_definition(definition))
    answer = {"government": "critical", "union": "neutral"}
    assert schema.check_answer("framing", answer) == answer
    with pytest.raises(ValueError, match="per stance target"):
        schema.check_answer("framing", "critical")
    with pytest.raises(ValueError, match="unknown stance target"):
        schema.check_answer("framing", {"army": "critical"})
    with pytest.raises(ValueError, match="not one of"):
        schema.check_answer("framing", {"union": "furious"})


def test_single_and_multi_answers_and_unknown_questions():
    schema = Schema(
        validate_definition(
            minimal(
                document_questions=[
                    {"key": "genre", "choices": ["news", "opinion"]},
                    {"key": "topics", "type": "multi", "choices": ["war", "economy"]},
                ]
            )
        )
    )
    assert schema.check_answer("genre", "news") == "news"
    assert schema.check_answer("topics", ["war"]) == ["war"]
    with pytest.raises(ValueError):
        schema.check_answer("genre", ["news"])
    with pytest.raises(ValueError):
        schema.check_answer("topics", "war")
    with pytest.raises(ValueError, match="unknown question"):
        schema.check_answer("mood", "news")


def test_choice_values_may_be_said_to_be_in_order_and_only_they():
    from tests.schemas import schema_with_targets

    plain = validate_definition(schema_with_targets())
    assert "ordered" not in plain["stance"] and "ordered" not in plain["document_questions"][0]
    schema = schema_with_targets()
    schema["stance"]["ordered"] = True
    schema["document_questions"][0]["ordered"] = True
    checked = validate_definition(schema)
    assert checked["stance"]["ordered"] is True
    assert checked["document_questions"][0]["ordered"] is True

    schema["span_labels"][0]["attributes"] = [
        {"key": "note", "type": "text", "ordered": True},
        {"key": "level", "type": "choice", "choices": ["low", "high"], "ordered": "yes"},
    ]
    assert errors_of(schema) == {
        "span_labels[0].attributes[0].ordered": "only choice values can be ordered",
        "span_labels[0].attributes[1].ordered": "must be true or false",
    }
