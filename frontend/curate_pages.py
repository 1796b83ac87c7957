"""The reviewers' curation pages: the Curate queue and the curation view of one document
(the pages read and write through the curation API, ``annotations/api/curation.py``)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from annotations.models import ReviewStatus
from annotations.permissions import CURATION_REFUSAL, can_review
from annotations.selectors.agreement import agreement_layer_names
from annotations.selectors.documents import project_document_get
from annotations.selectors.projects import project_outlets, project_stories
from frontend.access import project_page


@login_required
def curate_queue(request: HttpRequest, project_id: int) -> HttpResponse:
    """The Curate queue: the documents that reached their reviewers, their counts, and the
    bulk auto-merge (the page reads and writes through the curation API)."""
    project, role = project_page(request, project_id, can_review, CURATION_REFUSAL)
    context = {
        "project": project,
        "role": role,
        "review_states": ReviewStatus.choices,
        "stories": project_stories(project),
        "outlets": project_outlets(project),
        "models": [
            name.removeprefix("model:")
            for name in agreement_layer_names(project)
            if name.startswith("model:")
        ],
    }
    return render(request, "frontend/curate_queue.html", context)


@login_required
def curate_document(request: HttpRequest, project_id: int, document_id: int) -> HttpResponse:
    """One document's layers merged over its text, unit by unit, for its reviewers."""
    project, role = project_page(request, project_id, can_review, CURATION_REFUSAL)
    document = project_document_get(project, document_id)
    if document is None:
        raise Http404("No such document in this project.")
    context = {"project": project, "role": role, "document": document}
    return render(request, "frontend/curate_document.html", context)
