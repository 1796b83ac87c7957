"""A manager removes a document from a project: DELETE /projects/{p}/documents/{d}/. Its
sets are archived, never deleted; a document with submitted work is removed only when the
manager confirms."""

from __future__ import annotations

import json

from annotations.models import AnnotationSet, Membership, ProjectDocument, Role, SetStatus
from annotations.services.annotation_sets import annotation_set_open, annotation_set_submit
from annotations.services.projects import project_documents_add
from tests import factories


def _url(people, document, confirm: bool = False) -> str:  # noqa: ANN001
    query = "?confirm=true" if confirm else ""
    return f"/api/v1/projects/{people.project.pk}/documents/{document.pk}/{query}"


def _in_queue(people, document) -> bool:  # noqa: ANN001
    return ProjectDocument.objects.filter(project=people.project, document=document).exists()


def test_a_document_nobody_submitted_leaves_the_queue_and_its_open_set_is_archived(
    people, client_for
):
    document = people.documents[0]
    aset, _ = annotation_set_open(
        project=people.project, document=document, author=people.annotator
    )

    response = client_for(people.manager).delete(_url(people, document))

    assert response.status_code == 200
    assert response.json() == {"document": document.pk, "archived_sets": 1}
    assert not _in_queue(people, document)
    aset.refresh_from_db()
    assert (aset.status, aset.archived_from) == (SetStatus.ARCHIVED, SetStatus.ASSIGNED)


def test_a_document_with_submitted_work_is_refused_with_the_count(people, client_for):
    document = people.documents[0]
    for person in (people.annotator, people.other_annotator):
        aset, _ = annotation_set_open(project=people.project, document=document, author=person)
        annotation_set_submit(annotation_set=aset)

    response = client_for(people.manager).delete(_url(people, document))

    assert response.status_code == 409
    assert "2 submitted annotation sets" in response.json()["error"]["message"]
    assert _in_queue(people, document)
    assert not AnnotationSet.objects.filter(status=SetStatus.ARCHIVED).exists()


def test_confirmed_removal_archives_the_submitted_sets_and_keeps_every_row(people, client_for):
    document = people.documents[0]
    aset, _ = annotation_set_open(
        project=people.project, document=document, author=people.annotator
    )
    annotation_set_submit(annotation_set=aset)

    response = client_for(people.manager).delete(_url(people, document, confirm=True))

    assert response.status_code == 200
    aset.refresh_from_db()
    assert (aset.status, aset.archived_from) == (SetStatus.ARCHIVED, SetStatus.SUBMITTED)
    assert not _in_queue(people, document)


def test_an_archived_set_cannot_be_written(people, client_for):
    document = people.documents[0]
    aset, _ = annotation_set_open(
        project=people.project, document=document, author=people.annotator
    )
    client_for(people.manager).delete(_url(people, document))
    aset.refresh_from_db()

    response = client_for(people.annotator).post(f"/api/v1/sets/{aset.pk}/submit/")

    assert response.status_code == 409
    assert "archived" in response.json()["error"]["message"]


def test_the_queue_no_longer_hands_out_a_removed_document_nor_its_open_set(people, client_for):
    first = people.documents[0]
    annotation_set_open(project=people.project, document=first, author=people.annotator)
    client_for(people.manager).delete(_url(people, first))

    response = client_for(people.annotator).get(f"/api/v1/projects/{people.project.pk}/queue/next/")

    assert response.status_code == 200
    assert response.json()["document"] != first.pk


def _exported_ids(client, people) -> list[int]:  # noqa: ANN001
    url = f"/api/v1/projects/{people.project.pk}/export/?format=jsonl"
    lines = b"".join(client.get(url).streaming_content).decode().splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    return [r["id"] for r in records if r.get("claimlens") == "document"]


def test_a_removed_document_and_its_sets_leave_the_export(people, client_for):
    document = people.documents[0]
    aset, _ = annotation_set_open(
        project=people.project, document=document, author=people.annotator
    )
    annotation_set_submit(annotation_set=aset)
    manager = client_for(people.manager)
    assert document.pk in _exported_ids(manager, people)

    manager.delete(_url(people, document, confirm=True))

    assert document.pk not in _exported_ids(manager, people)


def test_a_removed_document_added_back_gets_its_sets_back_as_they_were(people, client_for):
    document = people.documents[0]
    done, _ = annotation_set_open(
        project=people.project, document=document, author=people.annotator
    )
    annotation_set_submit(annotation_set=done)
    open_set, _ = annotation_set_open(
        project=people.project, document=document, author=people.other_annotator
    )
    client_for(people.manager).delete(_url(people, document, confirm=True))

    project_documents_add(project=people.project, documents=[document])

    done.refresh_from_db()
    open_set.refresh_from_db()
    assert (done.status, done.archived_from) == (SetStatus.SUBMITTED, "")
    assert (open_set.status, open_set.archived_from) == (SetStatus.ASSIGNED, "")
    row = ProjectDocument.objects.get(project=people.project, document=document)
    assert row.assigned_count == 2
    # the queue does not hand it out a third time (two annotators per document)
    third = factories.UserFactory(username="third")
    Membership.objects.create(project=people.project, user=third, role=Role.ANNOTATOR)
    response = client_for(third).get(f"/api/v1/projects/{people.project.pk}/queue/next/")
    assert response.json()["document"] != document.pk


def test_only_managers_remove_documents(people, client_for):
    for person in (people.reviewer, people.annotator):
        assert client_for(person).delete(_url(people, people.documents[0])).status_code == 403
    assert client_for(people.outsider).delete(_url(people, people.documents[0])).status_code == 404


def test_a_document_not_in_the_project_is_a_404(people, client_for):
    client_for(people.manager).delete(_url(people, people.documents[0]))
    assert client_for(people.manager).delete(_url(people, people.documents[0])).status_code == 404
