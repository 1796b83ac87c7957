"""Page shells. No business logic: pages read through selectors and talk to the API."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from annotations.selectors import projects_visible_to


@login_required
def home(request: HttpRequest) -> HttpResponse:
    projects = projects_visible_to(request.user).distinct().order_by("id")
    return render(request, "frontend/home.html", {"projects": projects})
