"""The source registry's pages: the registry of a project (every member reads; members who
annotate add sources; managers and reviewers edit and delete) and one source's page (how
each outlet named it and every claim attributed to it, in a layer the person may read). The
pages are shells; their scripts call ``/api/v1/projects/{id}/sources/...``
(``js/sources.js``, ``js/source_page.js``)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from annotations.permissions import can_annotate, can_review
from annotations.selectors.sources import source_get, spans_counted_for
from annotations.selectors.story_layers import default_layer, layers_readable
from frontend.access import project_page

KINDS = [
    ("named_person", "named person"),
    ("named_organisation", "named organisation"),
    ("anonymous_official", "anonymous official"),
    ("other", "other"),
]


@login_required
def project_sources(request: HttpRequest, project_id: int) -> HttpResponse:
    project, role = project_page(request, project_id)  # every member reads the registry
    context = {
        "project": project,
        "role": role,
        "kinds": KINDS,
        # an archived project's registry is read-only (the API answers 409 to writes)
        "can_add": (can_annotate(role) or can_review(role)) and project.archived_at is None,
        "can_edit": can_review(role) and project.archived_at is None,
        # a blind project's annotator is counted only their own links
        "own_counts": spans_counted_for(request.user, role, project) is not None,
    }
    return render(request, "frontend/sources.html", context)


@login_required
def source_page(request: HttpRequest, project_id: int, entry_id: int) -> HttpResponse:
    project, role = project_page(request, project_id)
    if source_get(project, entry_id) is None:
        raise Http404("No such source in this project.")
    context = {
        "project": project,
        "role": role,
        "entry_id": entry_id,
        "layers": layers_readable(request.user, role, project),
        "layer": default_layer(request.user, role),
        "own_counts": spans_counted_for(request.user, role, project) is not None,
    }
    return render(request, "frontend/source_page.html", context)
