"""The progress page of a project (managers and reviewers): the page is a shell; its script
reads ``GET /api/v1/projects/{id}/progress/`` and draws the matrix, the annotators' figures
and the throughput chart (``js/progress.js``)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from annotations.permissions import PROGRESS_REFUSAL, can_see_progress
from frontend.access import project_page


@login_required
def project_progress(request: HttpRequest, project_id: int) -> HttpResponse:
    project, role = project_page(request, project_id, can_see_progress, PROGRESS_REFUSAL)
    return render(request, "frontend/progress.html", {"project": project, "role": role})
