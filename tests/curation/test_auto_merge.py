"""Auto-merge: every open unit at least k of the n layers made goes into gold (exact or
overlap matching), for one document or, in the background, for every document ready to
curate; what it cannot decide is left to the reviewer with a note."""

from __future__ import annotations

from annotations.models import AnnotationSet, MergeJob, Span, Stance
from annotations.services.merge import merge_job_run
from annotations.services.review_states import document_return
from tests.annotations.conftest import assert_error
from tests.curation.conftest import TEXT, annotated, span

BOTH = ["annotator:annotator", "annotator:other_annotator"]


def merge(client, project, document, **body):
    return client.post(
        f"/api/v1/projects/{project.pk}/curation/{document.pk}/merge/",
        {"version": None, **body},
        format="json",
    )


def gold_of(layers, document=None) -> AnnotationSet | None:
    document = document or layers.document
    return AnnotationSet.objects.filter(
        project=layers.project, document=document, kind="gold"
    ).first()


def gold_texts(layers, document=None) -> dict[str, dict]:
    gold = gold_of(layers, document)
    spans = Span.objects.filter(annotation_set=gold) if gold else []
    return {s.text: s.provenance for s in spans}


def test_units_both_annotators_made_go_into_gold_and_the_rest_stays_open(two_layers, client_for):
    response = merge(
        client_for(two_layers.people.reviewer),
        two_layers.project,
        two_layers.document,
        min_agreeing=2,
    )
    assert response.status_code == 200, response.content
    data = response.json()

    assert data["merged"] == {"added": {"span": 2, "relation": 1, "stance": 1}, "notes": []}
    auto = {"method": "auto", "layers": BOTH}
    assert gold_texts(two_layers) == {"The minister": auto, "the talks had stalled": auto}
    (stance,) = Stance.objects.filter(annotation_set=gold_of(two_layers))
    assert (stance.value, stance.provenance) == ("neutral", auto)
    open_units = [u["unit"]["text"] for u in data["units"] if u["state"] == "open"]
    assert open_units == ["officials"]


def test_at_k_of_one_everything_goes_and_k_above_the_layers_is_refused(two_layers, client_for):
    reviewer = client_for(two_layers.people.reviewer)
    where = (two_layers.project, two_layers.document)
    error = assert_error(merge(reviewer, *where, min_agreeing=3), 400)
    assert "at most 2" in error["message"]
    assert gold_of(two_layers) is None

    assert merge(reviewer, *where, min_agreeing=1).status_code == 200
    assert gold_texts(two_layers)["officials"] == {
        "method": "auto",
        "layers": ["annotator:annotator"],
    }


def test_overlap_matching_merges_spans_that_overlap(people, client_for):
    text = people.documents[0].text
    document = people.documents[0]
    annotated(people, document, people.annotator, spans=[span(text, "CLAIM", "the talks had")])
    annotated(
        people, document, people.other_annotator, spans=[span(text, "CLAIM", "talks had stalled")]
    )
    reviewer = client_for(people.reviewer)

    exact = merge(reviewer, people.project, document, min_agreeing=2)
    assert exact.json()["merged"]["added"] == {}
    overlap = merge(reviewer, people.project, document, min_agreeing=2, matching="overlap").json()
    assert overlap["merged"]["added"] == {"span": 1}
    gold = Span.objects.get(annotation_set__kind="gold", annotation_set__document=document)
    assert gold.text in ("the talks had", "talks had stalled")
    assert gold.provenance == {"method": "auto", "layers": BOTH}


def test_two_values_that_both_reach_k_are_left_to_the_reviewer(people, client_for):
    document = people.documents[0]
    text = document.text

    def layer(person, value):
        annotated(
            people,
            document,
            person,
            spans=[span(text, "CLAIM", "the talks had stalled", "c")],
            stances=[{"holder": None, "object": "c", "value": value}],
        )

    layer(people.annotator, "favor")
    layer(people.other_annotator, "against")

    data = merge(client_for(people.reviewer), people.project, document, min_agreeing=1).json()
    assert data["merged"]["added"] == {"span": 1}
    assert data["merged"]["notes"] == [
        "the layers gave the stance different values",
        "the layers gave the stance different values",
    ]
    assert not Stance.objects.filter(annotation_set__kind="gold").exists()


