"""Comment threads on a document and its units over the API: who sees which thread (blind
projects keep an annotator's threads between them and the reviewers), writing in one, and
unread counts."""

from __future__ import annotations

from annotations.models import Project
from tests.annotations.conftest import assert_error


def url(bench) -> str:  # noqa: ANN001
    return f"/api/v1/projects/{bench.project.pk}/documents/{bench.people.documents[0].pk}/comments/"


def write(client, bench, text: str, **thread):  # noqa: ANN001
    response = client.post(url(bench), {"text": text, **thread}, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def texts(client, bench) -> list[str]:  # noqa: ANN001
    response = client.get(url(bench))
    assert response.status_code == 200, response.content
    return [c["text"] for c in response.json()]


def unread(client, bench) -> dict:  # noqa: ANN001
    return client.get(f"/api/v1/projects/{bench.project.pk}/comments/unread/").json()


def open_project(bench) -> None:  # noqa: ANN001
    Project.objects.filter(pk=bench.project.pk).update(blind=False)


def test_a_reviewers_comment_on_a_span_reaches_its_annotator_and_no_other(bench, client_for):
    reviewer = client_for(bench.people.reviewer)
    comment = write(reviewer, bench, "Is the claim longer?", span=bench.claim.pk)
    assert comment["set"] == bench.aset.pk and comment["layer"] == "annotator:annotator"
    assert comment["span"] == bench.claim.pk and comment["author"] == "reviewer"
    assert texts(client_for(bench.people.annotator), bench) == ["Is the claim longer?"]
    assert texts(client_for(bench.people.other_annotator), bench) == []
    assert texts(client_for(bench.people.manager), bench) == ["Is the claim longer?"]


def test_an_annotator_answers_in_their_own_thread_and_on_their_set_as_a_whole(bench, owner):
    write(owner, bench, "Yes: up to the comma.", relation=bench.relation.pk)
    note = write(owner, bench, "I was unsure about the byline.", set=bench.aset.pk)
    assert note["span"] is None and note["set"] == bench.aset.pk
    assert texts(owner, bench) == ["Yes: up to the comma.", "I was unsure about the byline."]


def test_in_a_blind_project_annotators_have_no_general_thread_and_no_other_layers_threads(
    bench, client_for, owner
):
    reviewer = client_for(bench.people.reviewer)
    write(reviewer, bench, "Everyone: check the dateline.")
    write(reviewer, bench, "Gold: keep the cue.", set=bench.gold.pk)
    write(reviewer, bench, "The model misses quotes.", set=bench.model.pk)
    assert texts(owner, bench) == []
    assert_error(owner.post(url(bench), {"text": "Hello all"}, format="json"), 404)
    assert_error(
        owner.post(url(bench), {"text": "Wrong", "set": bench.model.pk}, format="json"), 404
    )
    assert len(texts(client_for(bench.people.manager), bench)) == 3


def test_in_an_open_project_every_member_reads_and_writes_every_thread(bench, client_for):
    write(client_for(bench.people.reviewer), bench, "Check this.", span=bench.claim.pk)
    open_project(bench)
    other = client_for(bench.people.other_annotator)
    write(other, bench, "I agree with the reviewer.", span=bench.claim.pk)
    write(other, bench, "A note for everyone.")
    assert texts(client_for(bench.people.annotator), bench) == [
        "Check this.",
        "I agree with the reviewer.",
        "A note for everyone.",
    ]


def test_a_comment_is_checked_before_it_is_written(bench, client_for, people):
    reviewer = client_for(bench.people.reviewer)
    assert_error(reviewer.post(url(bench), {"text": "  "}, format="json"), 400)
    two_units = {"text": "x", "span": bench.claim.pk, "relation": bench.relation.pk}
    assert_error(reviewer.post(url(bench), two_units, format="json"), 400)
    wrong_set = {"text": "x", "span": bench.claim.pk, "set": bench.gold.pk}
    assert_error(reviewer.post(url(bench), wrong_set, format="json"), 400)
    elsewhere = f"/api/v1/projects/{bench.project.pk}/documents/{people.documents[1].pk}/comments/"
    assert_error(
        reviewer.post(elsewhere, {"text": "x", "span": bench.claim.pk}, format="json"), 404
    )
    assert write(reviewer, bench, "  trimmed \n")["text"] == "trimmed"


def test_unread_counts_count_what_others_wrote_since_the_read_mark(bench, client_for, owner):
    reviewer = client_for(bench.people.reviewer)
    document = bench.people.documents[0].pk
    write(reviewer, bench, "One.", span=bench.claim.pk)
    write(reviewer, bench, "Two.", set=bench.aset.pk)
    write(owner, bench, "Mine.", set=bench.aset.pk)
    write(reviewer, bench, "For reviewers only.")
    assert unread(owner, bench) == {"total": 2, "documents": [{"document": document, "unread": 2}]}
    assert [c["unread"] for c in owner.get(url(bench)).json()] == [True, True, False]

    marked = owner.post(url(bench) + "read/", {}, format="json")
    assert marked.status_code == 200, marked.content
    assert unread(owner, bench) == {"total": 0, "documents": []}
    write(reviewer, bench, "Three.", span=bench.claim.pk)
    assert unread(owner, bench)["total"] == 1
    assert unread(client_for(bench.people.other_annotator), bench)["total"] == 0


def test_a_read_mark_only_moves_forward(bench, owner):
    first = owner.post(url(bench) + "read/", {}, format="json").json()["read_at"]
    earlier = owner.post(
        url(bench) + "read/", {"until": "2001-01-01T00:00:00+00:00"}, format="json"
    )
    assert earlier.json()["read_at"] == first


def test_unread_counts_narrow_to_the_documents_asked_for(bench, client_for, people):
    reviewer = client_for(bench.people.reviewer)
    write(reviewer, bench, "One.", span=bench.claim.pk)
    base = f"/api/v1/projects/{bench.project.pk}/comments/unread/"
    other_document = reviewer.get(f"{base}?document={people.documents[1].pk}")
    assert other_document.json() == {"total": 0, "documents": []}
    assert_error(reviewer.get(f"{base}?document=x"), 400)


def test_its_author_and_managers_delete_a_comment(bench, client_for, owner):
    mine = write(owner, bench, "Mine.", set=bench.aset.pk)
    theirs = write(client_for(bench.people.reviewer), bench, "Theirs.", set=bench.aset.pk)
    assert owner.delete(f"/api/v1/comments/{mine['id']}/").status_code == 204
    assert_error(owner.delete(f"/api/v1/comments/{theirs['id']}/"), 403)
    manager = client_for(bench.people.manager)
    assert manager.delete(f"/api/v1/comments/{theirs['id']}/").status_code == 204
    assert texts(manager, bench) == []
