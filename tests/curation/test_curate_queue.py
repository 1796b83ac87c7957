"""The curate queue (``GET /api/v1/projects/{p}/curation/``) and its counts
(``.../curation/summary/``): documents reach their reviewers once every annotator submitted,
with their review state and how much their annotators disagree."""

from __future__ import annotations

from annotations.services.review_states import document_return
from tests.curation.conftest import annotated, span


def queue(client, project, **params) -> dict:
    response = client.get(f"/api/v1/projects/{project.pk}/curation/", params)
    assert response.status_code == 200, response.content
    return response.json()


def summary(client, project) -> dict:
    response = client.get(f"/api/v1/projects/{project.pk}/curation/summary/")
    assert response.status_code == 200, response.content
    return response.json()


def test_a_document_reaches_the_queue_once_every_annotator_submitted(two_layers, client_for):
    people = two_layers.people
    reviewer = client_for(people.reviewer)
    other = people.documents[0]
    annotated(people, other, people.annotator, spans=[])  # one of two: still waiting

    rows = queue(reviewer, people.project)["results"]
    assert [row["id"] for row in rows] == [two_layers.document.pk]
    (row,) = rows
    assert (row["submitted"], row["needed"], row["ready"], row["review_status"]) == (
        2,
        2,
        True,
        "unreviewed",
    )
    assert summary(reviewer, people.project) == {
        "documents": 4,
        "ready": 1,
        "waiting": 3,
        "in_review": 0,
        "curated": 0,
        "returned": 0,
    }


def test_the_disagreement_is_the_share_of_units_the_annotators_did_not_make_alike(
    two_layers, client_for
):
    (row,) = queue(client_for(two_layers.people.reviewer), two_layers.project)["results"]
    # claim (attributes differ), minister, officials (one annotator), relation, stance
    assert (row["units"], row["disputed"]) == (5, 2)
    assert row["disagreement"] == 0.4


def test_the_most_disagreed_come_first_and_a_floor_leaves_out_the_calm_ones(two_layers, client_for):
    people = two_layers.people
    calm = people.documents[1]
    for person in (people.annotator, people.other_annotator):
        annotated(people, calm, person, spans=[span(calm.text, "SOURCE", "minister")])
    reviewer = client_for(people.reviewer)

    by_position = [r["id"] for r in queue(reviewer, people.project)["results"]]
    assert by_position == [calm.pk, two_layers.document.pk]
    ordered = queue(reviewer, people.project, order="disagreement")["results"]
    assert [(r["id"], r["disagreement"]) for r in ordered] == [
        (two_layers.document.pk, 0.4),
        (calm.pk, 0.0),
    ]
    floor = queue(reviewer, people.project, min_disagreement="0.1")
    assert [r["id"] for r in floor["results"]] == [two_layers.document.pk]
    assert floor["count"] == 1


def test_a_returned_document_is_listed_with_who_it_went_back_to_and_counted(two_layers, client_for):
    people = two_layers.people
    document_return(
        project=people.project,
        document_id=two_layers.document.pk,
        annotator=people.annotator,
        reviewer=people.reviewer,
        text="Look at the claim again.",
    )
    reviewer = client_for(people.reviewer)
    (row,) = queue(reviewer, people.project, review_status="returned")["results"]
    assert (row["review_status"], row["returned_to"], row["ready"]) == (
        "returned",
        ["annotator"],
        False,
    )
    assert queue(reviewer, people.project, ready="true")["results"] == []
    counts = summary(reviewer, people.project)
    assert (counts["ready"], counts["returned"]) == (0, 1)


def test_an_unknown_review_state_is_refused_by_name(two_layers, client_for):
    response = client_for(two_layers.people.reviewer).get(
        f"/api/v1/projects/{two_layers.project.pk}/curation/", {"review_status": "done"}
    )
    assert response.status_code == 400
    assert "done" in response.json()["error"]["message"]


def test_the_queue_is_filtered_by_story_and_searched_by_text(two_layers, client_for):
    reviewer = client_for(two_layers.people.reviewer)
    project = two_layers.project
    assert len(queue(reviewer, project, story=two_layers.document.story_id)["results"]) == 1
    assert queue(reviewer, project, story=two_layers.document.story_id + 99)["results"] == []
    assert len(queue(reviewer, project, q="Tuesday")["results"]) == 1  # only its text says it
    assert queue(reviewer, project, q="Wednesday")["results"] == []
