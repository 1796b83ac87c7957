"""The suggesters page of a project (managers run, reviewers read): the built-in suggesters
with a story picker and Run, a project's recommenders (``recommenders_card.html``, when it
is installed), and the runs with their progress (``js/suggesters.js`` calls the suggester
runs API)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template

from annotations.permissions import can_manage, can_review
from annotations.selectors.projects import project_stories
from frontend.access import project_page

RECOMMENDERS_CARD = "frontend/recommenders_card.html"
REFUSAL = "Only the project's managers and reviewers may see its suggesters."


def _recommenders_card() -> str | None:
    """The recommenders' card, if the project's recommenders are installed."""
    try:
        get_template(RECOMMENDERS_CARD)
    except TemplateDoesNotExist:
        return None
    return RECOMMENDERS_CARD


@login_required
def project_suggesters(request: HttpRequest, project_id: int) -> HttpResponse:
    project, role = project_page(request, project_id, can_review, REFUSAL)
    context = {
        "project": project,
        "role": role,
        "can_manage": can_manage(role),
        "can_run": can_manage(role) and project.archived_at is None,
        "stories": project_stories(project),
        "recommenders_card": _recommenders_card(),
    }
    return render(request, "frontend/suggesters.html", context)
