"""Links across the documents of a story (SAME_CLAIM) through the API: gold sets opened by
different reviewers link to each other, and deleting a linked span, by a whole-set write or
on its own, drops the link and moves the version of the set that held it."""

from __future__ import annotations

from annotations.models import AnnotationSet, SetKind
from annotations.services.annotation_sets import annotation_set_open
from tests.annotations.conftest import span_payload


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


def test_deleting_one_linked_span_moves_the_version_of_the_set_linking_to_it(people, client_for):
    client = client_for(people.annotator)
    first, second = _linked_claims(people, client)
    deleted = client.delete(f"/api/v1/spans/{first['spans'][0]['id']}/")
    assert deleted.status_code == 204
    after = client.get(f"/api/v1/sets/{second['id']}/").json()
    assert after["relations"] == []
    assert after["version"] == second["version"] + 1


def _claim(text: str) -> dict:
    start = text.index("the talks had stalled")
    return {"label": "CLAIM", "start": start, "end": start + 21, "text": text[start : start + 21]}


def test_gold_sets_opened_by_different_reviewers_can_be_linked_across_documents(people, client_for):
    first, second = people.documents[:2]
    gold_1, _ = annotation_set_open(
        project=people.project, document=first, author=people.manager, kind=SetKind.GOLD
    )
    gold_2, _ = annotation_set_open(
        project=people.project, document=second, author=people.reviewer, kind=SetKind.GOLD
    )
    manager = client_for(people.manager)
    saved = manager.put(
        f"/api/v1/sets/{gold_1.pk}/",
        {"version": gold_1.version, "spans": [_claim(first.text)]},
        format="json",
    )
    assert saved.status_code == 200, saved.content
    other_claim = saved.json()["spans"][0]["id"]

    reviewer = client_for(people.reviewer)
    linked = reviewer.put(
        f"/api/v1/sets/{gold_2.pk}/",
        {
            "version": gold_2.version,
            "spans": [{**_claim(second.text), "ref": "here"}],
            "relations": [{"type": "SAME_CLAIM", "source": "here", "target": other_claim}],
        },
        format="json",
    )
    assert linked.status_code == 200, linked.content
    assert linked.json()["relations"][0]["target"] == other_claim
