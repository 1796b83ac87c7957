"""Configuring a project's external recommenders: add, change, remove (managers; the API
checks the role and that the project is writable).

Each field is checked here with a message naming it (``DomainError`` details): the name is
a slug (its layer is ``model:<name>``) unique in the project and not a built-in suggester's
default layer name, the URL http or https with a host, the timeout 1..120 seconds, labels
and relation types the project's schema has; ``url_problem`` also refuses an address the
HTTP client cannot send to. The database holds the same rules, but the reserved names and
the URL's finer checks, as constraints (``annotations/models/recommenders.py``).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from django.db import IntegrityError, transaction

from annotations.models import Project, Recommender, SuggesterName
from annotations.models.recommenders import MAX_TIMEOUT_SECONDS, MIN_TIMEOUT_SECONDS, NAME_PATTERN
from annotations.schema import Schema
from annotations.services.errors import DomainError

FIELDS = ("name", "url", "timeout_seconds", "labels", "relation_types", "stances", "enabled")
_NAME = re.compile(NAME_PATTERN)
# The built-in suggesters' default layers: a recommender of the same name would write into them.
RESERVED_NAMES = frozenset({SuggesterName.QUOTE_ALIGNER.value, SuggesterName.ATTRIBUTION.value})


def url_problem(url: Any) -> str | None:
    """What is wrong with ``url`` as a recommender's address, or None: an http or https URL
    with a host, a port (if any) from 1 to 65535, no spaces or control characters and a
    path and query in ASCII (the HTTP client cannot send the others), at most 500
    characters."""
    if not isinstance(url, str):
        return "an http:// or https:// address with a host"
    if len(url) > 500:
        return "at most 500 characters"
    if any(ch.isspace() or not ch.isprintable() for ch in url):
        return "no spaces or control characters (write a space in a path as %20)"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:  # a bracket left open, a port that is not a number or too big
        return f"not a usable address ({exc})"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "an http:// or https:// address with a host"
    if port == 0:
        return "a port from 1 to 65535"
    if not (parts.path + parts.query).isascii():
        return "a path and query in ASCII (write other characters percent-encoded)"
    return None


def _keys(value: Any, known: dict[str, Any], what: str, errors: dict[str, str], field: str):
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        errors[field] = f"a list of the schema's {what} keys"
        return None
    unknown = sorted(set(value) - set(known))
    if unknown:
        errors[field] = f"not in the project's schema: {', '.join(unknown)}"
        return None
    return sorted(set(value))


def _fields_checked(project: Project, data: Any, *, partial: bool) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise DomainError("Expected a JSON object.", {"non_field": "expected a JSON object"})
    unknown = sorted(set(data) - set(FIELDS))
    errors: dict[str, str] = {key: "not a recommender field" for key in unknown}
    if not partial:
        for key in ("name", "url"):
            if key not in data:
                errors[key] = "required"
    schema = Schema(project.schema.definition)
    checked: dict[str, Any] = {}
    if "name" in data:
        name = data["name"]
        if not isinstance(name, str) or not _NAME.match(name):
            errors["name"] = (
                "lower-case letters, digits, '-' and '_', starting with a letter or digit "
                "(at most 64)"
            )
        elif name in RESERVED_NAMES:
            errors["name"] = f"'{name}' is a built-in suggester's layer; choose another name"
        else:
            checked["name"] = name
    if "url" in data:
        problem = url_problem(data["url"])
        if problem:
            errors["url"] = problem
        else:
            checked["url"] = data["url"]
    if "timeout_seconds" in data:
        timeout = data["timeout_seconds"]
        if (
            not isinstance(timeout, int)
            or isinstance(timeout, bool)
            or not MIN_TIMEOUT_SECONDS <= timeout <= MAX_TIMEOUT_SECONDS
        ):
            errors["timeout_seconds"] = (
                f"a whole number of seconds from {MIN_TIMEOUT_SECONDS} to {MAX_TIMEOUT_SECONDS}"
            )
        else:
            checked["timeout_seconds"] = timeout
    if "labels" in data:
        labels = _keys(data["labels"], schema.labels, "span label", errors, "labels")
        if labels is not None:
            checked["labels"] = labels
    if "relation_types" in data:
        types = _keys(
            data["relation_types"], schema.relation_types, "relation type", errors, "relation_types"
        )
        if types is not None:
            checked["relation_types"] = types
    for flag in ("stances", "enabled"):
        if flag in data:
            if not isinstance(data[flag], bool):
                errors[flag] = "true or false"
            else:
                checked[flag] = data[flag]
    if errors:
        raise DomainError("The recommender's settings are invalid.", errors)
    return checked


def _saved(recommender: Recommender) -> Recommender:
    try:
        with transaction.atomic():
            recommender.save()
    except IntegrityError:
        raise DomainError(
            "The project already has a recommender with this name.",
            {"name": "already used in this project"},
        ) from None
    return recommender


def recommender_create(*, project: Project, data: Any) -> Recommender:
    """A new recommender from ``data`` (name and url required)."""
    checked = _fields_checked(project, data, partial=False)
    return _saved(Recommender(project=project, **checked))


def recommender_update(*, recommender: Recommender, data: Any) -> Recommender:
    """Change the fields given in ``data``. Renaming changes the layer later runs write;
    sets the earlier name wrote keep it."""
    checked = _fields_checked(recommender.project, data, partial=True)
    for key, value in checked.items():
        setattr(recommender, key, value)
    return _saved(recommender)


def recommender_delete(*, recommender: Recommender) -> None:
    """Remove the configuration; the model sets it wrote stay (they are the project's)."""
    recommender.delete()
