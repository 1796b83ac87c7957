"""Refuse a request body that is too big before any of it is read.

Django spools an uploaded file to a temporary file whatever its size
(``DATA_UPLOAD_MAX_MEMORY_SIZE`` bounds form fields, not files), so a 1 GiB upload used to
be written to disk before the import's size check refused it. This middleware answers 413
from the declared ``Content-Length`` alone, first in the chain: nothing is read, parsed or
stored. The limit is the largest upload an import takes plus room for the form around it
(or the JSON body limit, when that is larger): ``CLAIMLENS_MAX_BODY_BYTES``. A body with no
declared length is read as empty by Django's WSGI handler, so it cannot pass the limit.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse

from config.api import envelope


def body_limit() -> int:
    return settings.CLAIMLENS_MAX_BODY_BYTES


class BodyLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        declared = request.META.get("CONTENT_LENGTH") or "0"
        limit = body_limit()
        if not declared.isascii() or not declared.isdigit():
            return JsonResponse(envelope("invalid", "Content-Length is not a number."), status=400)
        if int(declared) > limit:
            message = (
                f"The request body is {int(declared)} bytes; this server takes at most "
                f"{limit} (CLAIMLENS_MAX_BODY_BYTES). Upload large files in several requests."
            )
            # No "Connection: close" here: WSGI forbids hop-by-hop headers from the app
            # (runserver and live_server tests fail on it); the server drains or closes.
            return JsonResponse(envelope("too_large", message), status=413)
        return self.get_response(request)
