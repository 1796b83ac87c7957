"""Every exception a request can raise, as the error envelope (``config.api.envelope``) with
its HTTP status: the services' domain errors (``annotations/services/errors.py``), DRF's and
Django's own, and database errors the request caused. Also the site-wide 400/404/500
handlers, which answer in the envelope under ``/api/``.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError, IntegrityError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views import defaults
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from annotations.services.errors import (
    DocumentFull,
    DomainError,
    ProjectArchived,
    SetStateConflict,
    VersionConflict,
)
from config.api import envelope

CODES = {
    400: "invalid",
    401: "not_authenticated",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    429: "throttled",
}


def _first_message(details: Any) -> str:
    if isinstance(details, list) and details:
        return _first_message(details[0])
    if isinstance(details, dict) and details:
        key, value = next(iter(details.items()))
        return f"{key}: {_first_message(value)}"
    return str(details)


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DomainError):
        return Response(envelope(exc.code, exc.message, exc.details), status=400)
    if isinstance(exc, VersionConflict):
        return Response(
            envelope(
                "conflict",
                "This annotation set was changed since you loaded it. Reload to get the "
                "current version.",
                {"current_version": exc.current_version},
            ),
            status=409,
        )
    if isinstance(exc, ProjectArchived):
        return Response(envelope("conflict", exc.message), status=409)
    if isinstance(exc, SetStateConflict):
        return Response(envelope("conflict", exc.message, {"status": exc.status}), status=409)
    if isinstance(exc, DocumentFull):
        return Response(envelope("conflict", exc.message, exc.details), status=409)
    if isinstance(exc, IntegrityError):
        # A concurrent change got there first (a unique key or a link to a row just
        # deleted). Nothing was written; the caller can reload and retry.
        return Response(
            envelope(
                "conflict",
                "Someone changed the same data at the same time; reload and try again.",
            ),
            status=409,
        )
    if isinstance(exc, DjangoValidationError):
        details = exc.message_dict if hasattr(exc, "error_dict") else {"non_field": exc.messages}
        return Response(envelope("invalid", _first_message(details), details), status=400)
    if isinstance(exc, RequestDataTooBig):
        return Response(envelope("too_large", str(exc) or "The request is too large."), status=413)
    if isinstance(exc, SuspiciousOperation):
        # Too many fields or files, a malformed multipart body: Django's own 400, in the envelope.
        return Response(envelope("invalid", str(exc) or "The request is malformed."), status=400)
    if isinstance(exc, DataError):
        # Input PostgreSQL cannot store or compare (a NUL character, a number out of range):
        # the request is at fault, not the server.
        return Response(
            envelope("invalid", "The request holds a value the database cannot store."),
            status=400,
        )
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()

    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
        # DRF answers 403 when the first authenticator (session) names no scheme; a request
        # without valid credentials is 401, and says how to authenticate.
        response.status_code = status.HTTP_401_UNAUTHORIZED
        response["WWW-Authenticate"] = 'Token realm="api"'
        exc.status_code = status.HTTP_401_UNAUTHORIZED
    if isinstance(exc, exceptions.ValidationError):
        details = exc.detail if isinstance(exc.detail, dict) else {"non_field": exc.detail}
        response.data = envelope("invalid", _first_message(details), details)
    else:
        code = getattr(exc, "default_code", None) or CODES.get(response.status_code, "error")
        detail = getattr(exc, "detail", str(exc))
        response.data = envelope(str(code), str(detail))
    return response


def json_error_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """404 for the whole site: the error envelope under /api/, Django's page elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse(envelope("not_found", "Not found."), status=404)
    return defaults.page_not_found(request, exception or Http404())


def json_error_400(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """400 raised outside a view (e.g. a malformed multipart body): the envelope under /api/."""
    if request.path.startswith("/api/"):
        message = str(exception) if exception else "Bad request."
        return JsonResponse(envelope("invalid", message), status=400)
    return defaults.bad_request(request, exception or SuspiciousOperation())


def json_error_500(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse(envelope("server_error", "Internal server error."), status=500)
    return defaults.server_error(request)
