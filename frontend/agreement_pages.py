"""The agreement page of a project (managers and reviewers): the page is a shell; its script
reads ``GET /api/v1/projects/{id}/agreement/`` and draws the figures (``js/agreement.js``)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from annotations.agreement.inputs import MEASURES, PERIODS
from annotations.permissions import AGREEMENT_REFUSAL, can_see_agreement
from annotations.selectors.projects import project_stories
from frontend.access import project_page


@login_required
def project_agreement(request: HttpRequest, project_id: int) -> HttpResponse:
    project, role = project_page(request, project_id, can_see_agreement, AGREEMENT_REFUSAL)
    context = {
        "project": project,
        "role": role,
        "measures": [(key, name) for key, (name, _, _) in MEASURES.items()],
        "periods": PERIODS,
        "stories": project_stories(project),
    }
    return render(request, "frontend/agreement.html", context)
