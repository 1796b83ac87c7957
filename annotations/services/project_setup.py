"""Starting projects: create one with its schema from a preset, from another project the
creator manages, or given whole (an uploaded file), with the stance targets the form asked
for; and duplicate one (settings and schema; no documents, sets or other members).

Both the API (``POST /api/v1/projects/``, ``.../duplicate/``) and the create page (which
posts to the API) go through these functions. Who may create projects at all is
``permissions.can_create_projects``; the views ask it.
"""

from __future__ import annotations

import copy
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from annotations.formats.schema_derive import as_key
from annotations.models import Project
from annotations.permissions import can_manage
from annotations.presets import PRESETS
from annotations.selectors.projects import project_with_role
from annotations.services.errors import DomainError
from annotations.services.projects import project_create
from annotations.services.sources import registry_copy

NAME_MAX = 200
COPY_SUFFIX = " (copy)"


def schema_chosen(
    *,
    user: AbstractBaseUser,
    preset: str | None = None,
    schema: Any = None,
    schema_from_project: int | None = None,
) -> dict[str, Any]:
    """The schema a new project starts from: given whole, copied from a project ``user``
    manages, or a preset (the news-attribution one when nothing is named)."""
    if schema is not None and schema_from_project is not None:
        raise DomainError(
            "Give a schema or a project to copy it from, not both.",
            {"schema_from_project": "leave it out when a schema is given"},
        )
    if schema is not None:
        return copy.deepcopy(schema)
    if schema_from_project is not None:
        found = project_with_role(schema_from_project, user)
        if found is None or not can_manage(found[1]):
            raise DomainError(
                "You can copy the schema only from a project you manage.",
                {"schema_from_project": "not a project you manage"},
            )
        return copy.deepcopy(found[0].schema.definition)
    preset = preset or "news-attribution"
    if preset not in PRESETS:
        raise DomainError(f"Unknown preset {preset!r}.", {"preset": sorted(PRESETS)})
    return copy.deepcopy(PRESETS[preset])


def schema_with_targets(definition: Any, names: list[str]) -> Any:
    """``definition`` with stance targets named ``names`` added (keys made from the names;
    a name already a target is kept once). Two names sharing a key are refused."""
    names = [name.strip() for name in names if name.strip()]
    if not names or not isinstance(definition, dict):
        return definition
    stance = definition.setdefault("stance", {})
    if not isinstance(stance, dict):
        return definition  # the schema check names the fault
    targets = stance.setdefault("targets", [])
    if not isinstance(targets, list):
        return definition
    taken = {t.get("key"): t.get("name") for t in targets if isinstance(t, dict)}
    for name in names:
        key = as_key(name)
        if key in taken and taken[key] != name:
            raise DomainError(
                f"The targets {taken[key]!r} and {name!r} would share the key {key!r}.",
                {"stance_targets": f"rename {name!r}"},
            )
        if key not in taken:
            targets.append({"key": key, "name": name})
            taken[key] = name
    return definition


def project_start(
    *,
    owner: AbstractBaseUser,
    name: str,
    preset: str | None = None,
    schema: Any = None,
    schema_from_project: int | None = None,
    stance_targets: list[str] | None = None,
    **fields: Any,
) -> Project:
    """Create a project; ``owner`` becomes its manager. ``fields``: description, guidelines,
    blind, annotators_per_document."""
    definition = schema_chosen(
        user=owner, preset=preset, schema=schema, schema_from_project=schema_from_project
    )
    definition = schema_with_targets(definition, stance_targets or [])
    return project_create(name=name, owner=owner, schema=definition, **fields)


@transaction.atomic
def project_duplicate(*, project: Project, by: AbstractBaseUser) -> Project:
    """A new project with ``project``'s settings, schema and source registry, named
    "<name> (copy)"; ``by`` is its only member, as manager. Documents, sets and members stay
    behind; the copy is active even when the original is archived."""
    name = project.name[: NAME_MAX - len(COPY_SUFFIX)] + COPY_SUFFIX
    duplicate = project_create(
        name=name,
        owner=by,
        schema=copy.deepcopy(project.schema.definition),
        description=project.description,
        guidelines=project.guidelines,
        blind=project.blind,
        annotators_per_document=project.annotators_per_document,
    )
    registry_copy(source=project, target=duplicate)  # its keys: the schema's registry links
    return duplicate
