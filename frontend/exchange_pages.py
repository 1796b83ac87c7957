"""The import page (managers) and the export page (managers and reviewers) of a project."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from annotations.api.access import project_for
from annotations.models import SetKind, SetStatus
from annotations.permissions import can_manage, can_review
from corpus.models import Outlet, Story


@login_required
def project_import(request: HttpRequest, project_id: int) -> HttpResponse:
    project, role = project_for(request, project_id)
    if not can_manage(role):
        raise PermissionDenied("Only the project's managers may import into it.")
    return render(request, "frontend/project_import.html", {"project": project, "role": role})


@login_required
def project_export(request: HttpRequest, project_id: int) -> HttpResponse:
    project, role = project_for(request, project_id)
    if not can_review(role):
        raise PermissionDenied("Only the project's managers and reviewers may export it.")
    in_project = {"documents__projects": project}
    context = {
        "project": project,
        "role": role,
        "statuses": SetStatus.values,
        "kinds": SetKind.values,
        "stories": Story.objects.filter(**in_project).distinct().order_by("name"),
        "outlets": Outlet.objects.filter(**in_project).distinct().order_by("name"),
    }
    return render(request, "frontend/project_export.html", context)
