"""Reads of suggester runs (``annotations/models/suggesters.py``)."""

from __future__ import annotations

from annotations.models import Project, SuggesterRun

RECENT_RUNS = 50


def suggester_runs_recent(project: Project, limit: int = RECENT_RUNS) -> list[SuggesterRun]:
    """The project's runs, newest first."""
    return list(
        SuggesterRun.objects.filter(project=project)
        .select_related("story", "requested_by")
        .order_by("-id")[:limit]
    )


def suggester_run_get(project: Project, run_id: int) -> SuggesterRun | None:
    return (
        SuggesterRun.objects.filter(project=project, pk=run_id)
        .select_related("story", "requested_by")
        .first()
    )
