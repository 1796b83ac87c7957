"""The curation view of one document and the reviewer's steps on it: accept a unit into
gold (as a layer made it, or edited), reject it, mark the document curated or reopen it;
every gold unit keeps its provenance, and the native export carries it."""

from __future__ import annotations

import orjson

from annotations.models import AnnotationSet, ProjectDocument, Relation, SetKind, Span
from annotations.services.annotation_sets import annotation_set_open
from annotations.services.set_write import annotation_set_write
from tests.annotations.conftest import assert_error
from tests.curation.conftest import TEXT, span


def url(layers, what: str = "") -> str:
    return f"/api/v1/projects/{layers.project.pk}/curation/{layers.document.pk}/{what}"


def view(client, layers, **params) -> dict:
    response = client.get(url(layers), params)
    assert response.status_code == 200, response.content
    return response.json()


def unit(data: dict, kind: str, text: str | None = None) -> dict:
    """The unit of ``kind`` (a span: the one with this text) in a curation view."""
    return next(
        u
        for u in data["units"]
        if u["kind"] == kind and (text is None or u["unit"]["text"] == text)
    )


def step(client, layers, what: str, data: dict, **body) -> dict:
    version = data["gold"]["version"] if data["gold"] else None
    response = client.post(url(layers, f"{what}/"), {"version": version, **body}, format="json")
    assert response.status_code == 200, response.content
    return response.json()


def gold_spans(layers) -> dict[str, Span]:
    gold = AnnotationSet.objects.get(project=layers.project, document=layers.document, kind="gold")
    return {s.text: s for s in Span.objects.filter(annotation_set=gold)}


def test_the_view_shows_every_submitted_layer_and_who_made_each_unit(two_layers, client_for):
    people = two_layers.people
    data = view(client_for(people.reviewer), two_layers)

    assert [layer["name"] for layer in data["layers"]] == [
        "annotator:annotator",
        "annotator:other_annotator",
    ]
    assert data["gold"] is None
    minister = unit(data, "span", "The minister")
    assert (minister["layers"], minister["agreed"], minister["state"]) == (
        ["annotator:annotator", "annotator:other_annotator"],
        True,
        "open",
    )
    officials = unit(data, "span", "officials")
    assert (officials["layers"], officials["agreed"]) == (["annotator:annotator"], False)
    claim = unit(data, "span", "the talks had stalled")
    assert not claim["agreed"]  # direct speech for one, indirect for the other
    assert {m["layer"]: m["row"]["attributes"] for m in claim["members"]} == {
        "annotator:annotator": {"quote_type": "direct"},
        "annotator:other_annotator": {"quote_type": "indirect"},
    }
    assert data["counts"] == {"units": 5, "agreed": 3, "gold": 0, "rejected": 0, "open": 5}


def test_a_set_not_submitted_is_not_a_layer_and_models_come_when_asked(two_layers, client_for):
    people = two_layers.people
    model, _ = annotation_set_open(
        project=people.project,
        document=two_layers.document,
        author=None,
        kind="model",
        model_name="rules",
    )
    annotation_set_write(
        annotation_set=model, data={"version": 1, "spans": [span(TEXT, "CUE", "said")]}
    )
    reviewer = client_for(people.reviewer)

    plain = view(reviewer, two_layers)
    assert plain["models"] == ["rules"]
    assert "model:rules" not in [layer["name"] for layer in plain["layers"]]
    with_model = view(reviewer, two_layers, models="rules")
    assert with_model["layers"][-1]["name"] == "model:rules"
    assert unit(with_model, "span", "said")["layers"] == ["model:rules"]


def test_accepting_puts_the_unit_into_gold_with_the_layers_that_made_it(two_layers, client_for):
    reviewer = client_for(two_layers.people.reviewer)
    data = view(reviewer, two_layers)
    after = step(reviewer, two_layers, "accept", data, unit=unit(data, "span", "officials")["key"])

    officials = gold_spans(two_layers)["officials"]
    assert officials.provenance == {"method": "accepted", "layers": ["annotator:annotator"]}
    assert gold_spans(two_layers)["officials"].annotation_set.author == two_layers.people.reviewer
    assert unit(after, "span", "officials")["state"] == "gold"
    row = ProjectDocument.objects.get(project=two_layers.project, document=two_layers.document)
    assert row.review_status == "in_review"


def test_the_gold_sets_history_names_the_reviewer_and_starts_with_its_baseline(
    two_layers, client_for
):
    reviewer = client_for(two_layers.people.reviewer)
    data = view(reviewer, two_layers)
    step(reviewer, two_layers, "accept", data, unit=unit(data, "span", "officials")["key"])
    gold = AnnotationSet.objects.get(project=two_layers.project, kind="gold")

    history = reviewer.get(f"/api/v1/sets/{gold.pk}/history/").json()["results"]
    write, baseline = history
    assert (write["author"], write["baseline"]) == ("reviewer", False)
    assert baseline["baseline"] and baseline["created_at"] <= write["created_at"]


def test_accepting_one_layers_version_takes_its_attributes(two_layers, client_for):
    reviewer = client_for(two_layers.people.reviewer)
    data = view(reviewer, two_layers)
    claim = unit(data, "span", "the talks had stalled")
    step(reviewer, two_layers, "accept", data, unit=claim["key"], layer="annotator:other_annotator")

    gold = gold_spans(two_layers)["the talks had stalled"]
    assert gold.attributes == {"quote_type": "indirect"}
    assert gold.provenance == {
        "method": "accepted",
        "layers": ["annotator:annotator", "annotator:other_annotator"],
    }


