"""The import page (managers) and the export page (managers and reviewers) of a project."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from annotations.models import SetKind, SetStatus
from annotations.permissions import EXPORT_REFUSAL, IMPORT_REFUSAL, can_export, can_import
from annotations.selectors.projects import project_outlets, project_stories
from frontend.access import project_page


@login_required
def project_import(request: HttpRequest, project_id: int) -> HttpResponse:
    project, role = project_page(request, project_id, can_import, IMPORT_REFUSAL)
    return render(request, "frontend/project_import.html", {"project": project, "role": role})


@login_required
def project_export(request: HttpRequest, project_id: int) -> HttpResponse:
    project, role = project_page(request, project_id, can_export, EXPORT_REFUSAL)
    context = {
        "project": project,
        "role": role,
        "statuses": SetStatus.values,
        "kinds": SetKind.values,
        "stories": project_stories(project),
        "outlets": project_outlets(project),
    }
    return render(request, "frontend/project_export.html", context)
