"""The label schema editor for managers: the schema as forms, with a preview of the
workspace panel and the JSON beside them (the page draws itself from the schema API)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from annotations.permissions import can_manage
from frontend.access import project_page


@login_required
def project_schema(request: HttpRequest, project_id: int) -> HttpResponse:
    project, role = project_page(
        request, project_id, can_manage, "Only the project's managers may change its schema."
    )
    return render(request, "frontend/schema_editor.html", {"project": project, "role": role})
