"""The people page of a project: each member's role and figures, and (for managers) adding
people by username or e-mail, changing roles and removing people."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from annotations.api.people import PEOPLE_REFUSAL
from annotations.permissions import can_manage, can_review
from frontend.access import project_page


@login_required
def project_people(request: HttpRequest, project_id: int) -> HttpResponse:
    project, role = project_page(request, project_id, can_review, PEOPLE_REFUSAL)
    context = {"project": project, "role": role, "manager": can_manage(role)}
    return render(request, "frontend/people.html", context)
