"""The error responses every operation of the OpenAPI document declares, derived from how
its view is set up rather than written on each view, so a new route documents them too.

Each is the ``ErrorEnvelope`` component (``config/errors.py`` answers every error in it):

- 400 when the operation takes a body or query parameters, and on every write (validation,
  or a step the object's state refuses; ``details`` names the fields at fault);
- 401 on every operation (missing, wrong or expired credentials; the token login's wrong
  password);
- 403 when the view has a permission other than ``AllowAny`` (the caller's role);
- 404 when the path, the query or the body can name an object (missing, or one the caller
  may not see);
- 409 on writes (a version or state conflict, or a concurrent change that got there first);
- 413 and 415 on operations that take a body (too large; a content type not parsed);
- 429 when the view is throttled.

A code a view declares itself (``extend_schema(responses=...)``) is kept as it is.
"""

from __future__ import annotations

import re
from typing import Any

from django.urls import Resolver404, resolve
from drf_spectacular.openapi import AutoSchema
from rest_framework.permissions import AllowAny

from annotations.api.openapi import ERROR
from config.rate_limits import PersonRateThrottle, scope_for

DESCRIPTIONS = {
    "400": "The request is invalid; `details` names the fields at fault.",
    "401": "No credentials, or wrong or expired ones.",
    "403": "The caller's role does not allow this.",
    "404": "No such object, or none the caller may see.",
    "409": "A conflict: the object changed or is in another state; reload and retry.",
    "413": "The request body is too large.",
    "415": "The body's content type is not accepted.",
    "429": "Too many requests; retry after the time in `Retry-After`.",
}

WRITES = {"POST", "PUT", "PATCH", "DELETE"}


class ErrorDocumentingAutoSchema(AutoSchema):
    """drf-spectacular's ``AutoSchema`` plus the error responses listed above."""

    def get_operation(self, *args: Any, **kwargs: Any) -> dict[str, Any] | None:
        operation = super().get_operation(*args, **kwargs)
        if operation is None:
            return None
        responses = operation.setdefault("responses", {})
        for code in self.error_codes(operation):
            if code not in responses:
                responses[code] = self.error_response(code)
        return operation

    def error_codes(self, operation: dict[str, Any]) -> list[str]:
        has_body = "requestBody" in operation
        has_query = any(p.get("in") == "query" for p in operation.get("parameters", []))
        view = self.view
        codes = {
            "400": has_body or has_query or self.method in WRITES,
            "401": True,
            "403": any(p is not AllowAny for p in view.permission_classes),
            "404": "{" in self.path or has_query or has_body,
            "409": self.method in WRITES,
            "413": has_body,
            "415": has_body,
            "429": self.throttled(),
        }
        return [code for code, applies in codes.items() if applies]

    def throttled(self) -> bool:
        """A throttle of the view can refuse this method: any throttle but the per-person
        one (the token endpoint's), or that one for a method it counts (``scope_for``)."""
        throttles = self.view.throttle_classes
        if any(not issubclass(t, PersonRateThrottle) for t in throttles):
            return True
        if not throttles:
            return False
        try:  # the route's name, from its path with a sample value in each parameter
            url_name = resolve(re.sub(r"\{[^}]+\}", "1", self.path)).url_name
        except Resolver404:
            return self.method in WRITES
        return scope_for(url_name, self.method) is not None

    def error_response(self, code: str) -> dict[str, Any]:
        component = self.resolve_serializer(ERROR, "response")
        return {
            "description": DESCRIPTIONS[code],
            "content": {"application/json": {"schema": component.ref}},
        }
