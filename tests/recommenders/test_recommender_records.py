"""``recommender_records``: each document posted to the project's recommender, a good
answer turned into the model's document records (written here through the import's checked
path), a bad exchange refused naming the document and the reason."""

from __future__ import annotations

import pytest

from annotations.models import AnnotationSet, Recommender, SetKind, Span
from annotations.recommender_protocol import PROTOCOL
from annotations.services.errors import DomainError
from annotations.services.imports.service import records_import
from annotations.services.recommender import recommender_records
from tests.recommenders.fake_recommender import BAD_ANSWERS, url_of

pytestmark = pytest.mark.django_db


def configured(people, server, path="/good", **fields) -> Recommender:
    defaults = {
        "labels": ["CLAIM", "CUE", "SOURCE"],
        "relation_types": ["CUE_OF"],
        "stances": True,
        "timeout_seconds": 1,
    }
    return Recommender.objects.create(
        project=people.project, name="tagger", url=url_of(server, path), **{**defaults, **fields}
    )


def test_each_document_is_posted_with_its_text_the_schema_and_what_may_be_proposed(
    people, recommender_server
):
    configured(people, recommender_server, relation_types=[])
    recommender_records(people.project, people.documents, "tagger")
    assert len(recommender_server.received) == 3
    path, request = recommender_server.received[0]
    assert path == "/good"
    assert request["protocol"] == PROTOCOL
    assert request["document"]["id"] == people.documents[0].pk
    assert request["document"]["text"] == people.documents[0].text
    assert request["document"]["outlet"] == people.documents[0].outlet.name
    assert request["labels"] == ["CLAIM", "CUE", "SOURCE"]
    assert request["relation_types"] == []
    assert [label["key"] for label in request["schema"]["span_labels"]][:3] == [
        "CLAIM",
        "SOURCE",
        "CUE",
    ]


def test_a_good_answer_gives_a_model_set_per_document_that_the_import_writes(
    people, recommender_server
):
    configured(people, recommender_server)
    done: list[int] = []
    records = recommender_records(people.project, people.documents, "tagger", done.append)
    assert done == [1, 2, 3]
    assert [r["id"] for r in records] == [d.pk for d in people.documents]
    outcome = records_import(
        project=people.project,
        user=people.manager,
        header=None,
        documents=records,
        may_add_people=False,
    )
    assert outcome.ok, outcome.errors
    sets = AnnotationSet.objects.filter(project=people.project, kind=SetKind.MODEL)
    assert {s.model_name for s in sets} == {"tagger"}
    assert sets.count() == 3
    texts = {s.text for s in Span.objects.filter(annotation_set__in=sets)}
    assert texts == {"the talks had stalled", "said", "The minister"}


def test_labels_left_out_of_the_configuration_are_not_asked_for(people, recommender_server):
    configured(people, recommender_server, labels=["CUE"], relation_types=[], stances=False)
    records = recommender_records(people.project, people.documents[:1], "tagger")
    assert {s["label"] for s in records[0]["sets"][0]["spans"]} == {"CUE"}


@pytest.mark.parametrize(("path", "reason"), sorted(BAD_ANSWERS.items()))
def test_each_bad_answer_is_refused_naming_the_document_and_the_reason(
    people, recommender_server, path, reason
):
    configured(people, recommender_server, path=path)
    first = people.documents[0]
    with pytest.raises(DomainError) as caught:
        recommender_records(people.project, people.documents, "tagger")
    assert reason in caught.value.message
    assert f"document {first.pk}" in caught.value.message
    assert caught.value.details["document"] == first.pk
    assert len(recommender_server.received) == 1  # it stopped at the first document


def test_a_recommender_that_is_not_running_is_reported_as_unreachable(people):
    Recommender.objects.create(project=people.project, name="gone", url="http://127.0.0.1:9/")
    with pytest.raises(DomainError, match="could not connect"):
        recommender_records(people.project, people.documents, "gone")


def test_an_unknown_or_disabled_recommender_is_refused(people, recommender_server):
    configured(people, recommender_server, enabled=False)
    with pytest.raises(DomainError, match="no recommender named 'other'"):
        recommender_records(people.project, people.documents, "other")
    with pytest.raises(DomainError, match="disabled"):
        recommender_records(people.project, people.documents, "tagger")
    assert recommender_server.received == []
