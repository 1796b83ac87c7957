"""A problem of a brat line is reported at that line (through the real import service): an
attribute or note the project's schema cannot hold at its own A or # line, not at the T line
of the span it is on; a relation given twice at the second R line."""

from __future__ import annotations

import pytest

from annotations.services.projects import project_create
from tests.exchange.helpers import imported, zipped
from tests.exchange.test_import_documents import CLAIM, TEXT
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def empty(db):  # noqa: ANN001
    owner = UserFactory(username="importer")
    return project_create(name="Target", owner=owner), owner


def errors_of(empty, ann: str) -> list[tuple[str, int | None, str]]:  # noqa: ANN001
    project, owner = empty
    data = zipped(
        {"p/alice/a.txt": TEXT, "p/alice/a.ann": CLAIM, "p/bob/a.txt": TEXT, "p/bob/a.ann": ann}
    )
    outcome = imported(project, owner, data, fmt="brat", name="p.zip", keep_schema=True)
    return [(e.file, e.line, e.message) for e in outcome.errors]


def test_a_value_the_schema_lacks_is_reported_at_its_a_line(empty):
    ann = CLAIM + "T2\tSOURCE 0 9\tOfficials\nA1\tcheck_worthy T1 yes\nA2\tquote_type T1 shouted\n"
    assert errors_of(empty, ann) == [
        (
            "p/bob/a.ann",
            4,
            "sets[1].spans[0].attributes: quote_type: 'shouted' is not one of "
            "['direct', 'indirect', 'mixed', 'none']",
        )
    ]


def test_an_attribute_or_a_note_the_label_lacks_is_reported_at_its_line(empty):
    ann = CLAIM + "T2\tSOURCE 0 9\tOfficials\n#1\tAnnotatorNotes T2\tsure?\nA1\tNegated T1\n"
    assert errors_of(empty, ann) == [
        ("p/bob/a.ann", 4, "sets[1].spans[0].attributes: label CLAIM has no attribute 'Negated'"),
        ("p/bob/a.ann", 3, "sets[1].spans[1].attributes: label SOURCE has no attribute 'note'"),
    ]


def test_a_relation_given_twice_is_reported_at_the_second_r_line(empty):
    spans = CLAIM + "T2\tSOURCE 0 9\tOfficials\n"
    ann = spans + "R1\tATTRIBUTED_TO Arg1:T1 Arg2:T2\nR2\tATTRIBUTED_TO Arg1:T1 Arg2:T2\n"
    assert errors_of(empty, ann) == [("p/bob/a.ann", 4, "sets[1].relations[1]: appears twice")]
