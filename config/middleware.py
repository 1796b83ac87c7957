"""A Content-Security-Policy header on every response (DESIGN.md conventions, 7)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

# Same-origin only. Swagger UI (served from this server) and the admin need inline styles.
DEFAULT_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
)
RELAXED_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'"
)
RELAXED_PREFIXES = ("/api/docs/", "/admin/", "/api/v1/")


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        relaxed = request.path.startswith(RELAXED_PREFIXES)
        response.setdefault(
            "Content-Security-Policy", RELAXED_POLICY if relaxed else DEFAULT_POLICY
        )
        response.setdefault("X-Content-Type-Options", "nosniff")
        return response
