"""The people of a project and what each has done there, for the people page and its API.

A row per member (by username), then a row per former member whose sets stay in the
project (role ``None``). The figures count the person's annotator sets by status:
``assigned`` (opened, not started), ``in_progress`` (started or returned by a reviewer),
``submitted``, ``skipped``; ``seconds_spent`` is the sum of the active time recorded on all
their sets in the project, ``median_seconds`` the median over their submitted sets (None
before the first), ``last_active`` the latest change to any of their sets. Three queries
at most, whatever the number of people or sets.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypedDict

from django.contrib.auth import get_user_model
from django.db.models import Aggregate, Count, FloatField, Max, Q, Sum

from annotations.models import AnnotationSet, Project, SetKind, SetStatus


class PersonRow(TypedDict):
    username: str
    name: str
    email: str
    role: str | None
    invitation_pending: bool  # invited, no password chosen yet
    assigned: int
    in_progress: int
    submitted: int
    skipped: int
    seconds_spent: int
    median_seconds: int | None
    last_active: datetime | None


class Median(Aggregate):
    """PostgreSQL's continuous median of a column."""

    function = "percentile_cont"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


def _figures(project: Project) -> dict[int, dict[str, Any]]:
    mine = Q(kind=SetKind.ANNOTATOR)
    rows = (
        AnnotationSet.objects.filter(project=project, author__isnull=False)
        .values("author_id")
        .annotate(
            assigned=Count("id", filter=mine & Q(status=SetStatus.ASSIGNED)),
            in_progress=Count(
                "id", filter=mine & Q(status__in=[SetStatus.IN_PROGRESS, SetStatus.RETURNED])
            ),
            submitted=Count("id", filter=mine & Q(status=SetStatus.SUBMITTED)),
            skipped=Count("id", filter=mine & Q(status=SetStatus.SKIPPED)),
            total_seconds=Sum("seconds_spent"),
            median=Median("seconds_spent", filter=mine & Q(status=SetStatus.SUBMITTED)),
            latest=Max("updated_at"),
        )
        .order_by()
    )
    return {row.pop("author_id"): row for row in rows}


def _row(user: Any, role: str | None, figures: dict[str, Any] | None) -> PersonRow:
    figures = figures or {}
    median = figures.get("median")
    return PersonRow(
        username=user.username,
        name=user.get_full_name(),
        email=user.email,
        role=role,
        invitation_pending=not user.has_usable_password(),
        assigned=figures.get("assigned", 0),
        in_progress=figures.get("in_progress", 0),
        submitted=figures.get("submitted", 0),
        skipped=figures.get("skipped", 0),
        seconds_spent=figures.get("total_seconds") or 0,
        median_seconds=None if median is None else round(median),
        last_active=figures.get("latest"),
    )


def project_people(project: Project) -> list[PersonRow]:
    """Members (by username), then former members who left sets behind (by username)."""
    figures = _figures(project)
    members = project.memberships.select_related("user").order_by("user__username")
    rows = [_row(m.user, m.role, figures.get(m.user_id)) for m in members]
    left = set(figures) - {m.user_id for m in members}
    if left:
        former = get_user_model().objects.filter(pk__in=left).order_by("username")
        rows += [_row(user, None, figures[user.pk]) for user in former]
    return rows
