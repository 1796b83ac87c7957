"""A schema change that drops a key stored rows still use is refused with how many rows in
how many sets use it, for every kind of key; an unused key may go."""

from __future__ import annotations

import pytest

from annotations.services.errors import DomainError
from annotations.services.schema_changes import DROP_REFUSAL, project_schema_change


def refusal(used, change) -> dict[str, str]:  # noqa: ANN001
    definition = used.project.schema.definition
    change(definition)
    with pytest.raises(DomainError) as refused:
        project_schema_change(project=used.project, definition=definition)
    assert refused.value.message == DROP_REFUSAL
    return refused.value.details


def without_label(definition: dict, key: str) -> None:
    definition["span_labels"] = [x for x in definition["span_labels"] if x["key"] != key]
    for relation in definition["relation_types"]:
        for end in ("from_labels", "to_labels"):
            relation[end] = [x for x in relation[end] if x != key] or ["SOURCE"]
    definition["stance"]["object_labels"] = []


def test_dropping_a_used_label_names_the_spans_and_sets_using_it(used):
    details = refusal(used, lambda d: without_label(d, "CLAIM"))
    assert details == {
        "span_labels": "CLAIM is used by 2 spans in 2 sets; rename or remove them first"
    }


def test_dropping_a_set_attribute_is_refused_at_its_label(used):
    def drop(definition: dict) -> None:
        definition["span_labels"][0]["attributes"] = definition["span_labels"][0]["attributes"][1:]

    assert refusal(used, drop) == {
        "span_labels[0].attributes": (
            "quote_type is set on 1 span in 1 set; rename or remove them first"
        )
    }


def test_dropping_a_used_relation_type_is_refused(used):
    def drop(definition: dict) -> None:
        definition["relation_types"] = definition["relation_types"][1:]

    assert refusal(used, drop) == {
        "relation_types": (
            "ATTRIBUTED_TO is used by 1 relation in 1 set; rename or remove them first"
        )
    }


def test_dropping_a_used_stance_target_is_refused(used):
    def drop(definition: dict) -> None:
        definition["stance"]["targets"] = definition["stance"]["targets"][1:]

    assert refusal(used, drop) == {
        "stance.targets": "union is used by 1 stance in 1 set; rename or remove them first"
    }


def test_dropping_a_used_stance_value_is_refused(used):
    def drop(definition: dict) -> None:
        definition["stance"]["values"] = ["favor", "neutral", "unclear"]

    assert refusal(used, drop) == {
        "stance.values": "against is used by 1 stance in 1 set; rename or remove them first"
    }


def test_dropping_an_answered_question_is_refused(used):
    def drop(definition: dict) -> None:
        definition["document_questions"] = []

    assert refusal(used, drop)["document_questions"] == (
        "framing is used by 1 answer in 1 set; rename or remove them first"
    )


def test_keys_no_row_uses_may_be_dropped(used):
    definition = used.project.schema.definition
    without_label(definition, "CUE")
    definition["relation_types"] = [r for r in definition["relation_types"] if r["key"] != "CUE_OF"]
    definition["stance"]["object_labels"] = ["CLAIM"]
    definition["stance"]["values"] = ["favor", "against", "neutral"]
    definition["span_labels"][0]["attributes"] = definition["span_labels"][0]["attributes"][:1]
    schema = project_schema_change(project=used.project, definition=definition)
    assert [label["key"] for label in schema.definition["span_labels"]] == ["CLAIM", "SOURCE"]


def test_dropping_a_choice_spans_have_chosen_is_refused_at_the_attributes_choices(used):
    def drop(definition: dict) -> None:
        definition["span_labels"][0]["attributes"][0]["choices"] = ["direct", "mixed", "none"]

    assert refusal(used, drop) == {
        "span_labels[0].attributes[0].choices": (
            "indirect is chosen on 1 span in 1 set; rename or remove them first"
        )
    }


def test_dropping_a_choice_an_answer_gives_is_refused_also_for_a_per_target_answer(used):
    def drop(definition: dict) -> None:
        definition["document_questions"][0]["choices"] = ["sympathetic", "neutral", "mixed"]

    assert refusal(used, drop) == {
        "document_questions[0].choices": (
            "critical is given in 1 answer in 1 set; rename or remove them first"
        )
    }


def test_choices_nobody_chose_may_go(used):
    definition = used.project.schema.definition
    definition["span_labels"][0]["attributes"][0]["choices"] = ["indirect"]
    definition["document_questions"][0]["choices"] = ["critical"]
    schema = project_schema_change(project=used.project, definition=definition)
    assert schema.definition["document_questions"][0]["choices"] == ["critical"]
