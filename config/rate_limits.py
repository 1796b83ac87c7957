"""Per-person rate limits on the API's costly requests (DRF throttling), in three scopes:

- ``imports``: uploads to a project's import endpoints (documents or annotations);
- ``exports``: streamed downloads and background export jobs started;
- ``writes``: every other POST, PUT, PATCH or DELETE (saves, spans, comments, ...).

Reads are not limited here. The rates are ``CLAIMLENS_RATE_LIMITS`` (``"120/min"`` style, a
scope left out or ``None`` is not limited), read at each request so a test or an operator can
change them. Past a rate: 429 ``throttled`` with ``Retry-After``. Counts live in Django's
default cache, a PostgreSQL table every process shares (docs/deployment.md). The
token endpoint keeps its own per-address limit (``auth``), and anonymous requests are
refused before they count.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

# (URL name, method) -> scope; any other unsafe method is a write.
SCOPES = {
    ("project-import", "POST"): "imports",
    ("project-documents-import", "POST"): "imports",
    ("project-export", "GET"): "exports",
    ("project-export-jobs", "POST"): "exports",
}


def scope_of(request: Request) -> str | None:
    match = request.resolver_match
    return scope_for(match.url_name if match else None, request.method)


def scope_for(url_name: str | None, method: str) -> str | None:
    """The scope a request to the route ``url_name`` by ``method`` counts in (None: not
    limited); the OpenAPI document asks it too, to declare 429 where it can happen."""
    scope = SCOPES.get((url_name, method))
    if scope is None and method not in SAFE_METHODS:
        scope = "writes"
    return scope


class PersonRateThrottle(SimpleRateThrottle):
    """One count per person and scope."""

    def __init__(self) -> None:  # the rate is chosen per request, not from DRF's settings
        self.scope = None
        self.rate = None

    def allow_request(self, request: Request, view: Any) -> bool:
        if not request.user or not request.user.is_authenticated:
            return True
        self.scope = scope_of(request)
        self.rate = (settings.CLAIMLENS_RATE_LIMITS or {}).get(self.scope)
        if not self.rate:
            return True
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request: Request, view: Any) -> str:
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}
