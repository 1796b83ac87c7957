"""Bad Label Studio input, read without a database: each error names the file and the task
(or the line of a JSONL file)."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from annotations.formats.label_studio import read
from tests.formats.label_studio_helpers import (
    TEXT,
    at,
)


def two_tasks(*results: dict[str, Any]) -> bytes:
    """A good task, then a task whose annotation holds ``results``."""
    good = {"id": 1, "data": {"text": "Varno, 3 May"}, "annotations": []}
    bad = {"id": 2, "data": {"text": TEXT}, "annotations": [{"id": 9, "result": list(results)}]}
    return orjson.dumps([good, bad])


def region_at(start: int, end: int, text: str) -> dict[str, Any]:
    return {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": end, "text": text, "labels": ["SOURCE"]}}  # fmt: skip


def test_a_file_that_is_not_json_is_an_error_naming_the_file():
    result = read([("broken.json", b'[{"id": 1, "data": ')], {})

    [error] = result.errors
    assert error.file == "broken.json" and error.message.startswith("neither JSON nor JSONL")
    assert result.documents == []


def test_a_bad_line_of_jsonl_tasks_is_named_by_its_line():
    good = orjson.dumps({"id": 1, "data": {"text": "Varno, 3 May"}})
    result = read([("tasks.jsonl", good + b"\n" + good + b"\n{oops\n")], {})

    [error] = result.errors
    assert (error.file, error.line) == ("tasks.jsonl", 3)


def test_offsets_past_the_end_of_the_text_are_an_error_naming_file_and_task():
    units = len(TEXT.encode("utf-16-le")) // 2

    [error] = read([("bad.json", two_tasks(region_at(5, units + 4, "x")))], {}).errors

    assert (error.file, error.line) == ("bad.json", 2)
    assert str(error) == (
        f"bad.json:2: task 2, annotation 1: region r1: UTF-16 index {units + 4} is past the end "
        "of the text"
    )


def test_an_offset_inside_the_emoji_is_an_error():
    inside = TEXT.index("🌉") + 1  # the emoji's second UTF-16 unit

    [error] = read([("bad.json", two_tasks(region_at(inside, inside + 4, "x")))], {}).errors

    assert error.line == 2
    assert error.message == (
        f"task 2, annotation 1: region r1: UTF-16 index {inside} falls inside a surrogate pair"
    )


def test_quoted_text_that_the_offsets_do_not_select_is_an_error():
    start, end = at("officials")
    # Offsets counted in code points (no allowance for the emoji) select the wrong text.

    [error] = read([("bad.json", two_tasks(region_at(start, end, "officials")))], {}).errors

    assert error.line == 2
    assert "task 2, annotation 1: region r1: quoted text 'officials' does not match" in str(error)


def test_links_to_missing_regions_and_regions_without_one_label_are_errors():
    start, end = at("officials")
    loose = {"from_id": "r1", "to_id": "nowhere", "type": "relation", "labels": ["CUE_OF"]}
    twice = region_at(start + 1, end + 1, "officials")
    twice["value"]["labels"] = ["SOURCE", "CUE"]

    errors = read([("bad.json", two_tasks(twice, loose))], {}).errors

    assert [e.message for e in errors] == [
        "task 2, annotation 1: region r1: one label per region, not ['SOURCE', 'CUE']",
        "task 2, annotation 1: relation r1 -> nowhere: there is no region r1",
        "task 2, annotation 1: relation r1 -> nowhere: there is no region nowhere",
    ]


def test_a_task_without_text_is_an_error_and_another_text_key_can_be_named():
    file = orjson.dumps([{"id": 1, "data": {"body": "Varno, 3 May"}}])

    assert read([("a.json", file)], {}).errors[0].message == "task 1: no text in data.text"
    assert read([("a.json", file)], {"text_key": "body"}).documents[0]["text"] == "Varno, 3 May"


@pytest.mark.parametrize("start", [3.5, "3", None])
def test_offsets_that_are_not_whole_numbers_are_errors(start):
    [error] = read([("bad.json", two_tasks(region_at(start, 12, "x")))], {}).errors  # type: ignore[arg-type]

    assert error.message == "task 2, annotation 1: region r1: start and end must be whole numbers"
