"""Regression tests for the findings of the code review (one test per finding)."""

from __future__ import annotations

import copy

from annotations.models import AnnotationSet, Membership, Role
from annotations.presets import NEWS_ATTRIBUTION
from tests.annotations.conftest import assert_error, span_payload


def _set_url(aset: AnnotationSet) -> str:
    return f"/api/v1/sets/{aset.pk}/"


def test_a_new_project_cannot_pull_in_documents_its_manager_cannot_see(bench, client_for):
    outsider = client_for(bench.people.outsider)
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


def test_a_relation_type_with_a_number_for_labels_is_a_400_not_a_500(bench, client_for):
    schema = copy.deepcopy(NEWS_ATTRIBUTION)
    schema["relation_types"][0]["from_labels"] = 5
    response = client_for(bench.people.manager).put(
        f"/api/v1/projects/{bench.project.pk}/schema/", schema, format="json"
    )
    error = assert_error(response, 400)
    assert "relation_types[0].from_labels" in error["details"]["schema"]


def test_an_untouched_span_still_saves_after_the_schema_drops_its_attribute_value(
    bench, client_for
):
    client = client_for(bench.people.annotator)
    body = client.get(_set_url(bench.aset)).json()
    spans = body["spans"]
    claim = next(s for s in spans if s["label"] == "CLAIM")
    claim["attributes"] = {"quote_type": "mixed"}
    saved = client.put(
        _set_url(bench.aset), {"version": body["version"], "spans": spans}, format="json"
    )
    assert saved.status_code == 200, saved.content

    schema = (
        client_for(bench.people.manager).get(f"/api/v1/projects/{bench.project.pk}/schema/").json()
    )
    schema["span_labels"][0]["attributes"][0]["choices"] = ["direct", "indirect"]
    changed = client_for(bench.people.manager).put(
        f"/api/v1/projects/{bench.project.pk}/schema/", schema, format="json"
    )
    assert changed.status_code == 200, changed.content

    again = client.put(
        _set_url(bench.aset),
        {"version": saved.json()["version"], "spans": saved.json()["spans"]},
        format="json",
    )
    assert again.status_code == 200, again.content


def test_submitted_work_cannot_be_skipped(bench, client_for):
    client = client_for(bench.people.annotator)
    assert client.post(_set_url(bench.aset) + "submit/").status_code == 200
    assert_error(client.post(_set_url(bench.aset) + "skip/"), 409, "conflict")


def test_a_skipped_set_is_submitted_only_while_a_slot_is_free(people, client_for):
    people.project.annotators_per_document = 1
    people.project.save()
    mine = client_for(people.annotator)
    first = mine.get(f"/api/v1/projects/{people.project.pk}/queue/next/").json()
    mine.post(f"/api/v1/sets/{first['id']}/skip/")
    theirs = client_for(people.other_annotator)
    taken = theirs.get(f"/api/v1/projects/{people.project.pk}/queue/next/").json()
    assert taken["document"] == first["document"]
    assert_error(mine.post(f"/api/v1/sets/{first['id']}/submit/"), 409, "conflict")


