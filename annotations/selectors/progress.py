"""A project's progress (``ProgressReport``): its documents x annotators, each cell the
annotator's set on the document; per annotator their counts, time on task and last
activity; the documents ready to curate (``curation_queue.curate_summary``'s count); and
annotator sets submitted per day.

The annotators are the project's members with the annotator role and everyone else who has
an annotator set in it (a manager who annotates, a former member), by username.

Four queries whatever the size (memberships, documents, sets, the curation count); the rest
is arranged in Python. ``bench/progress_report.py`` measures it on 2,000 documents x 10
annotators.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

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
    members = dict(
        project.memberships.values_list("user__username", "role").order_by("user__username")
    )
    sets = list(
        AnnotationSet.objects.filter(project=project, kind=SetKind.ANNOTATOR).values_list(
            "id",
            "document_id",
            "author__username",
            "author__first_name",
            "author__last_name",
            "status",
            "seconds_spent",
            "submitted_at",
            "updated_at",
            "time_recorded_at",
        )
    )
    names = {row[2]: f"{row[3]} {row[4]}".strip() for row in sets}
    usernames = sorted(
        {name for name, role in members.items() if role == Role.ANNOTATOR} | set(names)
    )
    column = {username: i for i, username in enumerate(usernames)}
    annotators = [_annotator(u, members.get(u, ""), names.get(u, "")) for u in usernames]
    cells: dict[int, list[ProgressCell]] = {}
    for set_id, doc_id, author, _, _, status, seconds, _, updated, recorded in sets:
        row = cells.setdefault(doc_id, _empty_row(len(usernames)))
        row[column[author]] = {"set": set_id, "status": status, "seconds_spent": seconds}
        _count(annotators[column[author]], status, seconds, max(updated, recorded or updated))
    documents, stories = _documents(project, cells, len(usernames))
    return {
        "annotators_per_document": project.annotators_per_document,
        "annotators": annotators,
        "stories": [{"id": pk, "name": name} for pk, name in sorted(stories.items(), key=_name)],
        "documents": documents,
        "ready_to_curate": curate_summary(project)["ready"],
        "throughput": throughput_by_day([row[7] for row in sets if row[5] == SetStatus.SUBMITTED]),
    }


def _empty_row(width: int) -> list[ProgressCell]:
    return [{"set": None, "status": NO_SET, "seconds_spent": 0} for _ in range(width)]


def _name(item: tuple[int, str]) -> str:
    return item[1].casefold()


def _annotator(username: str, role: str, name: str) -> ProgressAnnotator:
    return {
        "username": username,
        "name": name or username,
        "role": role,
        "assigned": 0,
        "in_progress": 0,
        "submitted": 0,
        "skipped": 0,
        "seconds_spent": 0,
        "last_active": None,
    }


def _count(annotator: dict[str, Any], status: str, seconds: int, active: datetime) -> None:
    key = "in_progress" if status in IN_PROGRESS else status
    if key in annotator:
        annotator[key] += 1
    annotator["seconds_spent"] += seconds
    stamp = active.isoformat()
    if annotator["last_active"] is None or stamp > annotator["last_active"]:
        annotator["last_active"] = stamp


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


def throughput_by_day(
    submitted: list[datetime | None], today: date | None = None
) -> list[ThroughputDay]:
    """Sets submitted per day (UTC), every day from the first submission (at most
    ``THROUGHPUT_DAYS`` ago) to today, days without submissions included as 0."""
    days = Counter(moment.astimezone(UTC).date() for moment in submitted if moment)
    if not days:
        return []
    today = today or timezone.now().date()
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
