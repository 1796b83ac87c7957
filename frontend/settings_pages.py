"""The project settings page for managers (members, guidelines, schema)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from annotations.api.access import project_for
from annotations.permissions import can_manage


@login_required
def project_settings(request: HttpRequest, project_id: int) -> HttpResponse:
    project, role = project_for(request, project_id)
    if not can_manage(role):
        raise PermissionDenied("Only the project's managers may change its settings.")
    return render(request, "frontend/project_settings.html", {"project": project, "role": role})
