"""One problem type for every import: file, line, message."""

from __future__ import annotations

import pickle
from dataclasses import FrozenInstanceError

import pytest

from corpus.issues import Issue


def test_an_issue_says_where_and_what() -> None:
    assert str(Issue("a.jsonl", 3, "not valid JSON")) == "a.jsonl:3: not valid JSON"
    assert str(Issue("b.pdf", None, "unknown format")) == "b.pdf: unknown format"


def test_an_issue_as_a_dict_names_its_three_fields() -> None:
    assert Issue("a.csv", 2, "bad row").as_dict() == {
        "file": "a.csv",
        "line": 2,
        "message": "bad row",
    }


def test_an_issue_cannot_be_changed_and_crosses_processes_whole() -> None:
    issue = Issue("a.txt", None, "empty file")
    with pytest.raises(FrozenInstanceError):
        issue.line = 1  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(issue)) == issue