def test_an_edited_unit_is_stored_as_edited(two_layers, client_for):
    reviewer = client_for(two_layers.people.reviewer)
    data = view(reviewer, two_layers)
    officials = unit(data, "span", "officials")
    start = TEXT.index("officials said")
    after = step(
        reviewer,
        two_layers,
        "accept",
        data,
        unit=officials["key"],
        edit={"start": start, "end": start + len("officials said"), "attributes": {"side": "x"}},
    )

    edited = gold_spans(two_layers)["officials said"]
    assert edited.attributes == {"side": "x"}
    assert edited.provenance == {"method": "edited", "layers": ["annotator:annotator"]}
    assert unit(after, "span", "officials said")["state"] == "gold"  # gold's own, now
    assert unit(after, "span", "officials")["state"] == "rejected"  # replaced by the edit


def test_accepting_a_relation_brings_its_ends_into_gold(two_layers, client_for):
    reviewer = client_for(two_layers.people.reviewer)
    data = view(reviewer, two_layers)
    step(reviewer, two_layers, "accept", data, unit=unit(data, "relation")["key"])

    spans = gold_spans(two_layers)
    relation = Relation.objects.get(annotation_set=spans["The minister"].annotation_set)
    assert (relation.source_id, relation.target_id) == (
        spans["the talks had stalled"].pk,
        spans["The minister"].pk,
    )
    both = ["annotator:annotator", "annotator:other_annotator"]
    assert relation.provenance == {"method": "accepted", "layers": both}
    assert spans["The minister"].provenance == {"method": "accepted", "layers": both}


def test_rejecting_takes_a_unit_out_of_gold_and_keeps_it_rejected_until_accepted(
    two_layers, client_for
):
    reviewer = client_for(two_layers.people.reviewer)
    data = view(reviewer, two_layers)
    key = unit(data, "span", "officials")["key"]
    data = step(reviewer, two_layers, "accept", data, unit=key)
    data = step(reviewer, two_layers, "reject", data, unit=key)

    assert "officials" not in gold_spans(two_layers)
    assert unit(view(reviewer, two_layers), "span", "officials")["state"] == "rejected"
    merged = reviewer.post(
        url(two_layers, "merge/"),
        {"min_agreeing": 1, "version": data["gold"]["version"]},
        format="json",
    ).json()
    assert unit(merged, "span", "officials")["state"] == "rejected"
    assert "officials" not in gold_spans(two_layers)

    step(reviewer, two_layers, "accept", merged, unit=key)
    assert unit(view(reviewer, two_layers), "span", "officials")["state"] == "gold"


def test_a_stale_gold_version_is_refused_and_nothing_is_written(two_layers, client_for):
    reviewer = client_for(two_layers.people.reviewer)
    data = view(reviewer, two_layers)
    step(reviewer, two_layers, "accept", data, unit=unit(data, "span", "officials")["key"])
    stale = reviewer.post(
        url(two_layers, "accept/"),
        {"version": None, "unit": unit(data, "span", "The minister")["key"]},
        format="json",
    )
    assert_error(stale, 409, "conflict")
    assert set(gold_spans(two_layers)) == {"officials"}


def test_a_unit_gone_from_the_layers_is_a_conflict(two_layers, client_for):
    reviewer = client_for(two_layers.people.reviewer)
    response = reviewer.post(url(two_layers, "accept/"), {"unit": "f" * 64}, format="json")
    error = assert_error(response, 409, "conflict")
    assert "reload" in error["message"]


def test_an_edit_may_change_only_what_the_unit_has(two_layers, client_for):
    reviewer = client_for(two_layers.people.reviewer)
    data = view(reviewer, two_layers)
    response = reviewer.post(
        url(two_layers, "accept/"),
        {"unit": unit(data, "stance")["key"], "edit": {"label": "CLAIM"}},
        format="json",
    )
    assert "value" in assert_error(response, 400)["message"]


def test_marking_curated_submits_gold_and_reopening_puts_it_back_in_review(two_layers, client_for):
    reviewer = client_for(two_layers.people.reviewer)
    curated = reviewer.post(url(two_layers, "state/"), {"review_status": "curated"}, format="json")
    assert curated.status_code == 200, curated.content
    assert curated.json()["review_status"] == "curated"
    assert curated.json()["gold"]["status"] == "curated"

    reopened = reviewer.post(
        url(two_layers, "state/"), {"review_status": "in_review"}, format="json"
    ).json()
    assert (reopened["review_status"], reopened["gold"]["status"]) == ("in_review", "in_progress")


def test_the_native_export_carries_gold_provenance(two_layers, client_for):
    reviewer = client_for(two_layers.people.reviewer)
    merged = reviewer.post(
        url(two_layers, "merge/"), {"min_agreeing": 2, "version": None}, format="json"
    )
    assert merged.status_code == 200, merged.content
    response = reviewer.get(
        f"/api/v1/projects/{two_layers.project.pk}/export/?format=jsonl&kind=gold"
    )
    records = [orjson.loads(line) for line in b"".join(response.streaming_content).splitlines()]
    (gold,) = [s for r in records for s in r.get("sets", []) if s["kind"] == SetKind.GOLD]
    both = ["annotator:annotator", "annotator:other_annotator"]
    assert {s["text"]: s["provenance"] for s in gold["spans"]} == {
        "The minister": {"method": "auto", "layers": both},
        "the talks had stalled": {"method": "auto", "layers": both},
    }
