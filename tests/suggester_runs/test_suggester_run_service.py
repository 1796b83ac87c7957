"""Suggesters run as background jobs (annotations/services/suggester_runs.py): checked when
started, all or nothing when run, a layer never written twice unless replaced."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from annotations.models import (
    AnnotationSet,
    Recommender,
    Relation,
    Span,
    SuggesterRun,
    SuggestionDecision,
)
from annotations.services import attribution_layer
from annotations.services.errors import DomainError, ProjectArchived
from annotations.services.project_archive import project_archive
from annotations.services.suggester_runs import (
    LayerExists,
    suggester_run_execute,
    suggester_run_start,
)

pytestmark = pytest.mark.django_db


def run_now(seed, people, suggester: str, **options) -> SuggesterRun:
    run = suggester_run_start(
        project=seed.project, user=people.manager, suggester=suggester, queue=False, **options
    )
    return suggester_run_execute(run.pk)


def model_sets(seed, name: str):
    return AnnotationSet.objects.filter(project=seed.project, kind="model", model_name=name)


def test_the_quote_aligner_writes_its_layer_and_the_run_says_what_it_wrote(seed, people):
    run = run_now(seed, people, "quote-aligner", story=seed.story)
    assert run.status == "done", run.error
    assert run.documents_done == run.documents_total == 5
    sets = model_sets(seed, "quote-aligner")
    assert run.outcome == {
        "sets": sets.count(),
        "spans": Span.objects.filter(annotation_set__in=sets).count(),
        "relations": Relation.objects.filter(annotation_set__in=sets).count(),
        "stances": 0,
    }
    assert run.outcome["sets"] >= 2  # Axios and Al Mayadeen at least


def test_the_attribution_suggester_covers_every_document_of_the_project(seed, people):
    run = run_now(seed, people, "attribution", model_name="rules-v1")
    assert run.status == "done", run.error
    assert run.story is None
    assert run.outcome["sets"] == 5
    assert (
        run.outcome["spans"]
        == Span.objects.filter(annotation_set__in=model_sets(seed, "rules-v1")).count()
    )


def test_a_document_that_fails_the_checks_fails_the_run_and_nothing_is_written(
    seed, people, monkeypatch
):
    real = attribution_layer.attribution_set

    def one_bad_span(suggestions, model_name):
        layer = real(suggestions, model_name)
        if len(layer["spans"]) > 20:  # one of the longer articles
            layer["spans"][0]["text"] = "not the text at these offsets"
        return layer

    monkeypatch.setattr(attribution_layer, "attribution_set", one_bad_span)
    run = run_now(seed, people, "attribution")
    assert run.status == "failed"
    assert "nothing was written" in run.error
    assert run.outcome["errors"]
    assert not model_sets(seed, "attribution").exists()


def test_a_suggester_that_breaks_halfway_fails_the_run_with_the_reason(seed, people, monkeypatch):
    calls = []

    def breaks_on_the_third(text):
        calls.append(text)
        if len(calls) == 3:
            raise ValueError("the third document broke it")
        return real(text)

    real = attribution_layer.suggest_attributions
    monkeypatch.setattr(attribution_layer, "suggest_attributions", breaks_on_the_third)
    run = run_now(seed, people, "attribution")
    assert run.status == "failed"
    assert run.error == "ValueError: the third document broke it"
    assert run.documents_done == 2
    assert not AnnotationSet.objects.filter(project=seed.project, kind="model").exists()


def test_a_second_run_for_the_same_layer_is_refused_with_the_count(seed, people):
    run_now(seed, people, "quote-aligner", story=seed.story)
    with pytest.raises(LayerExists) as refused:
        suggester_run_start(
            project=seed.project, user=people.manager, suggester="quote-aligner", story=seed.story
        )
    written = model_sets(seed, "quote-aligner").count()
    assert refused.value.sets == written
    assert f"{written} sets" in refused.value.message
    assert SuggesterRun.objects.count() == 1


def test_replace_deletes_the_earlier_layer_and_its_decisions_in_the_same_write(seed, people):
    run_now(seed, people, "quote-aligner", story=seed.story)
    first = set(model_sets(seed, "quote-aligner").values_list("pk", flat=True))
    span = Span.objects.filter(annotation_set_id__in=first).first()
    SuggestionDecision.objects.create(
        suggestion=span, annotation_set=span.annotation_set, decision="rejected"
    )
    run = run_now(seed, people, "quote-aligner", story=seed.story, replace=True)
    assert run.status == "done", run.error
    now = set(model_sets(seed, "quote-aligner").values_list("pk", flat=True))
    assert len(now) == len(first) and not now & first
    assert not SuggestionDecision.objects.exists()


def test_a_layer_written_between_start_and_run_fails_the_run(seed, people):
    queued = suggester_run_start(
        project=seed.project, user=people.manager, suggester="attribution", queue=False
    )
    run_now(seed, people, "attribution")
    run = suggester_run_execute(queued.pk)
    assert run.status == "failed"
    assert "already has 5 sets" in run.error


def test_an_archived_project_is_refused_and_gets_no_run(seed, people):
    project_archive(project=seed.project)
    with pytest.raises(ProjectArchived):
        suggester_run_start(project=seed.project, user=people.manager, suggester="attribution")
    assert not SuggesterRun.objects.exists()


def test_a_project_archived_while_the_run_waits_fails_it(seed, people):
    run = suggester_run_start(
        project=seed.project, user=people.manager, suggester="attribution", queue=False
    )
    project_archive(project=seed.project)
    run = suggester_run_execute(run.pk)
    assert run.status == "failed"
    assert "archived" in run.error
    assert not AnnotationSet.objects.filter(project=seed.project, kind="model").exists()


def test_only_managers_start_runs(seed, people):
    for user in (people.reviewer, people.annotator, people.outsider):
        with pytest.raises(PermissionDenied):
            suggester_run_start(project=seed.project, user=user, suggester="attribution")


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"suggester": "oracle"}, "suggester"),
        ({"suggester": "quote-aligner"}, "story"),
        ({"suggester": "attribution", "model_name": "Not A Slug"}, "model_name"),
        ({"suggester": "recommender"}, "model_name"),
        ({"suggester": "recommender", "model_name": "nobody"}, "model_name"),
    ],
)
def test_bad_requests_name_the_field(seed, people, options, field):
    with pytest.raises(DomainError) as refused:
        suggester_run_start(project=seed.project, user=people.manager, **options)
    assert field in refused.value.details


def test_a_story_the_project_does_not_hold_is_refused(seed, people):
    from tests.factories import StoryFactory

    with pytest.raises(DomainError) as refused:
        suggester_run_start(
            project=seed.project,
            user=people.manager,
            suggester="quote-aligner",
            story=StoryFactory(),
        )
    assert "story" in refused.value.details


def test_a_run_is_queued_for_the_worker_once_the_transaction_commits(
    seed, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        run = suggester_run_start(
            project=seed.project, user=people.manager, suggester="attribution"
        )
    run.refresh_from_db()
    assert run.status == "done"  # the tests' task backend runs it at once
    assert model_sets(seed, "attribution").count() == 5


def test_a_disabled_recommender_is_refused_before_it_is_queued(seed, people):
    Recommender.objects.create(
        project=seed.project, name="tagger", url="http://127.0.0.1:9/", enabled=False
    )
    with pytest.raises(DomainError, match="disabled") as refused:
        suggester_run_start(
            project=seed.project, user=people.manager, suggester="recommender", model_name="tagger"
        )
    assert "model_name" in refused.value.details
    assert not SuggesterRun.objects.exists()
