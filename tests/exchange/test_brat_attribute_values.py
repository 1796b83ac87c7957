"""brat A lines through the real import service: a project schema's multi-valued attribute
takes each A line's value (one line, a list of one; two lines, both), and an attribute that
holds one value given two is an error at the second A line."""

from __future__ import annotations

import copy

import pytest

from annotations.models import Span
from annotations.presets import NEWS_ATTRIBUTION
from annotations.services.projects import project_create
from tests.exchange.helpers import imported, zipped
from tests.exchange.test_import_documents import CLAIM, TEXT
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TOPICS = {
    "key": "topics",
    "name": "Topics",
    "type": "multi_choice",
    "choices": ["economy", "labour"],
}


@pytest.fixture
def owner(db):  # noqa: ANN001
    return UserFactory(username="importer")


def with_topics(owner):  # noqa: ANN001
    schema = copy.deepcopy(NEWS_ATTRIBUTION)
    schema["span_labels"][0]["attributes"].append(TOPICS)
    return project_create(name="Target", owner=owner, schema=schema)


def test_two_a_lines_of_a_multi_valued_attribute_keep_both_values(owner):
    project = with_topics(owner)
    ann = CLAIM + "A1\ttopics T1 economy\nA2\ttopics T1 labour\nA3\ttopics T1 economy\n"
    data = zipped({"p/a.txt": TEXT, "p/a.ann": ann})
    outcome = imported(project, owner, data, fmt="brat", name="p.zip", keep_schema=True)
    assert outcome.ok, outcome.errors
    assert Span.objects.get().attributes == {"topics": ["economy", "labour"]}
    assert [(n.line, n.message) for n in outcome.notes] == [
        (4, "A3: T1 has this topics already (line 2): read once")
    ]


def test_one_a_line_of_a_multi_valued_attribute_is_a_list_of_one(owner):
    project = with_topics(owner)
    data = zipped({"p/a.txt": TEXT, "p/a.ann": CLAIM + "A1\ttopics T1 labour\n"})
    outcome = imported(project, owner, data, fmt="brat", name="p.zip", keep_schema=True)
    assert outcome.ok, outcome.errors
    assert Span.objects.get().attributes == {"topics": ["labour"]}


def test_a_second_value_of_a_one_valued_attribute_is_an_error_at_its_line(owner):
    project = project_create(name="Target", owner=owner)
    ann = CLAIM + "A1\tSide T1 union\nA2\tSide T1 employer\n"
    data = zipped({"p/a.txt": TEXT, "p/a.ann": ann})
    outcome = imported(project, owner, data, fmt="brat", name="p.zip")
    assert [(e.file, e.line, e.message) for e in outcome.errors] == [
        (
            "p/a.ann",
            3,
            "sets[0].spans[0].attributes: Side: holds one value, given several: "
            "['union', 'employer']",
        )
    ]
    assert not Span.objects.exists()
