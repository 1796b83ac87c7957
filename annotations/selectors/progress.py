"""A project's progress (``ProgressReport``): its documents x annotators, each cell the
annotator's set on the document; per annotator their counts, time on task and last
activity; the documents ready to curate (``curation_queue.curate_summary``'s count); and
annotator sets submitted per day.

The annotators are the project's members with the annotator role and everyone else who has
an annotator set in it (a manager who annotates, a former member), by username.

Seven queries whatever the size (sets, memberships, each author's last activity, names,
documents, the curation count, submissions per day); the rest is arranged in Python.
``bench/bench_progress.py`` measures it on 2,000 documents x 10 annotators.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Count, Max, QuerySet
from django.db.models.functions import Coalesce, Greatest, TruncDate
from django.utils import timezone

from annotations.models import AnnotationSet, Project, ProjectDocument, Role, SetKind, SetStatus
from annotations.progress_contracts import (
    ProgressAnnotator,
    ProgressCell,
    ProgressDocument,
    ProgressReport,
    ThroughputDay,
)
from annotations.selectors.curation_queue import curate_summary

THROUGHPUT_DAYS = 60  # the chart's span at most: the last days with submissions
NO_SET = "none"  # the state filter's word for a cell without a set
IN_PROGRESS = (SetStatus.IN_PROGRESS, SetStatus.RETURNED)


@dataclass(frozen=True)
class ProgressFilters:
    story: int | None = None
    state: str = ""  # a set status, or NO_SET; "" for every state
    annotator: str = ""  # a username; "" for every annotator


def project_progress_report(project: Project) -> ProgressReport:
    sets = AnnotationSet.objects.filter(project=project, kind=SetKind.ANNOTATOR)
    rows = list(sets.values_list("id", "document_id", "author_id", "status", "seconds_spent"))
    annotators, column = _annotators(project, sets)
    cells: dict[int, list[ProgressCell]] = {}
    for set_id, doc_id, author_id, status, seconds in rows:
        row = cells.setdefault(doc_id, _empty_row(len(annotators)))
        row[column[author_id]] = {"set": set_id, "status": status, "seconds_spent": seconds}
        _count(annotators[column[author_id]], status, seconds)
    documents, stories = _documents(project, cells, len(annotators))
    submitted = (
        sets.filter(status=SetStatus.SUBMITTED, submitted_at__isnull=False)
        .annotate(day=TruncDate("submitted_at", tzinfo=UTC))
        .values_list("day")
        .annotate(n=Count("id"))
    )
    return {
        "annotators_per_document": project.annotators_per_document,
        "annotators": annotators,
        "stories": [{"id": pk, "name": name} for pk, name in sorted(stories.items(), key=_name)],
        "documents": documents,
        "ready_to_curate": curate_summary(project)["ready"],
        "throughput": throughput_by_day(dict(submitted)),
    }


def _annotators(
    project: Project, sets: QuerySet[AnnotationSet]
) -> tuple[list[ProgressAnnotator], dict[int, int]]:
    """The annotators' entries by username, and each one's column by user id."""
    roles = dict(project.memberships.values_list("user_id", "role"))
    active = dict(
        sets.values_list("author_id").annotate(
            last=Max(Greatest("updated_at", Coalesce("time_recorded_at", "updated_at")))
        )
    )
    ids = {pk for pk, role in roles.items() if role == Role.ANNOTATOR} | set(active)
    users = get_user_model().objects.filter(pk__in=ids).order_by("username")
    annotators: list[ProgressAnnotator] = []
    column: dict[int, int] = {}
    for pk, username, first, last in users.values_list("pk", "username", "first_name", "last_name"):
        column[pk] = len(annotators)
        when = active.get(pk)
        annotators.append(
            {
                "username": username,
                "name": f"{first} {last}".strip() or username,
                "role": roles.get(pk, ""),
                "assigned": 0,
                "in_progress": 0,
                "submitted": 0,
                "skipped": 0,
                "seconds_spent": 0,
                "last_active": when.isoformat() if when else None,
            }
        )
    return annotators, column


def _empty_row(width: int) -> list[ProgressCell]:
    return [{"set": None, "status": NO_SET, "seconds_spent": 0} for _ in range(width)]


def _name(item: tuple[int, str]) -> str:
    return item[1].casefold()


def _count(annotator: ProgressAnnotator, status: str, seconds: int) -> None:
    key = "in_progress" if status in IN_PROGRESS else status
    if key in ("assigned", "in_progress", "submitted", "skipped"):
        annotator[key] += 1  # type: ignore[literal-required]
    annotator["seconds_spent"] += seconds


def _documents(
    project: Project, cells: dict[int, list[ProgressCell]], width: int
) -> tuple[list[ProgressDocument], dict[int, str]]:
    rows = (
        ProjectDocument.objects.filter(project=project)
        .order_by("position", "id")
        .values_list(
            "document_id",
            "position",
            "document__title",
            "document__outlet__name",
            "document__story_id",
            "document__story__name",
            "review_status",
        )
    )
    documents: list[ProgressDocument] = []
    stories: dict[int, str] = {}
    for doc_id, position, title, outlet, story, story_name, review in rows:
        if story is not None:
            stories[story] = story_name
        documents.append(
            {
                "id": doc_id,
                "position": position,
                "title": title,
                "outlet": outlet,
                "story": story,
                "review_status": review,
                "cells": cells.get(doc_id) or _empty_row(width),
            }
        )
    return documents, stories


def throughput_by_day(days: dict[date, int], today: date | None = None) -> list[ThroughputDay]:
    """Sets submitted per day (``days``: UTC day -> count), every day from the first
    submission (at most ``THROUGHPUT_DAYS`` ago) to today, days without submissions as 0."""
    if not days:
        return []
    today = today or timezone.now().astimezone(UTC).date()
    first = max(min(days), today - timedelta(days=THROUGHPUT_DAYS - 1))
    last = max(today, max(days))
    span = (last - first).days + 1
    return [
        {"day": day.isoformat(), "submitted": days.get(day, 0)}
        for day in (first + timedelta(days=i) for i in range(span))
    ]


def progress_filtered(report: ProgressReport, filters: ProgressFilters) -> ProgressReport:
    """The report narrowed to a story, an annotator's column and documents with a cell in a
    state (in that annotator's column, or in any column). The page filters the same way."""
    annotators = report["annotators"]
    keep = [
        i
        for i, person in enumerate(annotators)
        if not filters.annotator or person["username"] == filters.annotator
    ]
    documents: list[ProgressDocument] = []
    for doc in report["documents"]:
        if filters.story is not None and doc["story"] != filters.story:
            continue
        cells = [doc["cells"][i] for i in keep]
        if filters.state and not any(cell["status"] == filters.state for cell in cells):
            continue
        documents.append({**doc, "cells": cells})
    return {**report, "annotators": [annotators[i] for i in keep], "documents": documents}


CSV_HEADER = [
    "position",
    "document_id",
    "title",
    "outlet",
    "story_id",
    "annotator",
    "state",
    "set_id",
    "seconds_spent",
]


def progress_csv_rows(report: ProgressReport) -> list[list[Any]]:
    """One row per document x annotator (``CSV_HEADER``); a cell without a set is "none"."""
    rows: list[list[Any]] = [CSV_HEADER]
    people = [person["username"] for person in report["annotators"]]
    for doc in report["documents"]:
        head = [doc["position"], doc["id"], doc["title"], doc["outlet"] or "", doc["story"] or ""]
        for username, cell in zip(people, doc["cells"], strict=True):
            rows.append([*head, username, cell["status"], cell["set"], cell["seconds_spent"]])
    return rows
