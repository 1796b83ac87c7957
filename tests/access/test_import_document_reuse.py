"""A text already in the corpus is reused only by an importer who can read it (it is in a
project of theirs). Anyone else gets a new copy of the text (a new ``variant``) made from
their file's own title, URL, outlet and metadata: their project's list, the document's page
and their export show only those, and the stored copy is left as it was."""

from __future__ import annotations

import orjson
import pytest
from rest_framework.test import APIClient

from annotations.services.projects import project_create, project_documents_add
from corpus.models import Document
from tests.annotations.test_concurrency import run_together
from tests.exchange.helpers import exported, imported
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
    """A native record of the text, with its ``sets`` key (empty): a line without one is a
    raw article, which the annotation import sends to the Add documents page."""
    return orjson.dumps({"text": TEXT, "sets": [], **fields}) + b"\n"


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


MINE = {"title": "My title", "url": "https://mine.example/", "outlet": "Mine Daily"}
STORED = ("Leaked memo", "internal.example", "tip")


def shown_to(user, *urls: str) -> str:  # noqa: ANN001
    client = APIClient()
    client.force_authenticate(user=user)
    bodies = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, (url, response.content)
        bodies.append(response.content.decode())
    return "\n".join(bodies)


def test_an_outsider_importing_anothers_text_gets_a_new_document_from_their_file(secret):
    owner = UserFactory(username="importer")
    target = project_create(name="Mine", owner=owner)

    outcome = imported(target, owner, a_record(**MINE))

    assert outcome.ok, outcome.errors
    (mine,) = target.documents.all()
    assert mine.pk != secret.pk and mine.sha256 == secret.sha256 and mine.variant == 1
    assert (mine.title, mine.url, mine.outlet.name) == tuple(MINE.values())
    pages = shown_to(
        owner,
        f"/api/v1/projects/{target.pk}/documents/",
        f"/api/v1/projects/{target.pk}/documents/{mine.pk}/",
    )
    shown = pages + exported(target).decode()
    assert "My title" in shown and "Mine Daily" in shown
    for stored in STORED:
        assert stored not in shown, shown


def test_the_other_projects_document_is_left_as_it_was(secret):
    owner = UserFactory(username="importer")
    target = project_create(name="Mine", owner=owner)

    imported(target, owner, a_record(**MINE), update_metadata=True)

    again = Document.objects.get(pk=secret.pk)
    assert (again.title, again.url, again.meta, again.variant) == (
        "Leaked memo", "https://internal.example/memo", {"tip": "x"}, 0
    )  # fmt: skip
    assert list(again.projects.values_list("name", flat=True)) == ["Investigation"]


def test_a_member_of_the_other_project_reuses_the_one_stored_document(secret):
    reporter = UserFactory(username="reporter")
    target = project_create(name="Follow-up", owner=reporter)

    imported(target, reporter, a_record(**MINE))

    assert list(target.documents.values_list("pk", flat=True)) == [secret.pk]
    assert Document.objects.filter(sha256=secret.sha256).count() == 1


def test_importing_the_text_again_reuses_the_copy_already_in_the_project(secret):
    owner = UserFactory(username="importer")
    target = project_create(name="Mine", owner=owner)
    imported(target, owner, a_record(**MINE))
    project_documents_add(
        project=project_create(name="Shared", owner=owner), documents=[secret]
    )  # now the importer can read the first copy too

    outcome = imported(target, owner, a_record(**MINE))

    assert outcome.ok, outcome.errors
    assert target.documents.count() == 1 and target.documents.get().variant == 1


def test_adding_another_copy_of_a_text_the_project_holds_adds_nothing(secret):
    owner = UserFactory(username="importer")
    target = project_create(name="Mine", owner=owner)
    imported(target, owner, a_record(**MINE))

    added = project_documents_add(project=target, documents=[secret])

    assert added == 0 and target.documents.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_outsiders_importing_one_new_text_at_once_each_get_a_valid_copy():
    text = "A new text two outsiders import at the same moment, said the clerk."
    people = [UserFactory(username=f"outsider{n}") for n in range(2)]
    projects = [project_create(name=f"Desk {n}", owner=p) for n, p in enumerate(people)]
    record = orjson.dumps({"text": text, "sets": []}) + b"\n"

    outcomes = run_together(
        [lambda p=p, u=u: imported(p, u, record) for p, u in zip(projects, people, strict=True)]
    )

    assert all(o.ok for o in outcomes), [o.errors for o in outcomes]
    copies = Document.objects.filter(text=text)
    assert sorted(copies.values_list("variant", flat=True)) == [0, 1]
    assert {p.documents.get().pk for p in projects} == set(copies.values_list("pk", flat=True))
