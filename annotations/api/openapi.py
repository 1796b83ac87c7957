"""The declared shapes (``TypedDict``s in ``annotations/contracts.py``) as OpenAPI components.

``component(Shape)`` makes a DRF serializer class named after the ``TypedDict`` with a field
per key, which drf-spectacular turns into a named schema; nothing is validated with it (the
services check every payload). ``paginated(Shape)`` wraps a shape in the page envelope of
``config.api.Pagination``. The ``TypedDict`` stays the one definition of each shape.
"""

from __future__ import annotations

import types
from datetime import datetime
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from rest_framework import serializers

from annotations.contracts import ErrorEnvelope
from config.api import page_of

_BASIC: dict[Any, type[serializers.Field]] = {
    int: serializers.IntegerField,
    str: serializers.CharField,
    bool: serializers.BooleanField,
    float: serializers.FloatField,
    datetime: serializers.DateTimeField,
}


def _is_typed_dict(hint: Any) -> bool:
    return isinstance(hint, type) and issubclass(hint, dict) and hasattr(hint, "__total__")


def _field(hint: Any, **options: Any) -> serializers.Field:
    """A serializer field that documents values of type ``hint``."""
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        kinds = [a for a in args if a is not type(None)]
        if type(None) in args:
            options["allow_null"] = True
        if len(kinds) == 1:
            return _field(kinds[0], **options)
        return serializers.JSONField(**options)  # one of several kinds: an id or a ref
    if origin is Literal:
        return serializers.ChoiceField(choices=list(args), **options)
    if origin is list:
        return serializers.ListField(child=_field(args[0]), **options)
    if origin is dict:
        return serializers.DictField(child=_field(args[1]), **options)
    if _is_typed_dict(hint):
        return component(hint)(**options)
    if hint in _BASIC:
        return _BASIC[hint](**options)
    return serializers.JSONField(**options)


@cache
def component(shape: type) -> type[serializers.Serializer]:
    """A serializer class documenting a ``TypedDict`` (keys not required are optional)."""
    required = getattr(shape, "__required_keys__", frozenset())
    fields = {
        name: _field(hint, required=name in required)
        for name, hint in get_type_hints(shape).items()
    }
    attrs = {**fields, "__doc__": shape.__doc__, "__module__": shape.__module__}
    return type(shape.__name__, (serializers.Serializer,), attrs)


def paginated(shape: type) -> type[serializers.Serializer]:
    """A page of ``shape`` (a ``TypedDict`` or a serializer class)."""
    return page_of(shape if issubclass(shape, serializers.BaseSerializer) else component(shape))


def many(shape: type) -> serializers.Serializer:
    """A plain JSON array of ``shape``."""
    return component(shape)(many=True)


ERROR = component(ErrorEnvelope)  # every 4xx of the API
