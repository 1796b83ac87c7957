"""The shapes of a project's progress report and of a time-on-task report, declared once as
``TypedDict``s (``annotations/api/openapi.py`` makes them OpenAPI components)."""

from __future__ import annotations

from typing import TypedDict


class TimeReported(TypedDict):
    added: int  # seconds added by this report (fewer than sent when capped)
    seconds_spent: int  # the set's total time on task


class ProgressAnnotator(TypedDict):
    username: str
    name: str  # the display name, or the username
    role: str  # the membership's role ("" for a former member who still has sets)
    assigned: int  # sets not yet started
    in_progress: int  # in progress or returned
    submitted: int
    skipped: int
    seconds_spent: int  # time on task over all their sets
    last_active: str | None  # ISO time of their last edit or report


class ProgressCell(TypedDict):
    set: int | None  # None when the annotator has no set on the document
    status: str  # assigned, in_progress, submitted, skipped, returned; "none": no set
    seconds_spent: int


class ProgressDocument(TypedDict):
    id: int
    position: int
    title: str
    outlet: str | None
    story: int | None
    review_status: str  # unreviewed, in_review, curated, returned
    cells: list[ProgressCell]  # one per annotator, in ``annotators`` order


class ProgressStory(TypedDict):
    id: int
    name: str


class ThroughputDay(TypedDict):
    day: str  # YYYY-MM-DD (UTC)
    submitted: int  # annotator sets submitted that day


class ProgressReport(TypedDict):
    """A project's documents x annotators: each cell the annotator's set on the document
    (status "none" where there is none); the documents ready to curate; submitted sets per day."""

    annotators_per_document: int
    annotators: list[ProgressAnnotator]
    stories: list[ProgressStory]
    documents: list[ProgressDocument]
    ready_to_curate: int
    throughput: list[ThroughputDay]
