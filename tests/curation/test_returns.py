"""Returning a document to one annotator through the API: their set is open again, first in
their queue, and they are shown the reviewer's comment; nobody else is."""

from __future__ import annotations

from tests.annotations.conftest import assert_error


def give_back(client, layers, **body):
    return client.post(
        f"/api/v1/projects/{layers.project.pk}/curation/{layers.document.pk}/return/",
        {"annotator": "annotator", "comment": "The claim is indirect speech.", **body},
        format="json",
    )


def returned(client, layers) -> list[dict]:
    response = client.get(f"/api/v1/projects/{layers.project.pk}/returned/")
    assert response.status_code == 200, response.content
    return response.json()


def test_the_annotator_is_shown_the_returned_set_with_the_reviewers_comment(two_layers, client_for):
    people = two_layers.people
    response = give_back(client_for(people.reviewer), two_layers)
    assert response.status_code == 200, response.content
    assert response.json()["review_status"] == "returned"
    assert [a["status"] for a in response.json()["annotators"]] == ["returned", "submitted"]

    (shown,) = returned(client_for(people.annotator), two_layers)
    assert shown["set"] == two_layers.first.pk
    assert (shown["title"], shown["returned_by"], shown["comment"]) == (
        "The talks",
        "reviewer",
        "The claim is indirect speech.",
    )
    assert returned(client_for(people.other_annotator), two_layers) == []
    assert returned(client_for(people.reviewer), two_layers) == []


def test_the_returned_set_is_what_the_queue_hands_its_annotator_next(two_layers, client_for):
    people = two_layers.people
    give_back(client_for(people.reviewer), two_layers)
    annotator = client_for(people.annotator)

    nxt = annotator.get(f"/api/v1/projects/{two_layers.project.pk}/queue/next/")
    assert (nxt.json()["id"], nxt.json()["status"]) == (two_layers.first.pk, "returned")
    skipped = annotator.post(f"/api/v1/sets/{two_layers.first.pk}/skip/")
    assert "cannot be skipped" in assert_error(skipped, 409, "conflict")["message"]
    submitted = annotator.post(f"/api/v1/sets/{two_layers.first.pk}/submit/")
    assert submitted.json()["status"] == "submitted"
    assert returned(annotator, two_layers) == []


def test_returning_to_someone_without_a_set_or_without_a_comment_is_refused(two_layers, client_for):
    reviewer = client_for(two_layers.people.reviewer)
    assert (
        "no set"
        in assert_error(give_back(reviewer, two_layers, annotator="manager"), 400)["message"]
    )
    assert_error(give_back(reviewer, two_layers, annotator="nobody"), 400)
    assert_error(give_back(reviewer, two_layers, comment=" "), 400)


def test_a_returned_document_is_not_marked_curated_until_it_is_reopened(two_layers, client_for):
    reviewer = client_for(two_layers.people.reviewer)
    give_back(reviewer, two_layers)
    state = f"/api/v1/projects/{two_layers.project.pk}/curation/{two_layers.document.pk}/state/"

    refused = reviewer.post(state, {"review_status": "curated"}, format="json")
    assert "returned to an annotator" in assert_error(refused, 409, "conflict")["message"]
    view = reviewer.get(state.replace("state/", "")).json()
    assert (view["review_status"], view["gold"]) == ("returned", None)

    reopened = reviewer.post(state, {"review_status": "in_review"}, format="json").json()
    assert reopened["review_status"] == "in_review"
    curated = reviewer.post(state, {"review_status": "curated"}, format="json").json()
    assert (curated["review_status"], curated["gold"]["status"]) == ("curated", "curated")
