"""The curate queue's disagreement scores are kept (in the cache, per project) while the
project's annotator sets stay as they were: paging, filtering or coming back from a document
does not score every document again; any change to an annotator's set does."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from annotations.selectors import curation_queue
from annotations.services.annotation_sets import annotation_set_submit
from annotations.services.review_states import document_return
from annotations.services.set_write import annotation_set_write
from tests.curation.conftest import TEXT, span


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


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
