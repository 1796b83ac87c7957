"""The project settings page for managers (members, guidelines, schema)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from annotations.permissions import can_manage
from frontend.access import project_page


@login_required
def project_settings(request: HttpRequest, project_id: int) -> HttpResponse:
    project, role = project_page(
        request, project_id, can_manage, "Only the project's managers may change its settings."
    )
    return render(request, "frontend/project_settings.html", {"project": project, "role": role})
