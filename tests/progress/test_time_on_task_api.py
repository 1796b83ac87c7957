"""``POST /api/v1/sets/{id}/time/``: time on task added to a set, capped by the wall time
since the last report, for the set's writer only, closed once the set is finished (the
permission matrix has the route's Case)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from annotations.models import AnnotationSet, SetStatus
from annotations.services.annotation_sets import annotation_set_open, annotation_set_submit
from annotations.services.project_archive import project_archive
from annotations.services.time_on_task import FINISH_GRACE, SLACK_SECONDS
from tests.annotations.conftest import assert_error

pytestmark = pytest.mark.django_db


@pytest.fixture
def aset(people):
    opened, _ = annotation_set_open(
        project=people.project, document=people.documents[0], author=people.annotator
    )
    return opened


def started_ago(aset: AnnotationSet, seconds: int) -> None:
    """The set as if it had been started ``seconds`` ago, with no time reported yet."""
    started = timezone.now() - timedelta(seconds=seconds)
    AnnotationSet.objects.filter(pk=aset.pk).update(started_at=started, time_recorded_at=None)


def report(client, aset: AnnotationSet, seconds: object):  # noqa: ANN001, ANN201
    return client.post(f"/api/v1/sets/{aset.pk}/time/", {"seconds": seconds}, format="json")


def test_the_owner_adds_seconds_and_reads_the_total(people, aset, client_for):
    started_ago(aset, 300)
    owner = client_for(people.annotator)
    first = report(owner, aset, 30)
    assert first.status_code == 200, first.content
    assert first.json() == {"added": 30, "seconds_spent": 30}
    AnnotationSet.objects.filter(pk=aset.pk).update(
        time_recorded_at=timezone.now() - timedelta(seconds=60)
    )
    assert report(owner, aset, 25).json() == {"added": 25, "seconds_spent": 55}
    aset.refresh_from_db()
    assert aset.seconds_spent == 55 and aset.time_recorded_at is not None


def test_a_report_is_cut_to_the_wall_time_since_the_last_one_plus_slack(people, aset, client_for):
    started_ago(aset, 20)
    owner = client_for(people.annotator)
    answer = report(owner, aset, 600).json()
    # 20 s since the set was started, plus the slack; a second too many is never added
    assert 20 + SLACK_SECONDS <= answer["added"] <= 21 + SLACK_SECONDS
    again = report(owner, aset, 600).json()  # straight after: only the slack is left
    assert again["added"] <= SLACK_SECONDS + 1
    assert again["seconds_spent"] == answer["added"] + again["added"]


def test_a_report_does_not_change_when_the_set_was_last_edited(people, aset, client_for):
    started_ago(aset, 100)
    before = AnnotationSet.objects.get(pk=aset.pk).updated_at
    report(client_for(people.annotator), aset, 30)
    assert AnnotationSet.objects.get(pk=aset.pk).updated_at == before


def test_another_annotator_is_not_told_the_set_exists_and_a_reviewer_may_not_report(
    people, aset, client_for
):
    assert_error(report(client_for(people.other_annotator), aset, 5), 404)
    assert_error(report(client_for(people.reviewer), aset, 5), 403)
    assert AnnotationSet.objects.get(pk=aset.pk).seconds_spent == 0


def test_a_submitted_set_takes_no_more_time_after_the_grace(people, aset, client_for):
    started_ago(aset, 600)
    annotation_set_submit(annotation_set=AnnotationSet.objects.get(pk=aset.pk))
    owner = client_for(people.annotator)
    # the seconds just before Submit may arrive after it
    assert report(owner, aset, 12).json()["added"] == 12
    finished = timezone.now() - FINISH_GRACE - timedelta(seconds=1)
    AnnotationSet.objects.filter(pk=aset.pk).update(updated_at=finished)
    body = assert_error(report(owner, aset, 12), 409)
    assert "submitted" in body["message"]
    assert AnnotationSet.objects.get(pk=aset.pk).seconds_spent == 12


def test_a_returned_set_is_open_again(people, aset, client_for):
    started_ago(aset, 600)
    long_ago = timezone.now() - timedelta(days=2)
    AnnotationSet.objects.filter(pk=aset.pk).update(status=SetStatus.RETURNED, updated_at=long_ago)
    assert report(client_for(people.annotator), aset, 40).json()["added"] == 40


@pytest.mark.parametrize("seconds", [-1, 3601, "ten", None, 1.5])
def test_seconds_that_are_not_a_whole_number_up_to_an_hour_are_refused(
    people, aset, client_for, seconds
):
    body = assert_error(report(client_for(people.annotator), aset, seconds), 400)
    assert "seconds" in body["details"]


def test_an_archived_project_takes_no_time_and_its_progress_still_reads(people, aset, client_for):
    started_ago(aset, 600)
    project_archive(project=people.project)
    assert_error(report(client_for(people.annotator), aset, 30), 409)
    assert AnnotationSet.objects.get(pk=aset.pk).seconds_spent == 0
    progress = client_for(people.manager).get(f"/api/v1/projects/{people.project.pk}/progress/")
    assert progress.status_code == 200
