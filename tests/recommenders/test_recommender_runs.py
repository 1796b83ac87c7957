"""A recommender run through the suggester run service (suggester ``recommender``): a good
recommender writes its layer ``model:<name>``; each kind of bad answer fails the run with the
document and the reason, and nothing is written, not even the documents answered well."""

from __future__ import annotations

import pytest

from annotations.models import AnnotationSet, Recommender, Span, Stance, SuggesterRun
from annotations.services.suggester_runs import suggester_run_execute, suggester_run_start
from tests.recommenders import fake_recommender
from tests.recommenders.fake_recommender import BAD_ANSWERS, url_of

pytestmark = pytest.mark.django_db


def configured(people, server, path="/good") -> Recommender:
    return Recommender.objects.create(
        project=people.project,
        name="tagger",
        url=url_of(server, path),
        timeout_seconds=1,
        labels=["CLAIM", "CUE", "SOURCE"],
        relation_types=["CUE_OF"],
        stances=True,
    )


def run_now(people) -> SuggesterRun:
    run = suggester_run_start(
        project=people.project,
        user=people.manager,
        suggester="recommender",
        model_name="tagger",
        queue=False,
    )
    return suggester_run_execute(run.pk)


def layer(people):
    return AnnotationSet.objects.filter(project=people.project, kind="model", model_name="tagger")


def test_a_good_recommender_writes_its_layer_on_every_document(people, recommender_server):
    configured(people, recommender_server)
    run = run_now(people)
    assert run.status == "done", run.error
    assert run.documents_done == run.documents_total == 3
    assert layer(people).count() == 3
    spans = Span.objects.filter(annotation_set__in=layer(people))
    assert run.outcome["spans"] == spans.count() == 12  # a source, two cues, a claim each
    assert run.outcome["relations"] == 6  # two cues per document, each to the claim
    assert run.outcome["stances"] == Stance.objects.filter(annotation_set__in=layer(people)).count()
    assert {s.text for s in spans} == {"The minister", "said", "the talks had stalled"}


@pytest.mark.parametrize(("path", "reason"), sorted(BAD_ANSWERS.items()))
def test_each_bad_answer_fails_the_run_with_its_reason_and_writes_nothing(
    people, recommender_server, path, reason
):
    configured(people, recommender_server, path=path)
    run = run_now(people)
    assert run.status == "failed"
    assert reason in run.error
    assert f"document {people.documents[0].pk}" in run.error
    assert not layer(people).exists()


def test_a_bad_answer_on_the_last_document_writes_nothing_of_the_earlier_ones(
    people, recommender_server, monkeypatch
):
    configured(people, recommender_server)
    last = people.documents[-1]
    good = fake_recommender.good_answer

    def bad_on_the_last(request):
        given = good(request)
        if request["document"]["id"] == last.pk:
            given["spans"].append({"label": "TOPIC", "start": 0, "end": 3})
        return given

    monkeypatch.setattr(fake_recommender, "good_answer", bad_on_the_last)
    run = run_now(people)
    assert run.status == "failed"
    assert f"document {last.pk}" in run.error and "label 'TOPIC' was not asked for" in run.error
    assert len(recommender_server.received) == 3
    assert not layer(people).exists()
