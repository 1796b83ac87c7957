"""What changed between two contents of a set (pure): spans by id, relations and stances by
what they link, answers by question."""

from __future__ import annotations

from annotations.set_changes import change_counts, contents_changes, contents_counts


def span(pk: int, text: str, **attributes: str) -> dict:
    return {
        "id": pk,
        "label": "CLAIM",
        "start": 0,
        "end": len(text),
        "text": text,
        "fragments": None,
        "attributes": attributes,
        "provenance": None,
    }


def contents(spans=(), relations=(), stances=(), answers=None) -> dict:  # noqa: ANN001
    return {
        "spans": list(spans),
        "relations": list(relations),
        "stances": list(stances),
        "answers": answers or {},
    }


def test_a_span_is_added_removed_or_changed_by_its_id():
    before = contents([span(1, "a"), span(2, "b")])
    after = contents([span(1, "a", quote_type="direct"), span(3, "c")])
    changes = contents_changes(before, after)["spans"]
    assert [s["id"] for s in changes["added"]] == [3]
    assert [s["id"] for s in changes["removed"]] == [2]
    assert changes["changed"] == [
        {"before": span(1, "a"), "after": span(1, "a", quote_type="direct")}
    ]


def test_a_relation_stored_again_with_a_new_id_is_the_same_relation():
    link = {"type": "ATTRIBUTED_TO", "source": 1, "target": 2, "attributes": {}, "provenance": None}
    before = contents(relations=[{"id": 10, **link}])
    same = contents(relations=[{"id": 11, **link}])
    assert change_counts(contents_changes(before, same))["relations"] == {
        "added": 0,
        "removed": 0,
        "changed": 0,
    }
    edited = contents(relations=[{"id": 12, **link, "attributes": {"certain": True}}])
    assert change_counts(contents_changes(before, edited))["relations"]["changed"] == 1


def test_a_stance_changes_when_its_value_does_and_is_another_stance_when_its_holder_does():
    stance = {
        "id": 5,
        "holder": None,
        "target": None,
        "object": 1,
        "value": "neutral",
        "provenance": None,
    }
    before = contents(stances=[stance])
    revalued = contents(stances=[{**stance, "id": 6, "value": "against"}])
    held = contents(stances=[{**stance, "id": 7, "holder": 2}])
    assert change_counts(contents_changes(before, revalued))["stances"] == {
        "added": 0,
        "removed": 0,
        "changed": 1,
    }
    assert change_counts(contents_changes(before, held))["stances"] == {
        "added": 1,
        "removed": 1,
        "changed": 0,
    }


def test_answers_are_compared_by_question():
    before = contents(answers={"framing": {"council": "critical"}, "topic": "x"})
    after = contents(answers={"framing": {"council": "neutral"}, "scope": "y"})
    changes = contents_changes(before, after)["answers"]
    assert changes["added"] == [{"question": "scope", "value": "y"}]
    assert changes["removed"] == [{"question": "topic", "value": "x"}]
    assert changes["changed"] == [
        {
            "before": {"question": "framing", "value": {"council": "critical"}},
            "after": {"question": "framing", "value": {"council": "neutral"}},
        }
    ]


def test_everything_is_added_to_nothing_and_counts_are_per_part():
    after = contents([span(1, "a")], answers={"q": "v"})
    counts = change_counts(contents_changes(None, after))
    assert counts["spans"]["added"] == 1 and counts["answers"]["added"] == 1
    assert contents_counts(after) == {"spans": 1, "relations": 0, "stances": 0, "answers": 1}
