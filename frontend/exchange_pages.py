"""The import page (managers) and the export page (managers and reviewers) of a project."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from annotations.formats import export_formats, import_formats, unavailable
from annotations.models import SetKind, SetStatus
from annotations.permissions import EXPORT_REFUSAL, IMPORT_REFUSAL, can_export, can_import
from annotations.selectors.projects import project_outlets, project_stories
from frontend.access import project_page


def _notes(formats: list[str]) -> list[str]:
    """Why some formats cannot be used on this server (an optional extra is missing)."""
    return [note for note in map(unavailable, formats) if note]


@login_required
def project_import(request: HttpRequest, project_id: int) -> HttpResponse:
    project, role = project_page(request, project_id, can_import, IMPORT_REFUSAL)
    context = {"project": project, "role": role, "format_notes": _notes(import_formats())}
    return render(request, "frontend/project_import.html", context)


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
        "format_notes": _notes(export_formats()),
    }
    return render(request, "frontend/project_export.html", context)
