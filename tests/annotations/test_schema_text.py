"""A schema's names, colours and stance values are checked against where they are stored and
drawn: a clear error under the JSON path, not a generic 400 when a set is saved."""

from __future__ import annotations

import copy
from typing import Any

import orjson
import pytest

from annotations.models import Stance
from annotations.presets import NEWS_ATTRIBUTION
from annotations.schema import SchemaError, validate_definition
from annotations.schema_text import STANCE_VALUE_MAX


def errors_of(definition: Any) -> dict[str, str]:
    with pytest.raises(SchemaError) as info:
        validate_definition(definition)
    return info.value.errors


def news(**stance: Any) -> dict[str, Any]:
    definition = copy.deepcopy(NEWS_ATTRIBUTION)
    definition["stance"].update(stance)
    return definition


def test_the_stance_value_limit_is_the_columns():
    assert Stance._meta.get_field("value").max_length == STANCE_VALUE_MAX


def test_a_stance_value_longer_than_its_column_is_refused_with_its_length():
    errors = errors_of(news(values=["favor", "x" * 65]))
    assert "must be at most 64 characters (this one has 65)" in errors["stance.values"]


@pytest.mark.parametrize(
    "values", [["favor", 3], ["favor", ""], ["favor", "favor"], ["fa\x00vor"], "favor"]
)
def test_stance_values_are_distinct_non_empty_strings(values):
    assert "stance.values" in errors_of(news(values=values))


def test_a_stance_value_of_sixty_four_characters_is_taken():
    checked = validate_definition(news(values=["x" * 64]))
    assert checked["stance"]["values"] == ["x" * 64]


@pytest.mark.parametrize("name", [123, ["CLAIM"], {"en": "Claim"}, True, "x" * 201, "a\x00b"])
def test_a_label_name_is_a_string_of_at_most_200_characters(name):
    definition = {"span_labels": [{"key": "CLAIM", "name": name}]}
    assert "span_labels[0].name" in errors_of(definition)


def test_names_of_relation_types_targets_and_attributes_are_checked_too():
    definition = copy.deepcopy(NEWS_ATTRIBUTION)
    definition["relation_types"][0]["name"] = 7
    definition["stance"]["targets"] = [{"key": "union", "name": ["the union"]}]
    definition["span_labels"][0]["attributes"][0]["name"] = {"x": 1}
    definition["document_questions"] = [{"key": "framing", "text": "x" * 1001, "choices": ["a"]}]
    assert {
        "relation_types[0].name",
        "stance.targets[0].name",
        "span_labels[0].attributes[0].name",
        "document_questions[0].text",
    } <= set(errors_of(definition))


@pytest.mark.parametrize("color", ["red", "#fff", "#12345g", 0x123456, "#123456; x", None])
def test_a_label_colour_is_written_rrggbb(color):
    definition = {"span_labels": [{"key": "CLAIM", "color": color}]}
    assert errors_of(definition) == {"span_labels[0].color": "must be a colour written #rrggbb"}


def test_a_label_without_a_colour_gets_the_default():
    checked = validate_definition({"span_labels": [{"key": "CLAIM", "name": "Claim"}]})
    assert checked["span_labels"][0]["color"] == "#777777"


@pytest.mark.django_db
def test_the_schema_endpoint_answers_a_long_stance_value_with_a_clear_400(people, client_for):
    response = client_for(people.manager).put(
        f"/api/v1/projects/{people.project.pk}/schema/",
        news(values=["favor", "v" * 100]),
        format="json",
    )
    assert response.status_code == 400
    error = orjson.loads(response.content)["error"]
    assert "64 characters" in orjson.dumps(error).decode()
