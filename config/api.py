"""API conventions shared by every endpoint: pagination, query parameters and the error
envelope. Every error leaves the API as ``{"error": {"code", "message", "details"}}``;
``config/errors.py`` turns exceptions into it.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from rest_framework import exceptions, serializers
from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 500


@cache
def page_of(row: type[serializers.BaseSerializer]) -> type[serializers.Serializer]:
    """For the OpenAPI document: a page of ``row`` as ``Pagination`` answers it."""
    name = row.__name__.removesuffix("Serializer")
    attrs = {
        "count": serializers.IntegerField(),
        "next": serializers.URLField(allow_null=True),
        "previous": serializers.URLField(allow_null=True),
        "results": row(many=True),
        "__doc__": f"A page of {name} rows.",
        "__module__": row.__module__,
    }
    return type(f"Paginated{name}List", (serializers.Serializer,), attrs)


MAX_ID = 2**63 - 1


def query_int(params: Any, name: str, *, required: bool = False) -> int | None:
    """A whole number from the query string (ASCII digits, fits a bigint), else a 400."""
    value = params.get(name)
    if value is None or value == "":
        if required:
            raise exceptions.ValidationError({name: ["this parameter is required"]})
        return None
    if not (value.isascii() and value.isdigit()) or int(value) > MAX_ID:
        raise exceptions.ValidationError({name: ["must be a whole number"]})
    return int(value)


# Parameters that were renamed: a request still using the old name is refused (400) rather
# than having the parameter ignored, which would widen a filter or change whose sets these are.
RENAMED_PARAMETERS = {"annotator": "author"}


def renamed_refused(params: Any) -> None:
    """400 naming the new name for each renamed parameter ``params`` still uses (a body
    that is not an object has no parameters: its own check answers it)."""
    if not isinstance(params, Mapping):
        return
    old = {
        name: [f"renamed: use {new}"] for name, new in RENAMED_PARAMETERS.items() if name in params
    }
    if old:
        raise exceptions.ValidationError(old)


def envelope(code: str, message: str, details: Any = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "details": details or {}}}
