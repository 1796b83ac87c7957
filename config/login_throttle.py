"""Failed log-ins are counted and answered by django-axes (docs/deployment.md, "Log-in
throttle"); this module holds the two hooks it calls.

- ``client_address``: the client's address by the same rule as the API's rate limits
  (``REMOTE_ADDR``, or the address ``CLAIMLENS_NUM_PROXIES`` proxies in front appended to
  ``X-Forwarded-For``), so a forged header earns no fresh allowance.
- ``lockout_response``: what a locked-out attempt gets, 429 with the cool-off in words: the
  error envelope under ``/api/``, the log-in page again elsewhere. The answer is the same
  whether or not the username exists, so it tells nobody which accounts there are.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from rest_framework.throttling import BaseThrottle

from config.api import envelope

LOCKED_OUT_STATUS = 429


def client_address(request: HttpRequest) -> str:
    return BaseThrottle().get_ident(request)


def lockout_message() -> str:
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    unit = "minute" if minutes == 1 else "minutes"
    return f"Too many failed log-in attempts. Try again in {minutes} {unit}."


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    message = lockout_message()
    retry_after = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    if request.path.startswith("/api/"):
        response: HttpResponse = JsonResponse(
            envelope("throttled", message), status=LOCKED_OUT_STATUS
        )
    else:
        response = render(
            request, "frontend/login.html", {"locked_out": message}, status=LOCKED_OUT_STATUS
        )
    response["Retry-After"] = retry_after
    return response
