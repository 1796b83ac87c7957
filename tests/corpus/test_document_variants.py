"""The corpus document import (``POST /api/v1/projects/{id}/documents/import/``) follows the
annotation import's rule: a stored text is reused only by a manager who can read it; anyone
else gets a new copy from their own file, and the stored copy stays as it was."""

from __future__ import annotations

import orjson
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from annotations.services.projects import project_create, project_documents_add
from corpus.models import Document, Story
from tests.factories import DocumentFactory, UserFactory

pytestmark = pytest.mark.django_db

TEXT = "The harbour will close for repairs next week, the port authority said on Friday."


@pytest.fixture
def stored(db):  # noqa: ANN001, ANN201
    """The text in someone else's project, with its own title, URL and metadata."""
    other = project_create(name="Investigation", owner=UserFactory(username="reporter"))
    document = DocumentFactory(
        text=TEXT, title="Leaked memo", url="https://internal.example/memo", meta={"tip": "x"}
    )
    project_documents_add(project=other, documents=[document])
    return document


def import_into(client_for, user, project, **form: str) -> dict:  # noqa: ANN001
    line = {"text": TEXT, "title": "My title", "url": "https://mine.example/", "outlet": "Mine"}
    upload = SimpleUploadedFile("mine.jsonl", orjson.dumps(line) + b"\n")
    response = client_for(user).post(
        f"/api/v1/projects/{project.pk}/documents/import/",
        {"files": [upload], "clean": "false", **form},
        format="multipart",
    )
    assert response.status_code == 201, response.content
    return response.json()


def test_an_outsider_gets_a_new_copy_of_a_text_stored_elsewhere(stored, client_for):
    owner = UserFactory(username="importer")
    target = project_create(name="Mine", owner=owner)

    body = import_into(client_for, owner, target)

    (mine,) = target.documents.all()
    assert mine.pk != stored.pk and mine.variant == 1
    assert (mine.title, mine.url, mine.outlet.name) == ("My title", "https://mine.example/", "Mine")
    listed = client_for(owner).get(f"/api/v1/projects/{target.pk}/documents/").content.decode()
    for shown in (orjson.dumps(body).decode(), listed):
        assert "Leaked memo" not in shown and "internal.example" not in shown, shown
    again = Document.objects.get(pk=stored.pk)
    assert (again.title, again.url, again.meta) == (
        "Leaked memo", "https://internal.example/memo", {"tip": "x"}
    )  # fmt: skip


def test_a_member_of_the_other_project_reuses_the_stored_document(stored, client_for):
    reporter = UserFactory(username="reporter")
    target = project_create(name="Follow-up", owner=reporter)

    import_into(client_for, reporter, target)

    assert list(target.documents.values_list("pk", flat=True)) == [stored.pk]
    assert Document.objects.filter(sha256=stored.sha256).count() == 1


def test_near_duplicates_name_no_document_of_a_project_the_importer_is_not_in(stored, client_for):
    Document.objects.filter(pk=stored.pk).update(story=Story.objects.create(name="Harbour"))
    owner = UserFactory(username="importer")
    target = project_create(name="Mine", owner=owner)

    body = import_into(client_for, owner, target, story="Harbour")

    assert target.documents.get().pk != stored.pk
    assert all(stored.pk not in (p["document"], p["similar_to"]) for p in body["near_duplicates"])
