"""Decisions on model suggestions, stored on the server: made in a person's own set, the
latest one standing, withdrawn on request, and summed up as each model's acceptance and
rejection rates."""

from __future__ import annotations

from annotations.models import AnnotationSet
from annotations.services.annotation_sets import annotation_set_open
from annotations.services.set_write import annotation_set_write
from tests.annotations.conftest import assert_error, current, span_payload


def suggest(aset: AnnotationSet, text: str, *needles: str) -> list[int]:
    """The model set suggests a CUE over each needle; their span ids."""
    spans = [span_payload(text, "CUE", n, ref=f"s{i}") for i, n in enumerate(needles)]
    refs = annotation_set_write(
        annotation_set=aset, data={"version": current(aset), "spans": spans}
    )
    return [refs[f"s{i}"] for i in range(len(needles))]


def decide(client, aset: AnnotationSet, *decisions: tuple[int, str]):  # noqa: ANN001
    body = [{"suggestion": s, "decision": d} for s, d in decisions]
    return client.post(f"/api/v1/sets/{aset.pk}/decisions/", body, format="json")


def test_decisions_made_in_a_set_are_stored_and_the_latest_stands(bench, owner):
    said, told = suggest(bench.model, bench.text, "said", "talks")
    response = decide(owner, bench.aset, (said, "rejected"), (told, "accepted"))
    assert response.status_code == 200, response.content
    decide(owner, bench.aset, (said, "accepted"))
    listed = owner.get(f"/api/v1/sets/{bench.aset.pk}/decisions/").json()
    assert [(d["suggestion"], d["decision"], d["model_name"]) for d in listed] == [
        (said, "accepted", "rules"),
        (told, "accepted", "rules"),
    ]


def test_a_withdrawn_decision_leaves_the_suggestion_open(bench, owner):
    (said,) = suggest(bench.model, bench.text, "said")
    decide(owner, bench.aset, (said, "rejected"))
    assert owner.delete(f"/api/v1/sets/{bench.aset.pk}/decisions/{said}/").status_code == 204
    assert owner.get(f"/api/v1/sets/{bench.aset.pk}/decisions/").json() == []
    assert_error(owner.delete(f"/api/v1/sets/{bench.aset.pk}/decisions/{said}/"), 404)


def test_only_suggestions_on_the_sets_document_can_be_decided_on(bench, owner, people):
    other, _ = annotation_set_open(
        project=people.project,
        document=people.documents[1],
        author=None,
        kind="model",
        model_name="rules",
    )
    (elsewhere,) = suggest(other, people.documents[1].text, "said")
    assert_error(decide(owner, bench.aset, (elsewhere, "rejected")), 400)
    assert_error(decide(owner, bench.aset, (bench.claim.pk, "rejected")), 400)  # not a model's
    (said,) = suggest(bench.model, bench.text, "said")
    assert_error(decide(owner, bench.aset, (said, "maybe")), 400)
    assert_error(owner.post(f"/api/v1/sets/{bench.aset.pk}/decisions/", {}, format="json"), 400)
    assert owner.get(f"/api/v1/sets/{bench.aset.pk}/decisions/").json() == []


def test_a_models_rates_are_shares_of_the_decisions_on_its_suggestions(bench, client_for, people):
    said, told, minister = suggest(bench.model, bench.text, "said", "talks", "minister")
    owner = client_for(people.annotator)
    decide(owner, bench.aset, (said, "accepted"), (told, "rejected"))
    reviewer = client_for(people.reviewer)
    decide(reviewer, bench.gold, (said, "accepted"), (minister, "accepted"))
    annotation_set_open(
        project=people.project,
        document=people.documents[1],
        author=None,
        kind="model",
        model_name="silent",
    )
    rates = reviewer.get(f"/api/v1/projects/{people.project.pk}/suggestions/rates/").json()
    assert rates == [
        {
            "model_name": "rules",
            "suggestions": 3,
            "decided": 4,
            "accepted": 3,
            "rejected": 1,
            "acceptance_rate": 0.75,
            "rejection_rate": 0.25,
        }
    ]


def test_a_model_without_decisions_has_no_rates_yet(bench, client_for):
    suggest(bench.model, bench.text, "said")
    rates = client_for(bench.people.manager).get(
        f"/api/v1/projects/{bench.project.pk}/suggestions/rates/"
    )
    assert rates.json()[0] == {
        "model_name": "rules",
        "suggestions": 1,
        "decided": 0,
        "accepted": 0,
        "rejected": 0,
        "acceptance_rate": None,
        "rejection_rate": None,
    }
