"""The project's document list says, per document, how many annotator sets are assigned and
how many of them are submitted (a reviewer needs the second: "2 of 2" assigned said nothing
about what is ready)."""

from __future__ import annotations

from annotations.services.annotation_sets import annotation_set_open, annotation_set_submit


def test_each_document_counts_its_assigned_and_its_submitted_annotator_sets(people, client_for):
    first, second, _ = people.documents
    done, _ = annotation_set_open(project=people.project, document=first, author=people.annotator)
    annotation_set_submit(annotation_set=done)
    annotation_set_open(project=people.project, document=first, author=people.other_annotator)
    annotation_set_open(project=people.project, document=second, author=people.annotator)

    response = client_for(people.reviewer).get(f"/api/v1/projects/{people.project.pk}/documents/")

    assert response.status_code == 200
    counts = {row["id"]: (row["assigned"], row["submitted"]) for row in response.json()["results"]}
    assert counts == {first.pk: (2, 1), second.pk: (1, 0), people.documents[2].pk: (0, 0)}
