"""Responses to a signed-in person are never stored by a browser or a proxy.

Every page and API answer a signed-in person gets may carry documents, annotations or who
may see them, so each one is sent with ``Cache-Control: no-store`` (Django's
``add_never_cache_headers``): nothing is left in a shared cache or on a shared machine's disk
for the next person. A request counts as signed in when its session or its ``Authorization``
header named someone (DRF sets Django's ``request.user`` once it has read a token). Static
files never reach this middleware: WhiteNoise answers them before it.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers


def signed_in(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated) or (
        "HTTP_AUTHORIZATION" in request.META
    )


class NoStoreWhenSignedInMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if signed_in(request):
            add_never_cache_headers(response)
        return response
