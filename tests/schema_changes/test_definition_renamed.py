"""The pure part of a rename: a definition with one key renamed wherever it names it."""

from __future__ import annotations

import copy

import pytest

from annotations.presets import NEWS_ATTRIBUTION
from annotations.schema_renames import KeyRename, RenameError, definition_renamed


def definition() -> dict:
    out = copy.deepcopy(NEWS_ATTRIBUTION)
    out["events"] = [{"key": "CLAIM", "roles": [{"key": "ATTRIBUTED_TO", "labels": ["SOURCE"]}]}]
    out["submit_checks"] = [
        {"kind": "require_relation", "label": "CLAIM", "relation": "ATTRIBUTED_TO"},
        {"kind": "require_answer", "question": "framing"},
    ]
    return out


def test_a_label_is_renamed_in_relation_ends_stance_events_and_submit_checks():
    out = definition_renamed(definition(), KeyRename("label", "SOURCE", "ORIGIN"))
    assert [label["key"] for label in out["span_labels"]] == ["CLAIM", "ORIGIN", "CUE"]
    assert out["relation_types"][0]["to_labels"] == ["ORIGIN"]
    assert out["stance"]["holder_labels"] == ["ORIGIN"]
    assert out["events"][0]["roles"][0]["labels"] == ["ORIGIN"]
    claim = definition_renamed(definition(), KeyRename("label", "CLAIM", "ASSERTION"))
    assert claim["events"][0]["key"] == "ASSERTION"
    assert claim["submit_checks"][0]["label"] == "ASSERTION"


def test_a_relation_type_and_a_question_are_renamed_where_events_and_checks_name_them():
    out = definition_renamed(definition(), KeyRename("relation_type", "ATTRIBUTED_TO", "SAID_BY"))
    assert out["events"][0]["roles"][0]["key"] == "SAID_BY"
    assert out["submit_checks"][0]["relation"] == "SAID_BY"
    asked = definition_renamed(definition(), KeyRename("question", "framing", "tone"))
    assert asked["submit_checks"][1]["question"] == "tone"


def test_the_definition_given_is_left_as_it_was():
    given = definition()
    definition_renamed(given, KeyRename("label", "CLAIM", "ASSERTION"))
    assert given == definition()


@pytest.mark.parametrize(
    ("rename", "field"),
    [
        (KeyRename("stance_value", "favor", ""), "new"),
        (KeyRename("stance_value", "favor", "against"), "new"),
        (KeyRename("question", "nope", "tone"), "old"),
    ],
)
def test_a_rename_that_cannot_be_made_says_which_field_is_wrong(rename, field):
    with pytest.raises(RenameError) as refused:
        definition_renamed(definition(), rename)
    assert field in refused.value.errors
