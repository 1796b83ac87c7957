"""The documents page of a project (managers): the queue as a table, each document's
metadata edited in a dialog, documents removed, moved up or down or put first. The page is
a shell; its script reads and writes through ``/api/v1/projects/{id}/documents/``
(``js/document_list.js``)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from annotations.permissions import can_manage
from annotations.selectors.documents import project_document_choices
from frontend.access import project_page

DOCUMENTS_REFUSAL = "Only the project's managers may manage its documents."


@login_required
def project_documents(request: HttpRequest, project_id: int) -> HttpResponse:
    project, role = project_page(request, project_id, can_manage, DOCUMENTS_REFUSAL)
    context = {
        "project": project,
        "role": role,
        "choices": project_document_choices(project, request.user),
    }
    return render(request, "frontend/document_list.html", context)
