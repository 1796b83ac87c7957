"""Time on task: the active seconds a person spent on a set, reported by the workspace
(``js/time_on_task.js``) a few at a time and added to ``AnnotationSet.seconds_spent``.

The browser decides what counts (the tab visible, the person not idle); the server only
keeps a report honest:

- a report adds at most the wall time since the set's previous report (or since the set was
  started, for the first one) plus ``SLACK_SECONDS`` for clocks and network delays; more is
  cut to that, never refused, so a late report is not lost whole;
- people's sets only (annotator and gold sets, written by who may write them: the view
  checks); a model's set has no time on task;
- only while the set is open: once it is submitted, skipped or curated, reports are refused,
  except within ``FINISH_GRACE`` of that step (the seconds just before Submit travel beside
  the submit request and may arrive after it).

One row lock per report: two tabs reporting at once are added one after the other, and the
second is capped by the first one's time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from annotations.models import AnnotationSet, SetKind, SetStatus
from annotations.services.errors import DomainError, SetStateConflict

SLACK_SECONDS = 10
FINISH_GRACE = timedelta(seconds=90)
MAX_REPORT_SECONDS = 3600  # what one report may carry at all (the API refuses more)
FINISHED = (SetStatus.SUBMITTED, SetStatus.SKIPPED, SetStatus.CURATED)


@dataclass(frozen=True)
class TimeRecorded:
    added: int  # the seconds added (the report, or less when it was capped)
    seconds_spent: int  # the set's total after the report


def time_on_task_add(
    *, annotation_set: AnnotationSet, seconds: int, now: datetime | None = None
) -> TimeRecorded:
    """Add ``seconds`` of active time to the set, capped as the module docstring says."""
    if annotation_set.kind == SetKind.MODEL:
        raise DomainError(
            "A model's set has no time on task.", {"set": ["a model's set"]}, code="model_set"
        )
    if not 0 <= seconds <= MAX_REPORT_SECONDS:
        raise DomainError(
            f"seconds must be between 0 and {MAX_REPORT_SECONDS}.",
            {"seconds": [f"between 0 and {MAX_REPORT_SECONDS}"]},
        )
    now = now or timezone.now()
    with transaction.atomic():
        aset = (
            AnnotationSet.objects.select_for_update()
            .only("status", "created_at", "updated_at", "started_at", "time_recorded_at")
            .get(pk=annotation_set.pk)
        )
        if aset.status in FINISHED and aset.updated_at < now - FINISH_GRACE:
            raise SetStateConflict(
                f"This set is {aset.status}: its time on task is closed.", aset.status
            )
        since = aset.time_recorded_at or aset.started_at or aset.created_at
        allowed = max(0, int((now - since).total_seconds()) + SLACK_SECONDS)
        added = min(seconds, allowed)
        # update(), not save(): updated_at stays the time of the last edit or step
        AnnotationSet.objects.filter(pk=aset.pk).update(
            seconds_spent=F("seconds_spent") + added, time_recorded_at=now
        )
        total = AnnotationSet.objects.values_list("seconds_spent", flat=True).get(pk=aset.pk)
    return TimeRecorded(added=added, seconds_spent=total)