def test_a_background_merge_goes_through_every_document_ready_to_curate(
    two_layers, client_for, django_capture_on_commit_callbacks
):
    people = two_layers.people
    first = people.documents[0]
    for person in (people.annotator, people.other_annotator):
        annotated(people, first, person, spans=[span(first.text, "SOURCE", "minister")])
    second = people.documents[1]
    for person in (people.annotator, people.other_annotator):
        annotated(people, second, person, spans=[span(second.text, "SOURCE", "officials")])
    document_return(
        project=people.project,
        document_id=second.pk,
        annotator=people.annotator,
        reviewer=people.reviewer,
        text="Not yet.",
    )
    reviewer = client_for(people.reviewer)

    with django_capture_on_commit_callbacks(execute=True):
        started = reviewer.post(
            f"/api/v1/projects/{people.project.pk}/merge-jobs/",
            {"min_agreeing": 2},
            format="json",
        )
    assert started.status_code == 202, started.content
    assert started.json()["documents_total"] == 2  # the returned one is not ready
    job = reviewer.get(f"/api/v1/merge-jobs/{started.json()['id']}/").json()

    assert (job["status"], job["documents_done"], job["progress"]) == ("done", 2, 1.0)
    assert job["notes"][0] == "Merged into 2 documents: 1 relation, 3 spans, 1 stance."
    assert set(gold_texts(two_layers, first)) == {"minister"}
    assert gold_of(two_layers, second) is None
    assert set(gold_texts(two_layers)) == {"The minister", "the talks had stalled"}


def test_a_job_records_what_it_could_not_merge(two_layers):
    people = two_layers.people
    job = MergeJob.objects.create(
        project=people.project, requested_by=people.reviewer, min_agreeing=3
    )
    job = merge_job_run(job.pk)
    assert job.status == "done"
    assert job.notes[0] == (
        "Nothing new to merge: no open unit was made alike by 3 layers or more (units already "
        "in gold or rejected stay as they are)."
    )
    assert "k is at most 2" in job.notes[1]
    assert merge_job_run(job.pk).notes == job.notes  # a finished job is not run again


def test_a_span_accepted_with_new_boundaries_is_not_merged_again_as_the_layers_made_it(
    two_layers, client_for
):
    reviewer = client_for(two_layers.people.reviewer)
    url = f"/api/v1/projects/{two_layers.project.pk}/curation/{two_layers.document.pk}/"
    data = reviewer.get(url).json()
    minister = next(u for u in data["units"] if u["unit"].get("text") == "The minister")
    start = TEXT.index("minister")
    edited = reviewer.post(
        f"{url}accept/",
        {"unit": minister["key"], "version": None, "edit": {"start": start, "end": start + 8}},
        format="json",
    )
    assert edited.status_code == 200, edited.content

    version = edited.json()["gold"]["version"]
    response = merge(
        reviewer, two_layers.project, two_layers.document, min_agreeing=2, version=version
    )
    assert response.status_code == 200, response.content

    assert set(gold_texts(two_layers)) == {"minister", "the talks had stalled"}
    assert gold_texts(two_layers)["minister"] == {"method": "edited", "layers": BOTH}


def test_a_background_merge_refuses_a_k_larger_than_a_job_can_store(two_layers, client_for):
    reviewer = client_for(two_layers.people.reviewer)
    url = f"/api/v1/projects/{two_layers.project.pk}/merge-jobs/"

    error = assert_error(reviewer.post(url, {"min_agreeing": 100_000}, format="json"), 400)

    assert "from 1 to 32767" in error["message"]
    assert not MergeJob.objects.exists()
