"""Page shells. No business logic: pages read through selectors and talk to the API."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from annotations.permissions import can_annotate, can_create_projects, can_manage, can_review
from annotations.selectors.projects import projects_visible_to
from frontend.access import project_page


@login_required
def home(request: HttpRequest) -> HttpResponse:
    projects = list(projects_visible_to(request.user))
    context = {
        "active": [p for p in projects if p.archived_at is None],
        "archived": [p for p in projects if p.archived_at is not None],
        "can_create_projects": can_create_projects(request.user),
    }
    return render(request, "frontend/home.html", context)


@login_required
def project_home(request: HttpRequest, project_id: int) -> HttpResponse:
    project, role = project_page(request, project_id)  # 404 for outsiders
    context = {
        "project": project,
        "role": role,
        "can_annotate": can_annotate(role),
        "can_manage": can_manage(role),
        "can_review": can_review(role),
    }
    return render(request, "frontend/project_home.html", context)


@login_required
def workspace(
    request: HttpRequest, project_id: int, document_id: int | None = None
) -> HttpResponse:
    """The annotator's workspace: the page loads the document and its sets through the API,
    the next one from the queue when ``document_id`` is not given."""
    project, role = project_page(request, project_id)
    context = {"project": project, "role": role, "document_id": document_id or ""}
    return render(request, "frontend/workspace.html", context)
