"""The curate queue's disagreement scores are kept (in the cache, per project and document)
while a document's layers stay as they were: paging, filtering, gold writes or coming back
from a document score nothing again; a change to a document's submitted annotator sets, or
to the spans its links point at, scores that document again, and only it."""

from __future__ import annotations

import pytest
from django.core.cache import caches

from annotations.models import AnnotationSet, Span
from annotations.selectors import curation_queue
from annotations.services.annotation_sets import annotation_set_submit
from annotations.services.review_states import document_return
from annotations.services.set_write import annotation_set_write
from tests.curation.conftest import TEXT, annotated, span


@pytest.fixture(autouse=True)
def empty_cache(db):  # noqa: ANN001 (the cache is a table)
    caches["computed"].clear()
    yield
    caches["computed"].clear()


@pytest.fixture
def scored(monkeypatch):
    """The documents each scoring computed, in order."""
    calls: list[list[int]] = []
    compute = curation_queue.documents_disagreement_computed

    def counted(project, document_ids):  # noqa: ANN001, ANN202
        calls.append(list(document_ids))
        return compute(project, document_ids)

    monkeypatch.setattr(curation_queue, "documents_disagreement_computed", counted)
    return calls


def disagreement(client, project) -> float:  # noqa: ANN001
    response = client.get(f"/api/v1/projects/{project.pk}/curation/", {"order": "disagreement"})
    assert response.status_code == 200, response.content
    (row,) = response.json()["results"]
    return row["disagreement"]


def test_a_second_look_and_the_reviewers_gold_writes_do_not_score_again(
    two_layers, client_for, scored
):
    reviewer = client_for(two_layers.people.reviewer)
    assert disagreement(reviewer, two_layers.project) == 0.4
    assert disagreement(reviewer, two_layers.project) == 0.4
    merged = reviewer.post(
        f"/api/v1/projects/{two_layers.project.pk}/curation/{two_layers.document.pk}/merge/",
        {"min_agreeing": 2},
        format="json",
    )
    assert merged.status_code == 200, merged.content
    assert disagreement(reviewer, two_layers.project) == 0.4
    assert scored == [[two_layers.document.pk]]


def test_an_annotator_changing_their_set_has_the_document_scored_again(
    two_layers, client_for, scored
):
    people = two_layers.people
    reviewer = client_for(people.reviewer)
    assert disagreement(reviewer, two_layers.project) == 0.4
    document_return(
        project=people.project,
        document_id=two_layers.document.pk,
        annotator=people.annotator,
        reviewer=people.reviewer,
        text="Only the claim and the minister, please, as indirect speech.",
    )
    first = two_layers.first
    first.refresh_from_db()
    same_as_second = {
        "spans": [
            span(TEXT, "CLAIM", "the talks had stalled", "c", quote_type="indirect"),
            span(TEXT, "SOURCE", "The minister", "m"),
        ],
        "relations": [{"type": "ATTRIBUTED_TO", "source": "c", "target": "m"}],
        "stances": [{"holder": None, "object": "c", "value": "neutral"}],
    }
    annotation_set_write(annotation_set=first, data={"version": first.version, **same_as_second})
    first.refresh_from_db()
    annotation_set_submit(annotation_set=first)

    assert disagreement(reviewer, two_layers.project) == 0.0
    assert scored == [[two_layers.document.pk], [two_layers.document.pk]]


def test_only_the_documents_whose_layers_changed_are_scored_again(people, client_for, scored):
    """A's annotators link its claim to their claims in B; C is elsewhere in the queue."""
    a, b, c = people.documents
    claim_in_b = {}
    for person in (people.annotator, people.other_annotator):
        in_b = annotated(people, b, person, spans=[span(b.text, "CLAIM", "the talks had stalled")])
        claim_in_b[person.username] = Span.objects.get(annotation_set=in_b).pk
        annotated(people, c, person, spans=[span(c.text, "SOURCE", "officials")])
    for person, linked in ((people.annotator, True), (people.other_annotator, False)):
        link = [{"type": "SAME_CLAIM", "source": "c", "target": claim_in_b[person.username]}]
        annotated(
            people,
            a,
            person,
            spans=[span(a.text, "CLAIM", "the talks had stalled", "c")],
            relations=link if linked else [],
        )
    reviewer = client_for(people.reviewer)
    first = rows(reviewer, people.project)
    assert first[a.pk] == 0.5  # the claim alike, the link made by one
    assert sorted(scored[0]) == sorted([a.pk, b.pk, c.pk])

    document_return(
        project=people.project,
        document_id=c.pk,
        annotator=people.annotator,
        reviewer=people.reviewer,
        text="And the minister?",
    )
    rows(reviewer, people.project)
    assert scored[1] == [c.pk]  # A and B were kept

    in_b = AnnotationSet.objects.get(document=b, author=people.annotator)
    annotation_set_write(  # the span A's link points at moves: A is scored again
        annotation_set=in_b,
        data={
            "version": in_b.version,
            "spans": [{"id": claim_in_b["annotator"], **span(b.text, "CLAIM", "the talks")}],
        },
    )
    rows(reviewer, people.project)
    assert sorted(scored[2]) == sorted([a.pk, b.pk])


def rows(client, project) -> dict[int, float | None]:  # noqa: ANN001
    response = client.get(f"/api/v1/projects/{project.pk}/curation/", {"order": "disagreement"})
    assert response.status_code == 200, response.content
    return {row["id"]: row["disagreement"] for row in response.json()["results"]}
