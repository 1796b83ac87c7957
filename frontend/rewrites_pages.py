"""The rewrites page of a story in a project (every member): the page is a shell; its script
reads ``GET /api/v1/stories/{id}/rewrites/`` for the pairs and
``.../rewrites/{original}/{rewrite}/`` for the chosen pair's alignment (``js/rewrites.js``)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from annotations.selectors.story_rewrites import story_in_project
from frontend.access import project_page


@login_required
def story_rewrites(request: HttpRequest, project_id: int, story_id: int) -> HttpResponse:
    project, role = project_page(request, project_id)
    found = story_in_project(request.user, story_id, project.pk)
    context = {"project": project, "role": role, "story": found.story}
    return render(request, "frontend/story_rewrites.html", context)