def test_patching_only_the_fragments_of_a_span_works(bench, client_for):
    text = bench.text
    a = text.index("the talks")
    b = text.index("stalled")
    response = client_for(bench.people.annotator).patch(
        f"/api/v1/spans/{bench.claim.pk}/",
        {
            "fragments": [[a, a + 9], [b, b + 7]],
            "text": f"{text[a : a + 9]} {text[b : b + 7]}",
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    assert (response.json()["start"], response.json()["end"]) == (a, b + 7)


def test_patching_a_span_deleted_meanwhile_is_a_404(bench, client_for):
    client = client_for(bench.people.annotator)
    body = client.get(_set_url(bench.aset)).json()
    client.put(_set_url(bench.aset), {"version": body["version"], "spans": []}, format="json")
    response = client.patch(f"/api/v1/spans/{bench.claim.pk}/", {"label": "SOURCE"}, format="json")
    assert response.status_code == 404


def test_the_last_manager_cannot_be_demoted_by_adding_them_again(people, client_for):
    response = client_for(people.manager).post(
        f"/api/v1/projects/{people.project.pk}/members/",
        {"username": people.manager.username, "role": "annotator"},
        format="json",
    )
    assert_error(response, 400)
    assert Membership.objects.get(project=people.project, user=people.manager).role == (
        Role.MANAGER
    )


def test_a_write_without_spans_keeps_the_spans(bench, client_for):
    client = client_for(bench.people.annotator)
    body = client.get(_set_url(bench.aset)).json()
    response = client.put(
        _set_url(bench.aset), {"version": body["version"], "stances": []}, format="json"
    )
    assert response.status_code == 200
    assert [s["id"] for s in response.json()["spans"]] == [s["id"] for s in body["spans"]]
    assert response.json()["relations"] == body["relations"]
    assert response.json()["stances"] == []


def test_the_answer_maps_refs_to_the_new_span_ids(bench, client_for):
    client = client_for(bench.people.annotator)
    body = client.get(_set_url(bench.aset)).json()
    new = span_payload(bench.text, "CLAIM", "Document", ref="new-claim")
    response = client.put(
        _set_url(bench.aset),
        {"version": body["version"], "spans": [*body["spans"], new]},
        format="json",
    )
    refs = response.json()["refs"]
    assert set(refs) == {"new-claim"}
    assert refs["new-claim"] in [s["id"] for s in response.json()["spans"]]


def _linked_claims(people, client) -> tuple[dict, dict]:  # noqa: ANN001
    """The annotator's claim on one document, and their set on another document of the
    story whose claim is linked to it by SAME_CLAIM. Returns (first set, second set)."""
    first = client.get(f"/api/v1/projects/{people.project.pk}/queue/next/").json()
    claim = span_payload(first["document_detail"]["text"], "CLAIM", "the talks had stalled")
    saved = client.put(
        f"/api/v1/sets/{first['id']}/",
        {"version": first["version"], "spans": [claim]},
        format="json",
    ).json()
    client.post(f"/api/v1/sets/{first['id']}/submit/")
    second = client.get(f"/api/v1/projects/{people.project.pk}/queue/next/").json()
    text = second["document_detail"]["text"]
    linked = client.put(
        f"/api/v1/sets/{second['id']}/",
        {
            "version": second["version"],
            "spans": [span_payload(text, "CLAIM", "the talks had stalled", ref="c")],
            "relations": [{"type": "SAME_CLAIM", "source": "c", "target": saved["spans"][0]["id"]}],
        },
        format="json",
    )
    assert linked.status_code == 200, linked.content
    return saved, linked.json()


def test_deleting_a_linked_span_moves_the_version_of_the_set_linking_to_it(people, client_for):
    client = client_for(people.annotator)
    first, second = _linked_claims(people, client)
    current = AnnotationSet.objects.get(pk=first["id"]).version
    client.put(f"/api/v1/sets/{first['id']}/", {"version": current, "spans": []}, format="json")
    after = client.get(f"/api/v1/sets/{second['id']}/").json()
    assert after["relations"] == []
    assert after["version"] == second["version"] + 1


def test_a_reviewer_cannot_take_work_from_the_queue(people, client_for):
    response = client_for(people.reviewer).get(f"/api/v1/projects/{people.project.pk}/queue/next/")
    assert_error(response, 403, "permission_denied")
    assert not AnnotationSet.objects.filter(author=people.reviewer).exists()


def test_deleting_one_linked_span_moves_the_version_of_the_set_linking_to_it(people, client_for):
    client = client_for(people.annotator)
    first, second = _linked_claims(people, client)
    deleted = client.delete(f"/api/v1/spans/{first['spans'][0]['id']}/")
    assert deleted.status_code == 204
    after = client.get(f"/api/v1/sets/{second['id']}/").json()
    assert after["relations"] == []
    assert after["version"] == second["version"] + 1
