"""Adding documents to a project's queue: appended in the order given, once each, and
only documents its manager can see."""

from __future__ import annotations

import pytest

from annotations.models import ProjectDocument
from annotations.services.projects import project_documents_add
from tests import factories
from tests.annotations.conftest import assert_error

pytestmark = pytest.mark.django_db


def queue(people: factories.People) -> list[tuple[int, int]]:
    rows = ProjectDocument.objects.filter(project=people.project).order_by("position")
    return list(rows.values_list("document_id", "position"))


def test_documents_are_appended_after_the_last_in_the_order_given(
    people: factories.People,
) -> None:
    before = queue(people)
    last = before[-1][1]
    new = [factories.DocumentFactory() for _ in range(3)]
    added = project_documents_add(project=people.project, documents=[new[2], new[0], new[1]])
    assert added == 3
    assert queue(people) == [
        *before,
        (new[2].pk, last + 1),
        (new[0].pk, last + 2),
        (new[1].pk, last + 3),
    ]


def test_a_document_already_in_the_queue_keeps_its_place_and_is_not_counted(
    people: factories.People,
) -> None:
    before = queue(people)
    new = factories.DocumentFactory()
    added = project_documents_add(project=people.project, documents=[people.documents[0], new, new])
    assert added == 1
    assert queue(people)[: len(before)] == before
    assert [doc for doc, _ in queue(people)].count(new.pk) == 1


def test_nothing_to_add_adds_nothing(people: factories.People) -> None:
    assert project_documents_add(project=people.project, documents=[]) == 0


def test_a_new_project_cannot_pull_in_documents_its_manager_cannot_see(bench, client_for):
    outsider = client_for(factories.permitted(bench.people.outsider, "create_project"))
    created = outsider.post("/api/v1/projects/", {"name": "Mine"}, format="json")
    own = created.json()["id"]
    by_story = outsider.post(
        f"/api/v1/projects/{own}/documents/", {"story": bench.people.story.pk}, format="json"
    )
    by_id = outsider.post(
        f"/api/v1/projects/{own}/documents/",
        {"documents": [bench.people.documents[0].pk]},
        format="json",
    )
    assert by_story.json() == {"added": 0}
    assert_error(by_id, 400)
    hidden = outsider.get(f"/api/v1/documents/{bench.people.documents[0].pk}/")
    assert hidden.status_code == 404
