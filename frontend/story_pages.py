"""A project's stories and each story's workbench. Every member may open them; what they
read is one layer, chosen among those ``selectors/story_layers.py`` lets them read (a blind
project's annotator: only their own). The workbench page is a shell; its script reads
``GET /api/v1/stories/{id}/claims/`` and draws the table and the charts
(``js/story_workbench.js``)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from annotations.permissions import can_manage
from annotations.selectors.story_claims import story_project_for
from annotations.selectors.story_layers import (
    LayerRefused,
    default_layer,
    layer_readable_or_refuse,
    layer_sets_read,
    layers_readable,
    open_sets_of,
)
from annotations.selectors.story_list import project_story_rows
from annotations.services.errors import DomainError
from frontend.access import project_page


def _layer(request: HttpRequest, project, role: str) -> tuple[str, list[str]]:  # noqa: ANN001
    """The layer asked for (``?layer=``) when readable and well formed, else the default."""
    readable = layers_readable(request.user, role, project)
    try:
        layer = layer_readable_or_refuse(request.user, role, project, request.GET.get("layer"))
    except (LayerRefused, DomainError):
        layer = default_layer(request.user, role)
    return layer, readable


@login_required
def project_stories(request: HttpRequest, project_id: int) -> HttpResponse:
    project, role = project_page(request, project_id)
    layer, readable = _layer(request, project, role)
    context = {
        "project": project,
        "role": role,
        "layer": layer,
        "layers": readable,
        "layer_sets": layer_sets_read(request.user, layer),
        "stories": project_story_rows(
            project, layer, open_sets=open_sets_of(request.user, layer) is not None
        ),
    }
    return render(request, "frontend/project_stories.html", context)


@login_required
def story_workbench(request: HttpRequest, project_id: int, story_id: int) -> HttpResponse:
    project, role = project_page(request, project_id)
    try:
        story, _, _ = story_project_for(request.user, story_id, project.pk)
    except Http404:
        raise Http404("No such story in this project.") from None
    layer, readable = _layer(request, project, role)
    context = {
        "project": project,
        "role": role,
        "story": story,
        "layer": layer,
        "layers": readable,
        "layer_sets": layer_sets_read(request.user, layer),
        "can_manage": can_manage(role),
    }
    return render(request, "frontend/story_workbench.html", context)
