"""The schema's optional events section: event types are span labels, their roles relation
types that start at them; checked with errors under their JSON path, left out when absent."""

from __future__ import annotations

from typing import Any

import pytest

from annotations.schema import SchemaError, validate_definition


def with_events(events: Any) -> dict[str, Any]:
    return {
        "span_labels": [{"key": "Attribution"}, {"key": "SOURCE"}, {"key": "CLAIM"}],
        "relation_types": [
            {"key": "Source", "from_labels": ["Attribution"], "to_labels": ["SOURCE"]},
            {"key": "ABOUT", "from_labels": ["CLAIM"], "to_labels": ["SOURCE"]},
        ],
        "events": events,
    }


def test_an_event_type_with_its_roles_is_kept_with_defaults_filled_in():
    checked = validate_definition(
        with_events([{"key": "Attribution", "roles": [{"key": "Source"}]}])
    )
    assert checked["events"] == [
        {"key": "Attribution", "roles": [{"key": "Source", "labels": [], "min": 0, "max": None}]}
    ]


def test_a_schema_without_events_has_no_events_section():
    assert "events" not in validate_definition({"span_labels": [{"key": "CLAIM"}]})


@pytest.mark.parametrize(
    ("events", "path", "message"),
    [
        ([{"key": "NOPE", "roles": []}], "events[0].key", "unknown span label 'NOPE'"),
        (
            [{"key": "Attribution", "roles": [{"key": "Cue"}]}],
            "events[0].roles[0].key",
            "unknown relation type 'Cue'",
        ),
        (
            [{"key": "Attribution", "roles": [{"key": "ABOUT"}]}],
            "events[0].roles[0].key",
            "ABOUT does not start at Attribution",
        ),
        (
            [{"key": "Attribution", "roles": [{"key": "Source", "labels": ["X"]}]}],
            "events[0].roles[0].labels",
            "unknown span label 'X'",
        ),
        (
            [{"key": "Attribution", "roles": [{"key": "Source", "min": 2, "max": 1}]}],
            "events[0].roles[0].max",
            "must be null (any) or a whole number, at least min and 1",
        ),
        (
            [{"key": "Attribution", "roles": []}, {"key": "Attribution", "roles": []}],
            "events[1].key",
            "duplicate event type",
        ),
        ("Attribution", "events", "must be a list"),
    ],
)
def test_a_bad_events_section_is_an_error_at_its_path(events, path, message):
    with pytest.raises(SchemaError) as info:
        validate_definition(with_events(events))
    assert info.value.errors == {path: message}
