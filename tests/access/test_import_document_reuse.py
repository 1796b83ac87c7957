"""A text already in the corpus is stored once and shared. When it belongs to no project the
importer can read, the import report shows none of its stored title, URL, outlet or metadata,
and the file cannot change them (update_metadata)."""

from __future__ import annotations

import orjson
import pytest

from annotations.services.projects import project_create, project_documents_add
from corpus.models import Document
from tests.exchange.helpers import imported
from tests.factories import DocumentFactory, UserFactory

pytestmark = pytest.mark.django_db

TEXT = "The minister said the talks had stalled, officials said on Monday."


@pytest.fixture
def secret(db):  # noqa: ANN001, ANN201
    """A document in someone else's project, with a title and metadata of its own."""
    other = project_create(name="Investigation", owner=UserFactory(username="reporter"))
    document = DocumentFactory(
        text=TEXT, title="Leaked memo", url="https://internal.example/memo", meta={"tip": "x"}
    )
    project_documents_add(project=other, documents=[document])
    return document


def a_record(**fields: object) -> bytes:
    return orjson.dumps({"text": TEXT, **fields}) + b"\n"


def test_the_report_shows_nothing_of_a_document_the_importer_cannot_read(secret):
    owner = UserFactory(username="importer")
    target = project_create(name="Mine", owner=owner)

    outcome = imported(target, owner, a_record(title="My title", url="https://mine.example/"))

    assert outcome.ok, outcome.errors
    shown = orjson.dumps(outcome.to_dict()).decode()
    for stored in ("Leaked memo", "internal.example", "tip"):
        assert stored not in shown, shown


def test_update_metadata_cannot_change_a_document_the_importer_cannot_read(secret):
    owner = UserFactory(username="importer")
    target = project_create(name="Mine", owner=owner)

    outcome = imported(target, owner, a_record(title="Overwritten"), update_metadata=True)

    assert outcome.ok, outcome.errors
    assert Document.objects.get(pk=secret.pk).title == "Leaked memo"


def test_a_document_the_importer_can_read_is_still_compared_and_noted(secret):
    reporter = UserFactory(username="reporter")
    target = project_create(name="Follow-up", owner=reporter)

    outcome = imported(target, reporter, a_record(title="Another title"))

    assert any("'Leaked memo' is kept" in note.message for note in outcome.notes), outcome.notes
