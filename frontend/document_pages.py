"""The Add documents page (managers): files or zips of articles into the project, with a
report per file (``js/add_documents.js``)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from annotations.permissions import IMPORT_REFUSAL, can_import
from corpus.importers import EXTENSIONS
from corpus.selectors import stories_visible_to
from frontend.access import project_page


@login_required
def project_add_documents(request: HttpRequest, project_id: int) -> HttpResponse:
    project, role = project_page(request, project_id, can_import, IMPORT_REFUSAL)
    context = {
        "project": project,
        "role": role,
        "stories": stories_visible_to(request.user).order_by("name").values_list("name", flat=True),
        "accept": ",".join([*sorted(EXTENSIONS), ".zip"]),
    }
    return render(request, "frontend/add_documents.html", context)
