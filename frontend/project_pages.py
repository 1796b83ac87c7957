"""Project pages outside any one project: the "New project" page. The page posts to
``POST /api/v1/projects/`` (``annotations/services/project_setup.py``); duplicate, archive
and unarchive are buttons on the project home (``js/project_lifecycle.js``)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from annotations.permissions import PROJECT_CREATION_REFUSAL, can_create_projects
from annotations.presets import PRESETS
from annotations.selectors.projects import projects_managed_by


@login_required
def project_new(request: HttpRequest) -> HttpResponse:
    if not can_create_projects(request.user):
        raise PermissionDenied(PROJECT_CREATION_REFUSAL)
    context = {
        "presets": PRESETS,
        "preset_names": sorted(PRESETS),
        "managed": [{"id": p.pk, "name": p.name} for p in projects_managed_by(request.user)],
    }
    return render(request, "frontend/project_new.html", context)
