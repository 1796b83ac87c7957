"""What every project page checks first: the project and the person's role in it (404 for
outsiders, never a hint), then the page's rule (403 with the reason)."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from annotations.models import Project
from annotations.selectors.projects import project_with_role


def project_page(
    request: HttpRequest,
    project_id: int,
    allowed: Callable[[str], bool] | None = None,
    refusal: str = "",
) -> tuple[Project, str]:
    found = project_with_role(project_id, request.user)
    if found is None:
        raise Http404("No such project.")
    project, role = found
    if allowed is not None and not allowed(role):
        raise PermissionDenied(refusal)
    return project, role
