"""A manager orders the queue: POST /projects/{p}/documents/order/ puts documents at its
front ("annotate these first") or moves one up or down; the queue hands them out in that
order."""

from __future__ import annotations

from annotations.models import ProjectDocument
from tests.factories import DocumentFactory


def _order(people) -> list[int]:  # noqa: ANN001
    return list(
        ProjectDocument.objects.filter(project=people.project)
        .order_by("position", "id")
        .values_list("document_id", flat=True)
    )


def _post(people, client_for, body):  # noqa: ANN001, ANN202
    return client_for(people.manager).post(
        f"/api/v1/projects/{people.project.pk}/documents/order/", body, format="json"
    )


def test_annotate_these_first_puts_them_at_the_front_in_the_order_given(people, client_for):
    a, b, c = (d.pk for d in people.documents)

    response = _post(people, client_for, {"documents": [c, b]})

    assert response.status_code == 200
    assert response.json() == {"documents": [{"id": c, "position": 1}, {"id": b, "position": 2}]}
    assert _order(people) == [c, b, a]


def test_the_next_annotator_gets_the_document_moved_to_the_front(people, client_for):
    last = people.documents[-1]
    _post(people, client_for, {"documents": [last.pk]})

    response = client_for(people.annotator).get(f"/api/v1/projects/{people.project.pk}/queue/next/")

    assert response.json()["document"] == last.pk


def test_move_up_and_down_swap_with_the_neighbour(people, client_for):
    a, b, c = (d.pk for d in people.documents)
    _post(people, client_for, {"documents": [b], "move": "up"})
    assert _order(people) == [b, a, c]
    _post(people, client_for, {"documents": [b], "move": "down"})
    _post(people, client_for, {"documents": [b], "move": "down"})
    assert _order(people) == [a, c, b]
    _post(people, client_for, {"documents": [b], "move": "down"})  # already last: stays
    assert _order(people) == [a, c, b]


def test_documents_added_after_a_reorder_go_to_the_end(people, client_for):
    from annotations.services.projects import project_documents_add

    _post(people, client_for, {"documents": [people.documents[2].pk]})
    new = DocumentFactory(story=people.story)
    project_documents_add(project=people.project, documents=[new])
    assert _order(people)[-1] == new.pk


def test_bad_orders_are_refused_with_the_field_at_fault(people, client_for):
    outside = DocumentFactory()
    a, b, _ = (d.pk for d in people.documents)
    cases = [
        ({"documents": [outside.pk]}, "documents"),
        ({"documents": [a, a]}, "documents"),
        ({"documents": [a, b], "move": "up"}, "documents"),
        ({"documents": [a], "move": "sideways"}, "move"),
        ({"documents": []}, "documents"),
    ]
    for body, field in cases:
        response = _post(people, client_for, body)
        assert response.status_code == 400, body
        assert field in response.json()["error"]["details"], body


def test_only_managers_order_the_queue(people, client_for):
    body = {"documents": [people.documents[0].pk]}
    url = f"/api/v1/projects/{people.project.pk}/documents/order/"
    for person in (people.reviewer, people.annotator):
        assert client_for(person).post(url, body, format="json").status_code == 403
    assert client_for(people.outsider).post(url, body, format="json").status_code == 404
