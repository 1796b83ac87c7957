"""The people of a project and what each has done: role, sets by status, time on task, the
median per submitted document, last active; in a fixed number of queries."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from annotations.models import AnnotationSet, Membership, Role, SetKind, SetStatus
from annotations.selectors.people import project_people
from annotations.services.projects import membership_remove
from tests.factories import DocumentFactory, UserFactory

pytestmark = pytest.mark.django_db


def work(people, author, status: str, seconds: int, document=None) -> AnnotationSet:  # noqa: ANN001
    return AnnotationSet.objects.create(
        project=people.project,
        document=document or DocumentFactory(story=people.story),
        kind=SetKind.ANNOTATOR,
        author=author,
        status=status,
        seconds_spent=seconds,
    )


def by_username(rows: list) -> dict:
    return {row["username"]: row for row in rows}


@pytest.fixture
def worked(people):  # noqa: ANN001, ANN201
    """The annotator submitted three documents (60, 120 and 600 s), skipped one, has one
    started and one opened; the other annotator has done nothing."""
    for seconds in (60, 120, 600):
        work(people, people.annotator, SetStatus.SUBMITTED, seconds)
    work(people, people.annotator, SetStatus.SKIPPED, 5)
    work(people, people.annotator, SetStatus.IN_PROGRESS, 30)
    work(people, people.annotator, SetStatus.ASSIGNED, 0)
    return people


def test_each_member_has_a_row_with_their_role(worked):
    rows = by_username(project_people(worked.project))
    assert {name: row["role"] for name, row in rows.items()} == {
        "annotator": "annotator",
        "manager": "manager",
        "other_annotator": "annotator",
        "reviewer": "reviewer",
    }


def test_an_annotators_sets_are_counted_by_status_with_their_time(worked):
    row = by_username(project_people(worked.project))["annotator"]
    assert (row["assigned"], row["in_progress"], row["submitted"], row["skipped"]) == (1, 1, 3, 1)
    assert row["seconds_spent"] == 60 + 120 + 600 + 5 + 30
    assert row["median_seconds"] == 120
    assert row["last_active"] is not None


def test_someone_who_did_nothing_has_zeros_no_median_and_was_never_active(worked):
    row = by_username(project_people(worked.project))["other_annotator"]
    assert (row["assigned"], row["submitted"], row["seconds_spent"]) == (0, 0, 0)
    assert row["median_seconds"] is None
    assert row["last_active"] is None


def test_last_active_is_the_latest_change_to_any_of_their_sets(worked):
    latest = timezone.now() + timedelta(hours=1)
    AnnotationSet.objects.filter(author=worked.annotator).update(
        updated_at=latest - timedelta(days=1)
    )
    AnnotationSet.objects.filter(author=worked.annotator, status=SetStatus.SKIPPED).update(
        updated_at=latest
    )
    assert by_username(project_people(worked.project))["annotator"]["last_active"] == latest


def test_a_removed_member_stays_listed_as_a_former_member_with_their_work(worked):
    membership_remove(project=worked.project, user=worked.annotator)
    rows = project_people(worked.project)
    assert rows[-1]["username"] == "annotator"
    assert rows[-1]["role"] is None
    assert rows[-1]["submitted"] == 3


def test_the_figures_take_three_queries_however_many_people_and_sets(
    worked, django_assert_max_num_queries
):
    for i in range(5):
        user = UserFactory(username=f"extra{i}")
        Membership.objects.create(project=worked.project, user=user, role=Role.ANNOTATOR)
        work(worked, user, SetStatus.SUBMITTED, 10 * i)
    membership_remove(project=worked.project, user=worked.annotator)
    with django_assert_max_num_queries(3):
        rows = project_people(worked.project)
    assert len(rows) == 9


def test_managers_read_the_figures_with_addresses_reviewers_without(client_for, worked):
    worked.annotator.email = "annotator@example.org"
    worked.annotator.save()
    url = f"/api/v1/projects/{worked.project.pk}/people/"
    as_manager = by_username(client_for(worked.manager).get(url).json())
    as_reviewer = by_username(client_for(worked.reviewer).get(url).json())
    assert as_manager["annotator"]["email"] == "annotator@example.org"
    assert as_reviewer["annotator"]["email"] == ""
    assert as_reviewer["annotator"]["submitted"] == 3


def test_annotators_are_refused_the_figures_with_the_reason(client_for, worked):
    response = client_for(worked.annotator).get(f"/api/v1/projects/{worked.project.pk}/people/")
    assert response.status_code == 403
    assert "managers and reviewers" in response.json()["error"]["message"]


def test_someone_invited_who_has_not_chosen_a_password_is_marked_pending(worked):
    worked.other_annotator.set_unusable_password()
    worked.other_annotator.save()
    rows = by_username(project_people(worked.project))
    assert rows["other_annotator"]["invitation_pending"] is True
    assert rows["annotator"]["invitation_pending"] is False
