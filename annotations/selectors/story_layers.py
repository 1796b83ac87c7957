"""Who may read which layer of a project: the one rule the story workbench, the source
registry's claims and the quality figures share.

Layers are named as in agreement and provenance: ``gold``, ``annotator:<username>``,
``model:<name>`` (``provenance.layer_name``).

- Managers and reviewers read every layer.
- An annotator reads their own layer (``annotator:<self>``); in a project that is not blind
  also every layer ``sets_visible_to`` lets them see (all of them). In a blind project an
  annotator asking for any other layer is refused (403) with the reason.
- Outsiders read nothing (callers answer 404 before asking).

The default layer is ``gold`` for managers and reviewers, the annotator's own otherwise.

Which sets of a layer are read is agreement's rule (submitted annotator sets, curated gold
sets, model sets not skipped), but for a person reading their own annotator layer: their
open sets count too (``open_sets_of``), so an annotator still at work sees what they did.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from rest_framework.exceptions import PermissionDenied

from annotations.models import Project
from annotations.permissions import can_review
from annotations.provenance import layer_name
from annotations.selectors.sets import sets_visible_to
from annotations.services.errors import DomainError

GOLD = "gold"
LAYER_PREFIXES = ("annotator:", "model:")
BLIND_REFUSAL = "This project is blind: annotators read only their own layer ({own}), not {asked}."


class LayerRefused(PermissionDenied):
    """The caller may not read the layer asked for (403, with the reason)."""


def own_layer(user: AbstractBaseUser) -> str:
    return f"annotator:{user.get_username()}"


def open_sets_of(user: AbstractBaseUser, layer: str) -> str | None:
    """The username whose open sets count too: the caller's, when ``layer`` is their own."""
    return user.get_username() if layer == own_layer(user) else None


def layer_sets_read(user: AbstractBaseUser, layer: str) -> str:
    """Which sets of ``layer`` are read, in words for the page."""
    if layer == GOLD:
        return "curated gold sets"
    if layer == own_layer(user):
        return "your sets, submitted or not"
    if layer.startswith("model:"):
        return "the model's sets"
    return "submitted sets"


def default_layer(user: AbstractBaseUser, role: str | None) -> str:
    """Gold for managers and reviewers, the annotator's own layer otherwise."""
    return GOLD if can_review(role) else own_layer(user)


def layer_checked(layer: str) -> str:
    """A well-formed layer name, or ``DomainError`` naming ``layer``."""
    if layer == GOLD:
        return layer
    for prefix in LAYER_PREFIXES:
        if layer.startswith(prefix) and len(layer) > len(prefix) and len(layer) <= 200:
            return layer
    raise DomainError(
        "Unknown layer name.",
        {"layer": "must be gold, annotator:<username> or model:<name>"},
    )


def layers_readable(user: AbstractBaseUser, role: str | None, project: Project) -> list[str]:
    """The layers of ``project`` the caller may read, sorted; the caller's default layer is
    always among them (it may have no sets yet). Empty for outsiders."""
    if role is None:
        return []
    own = default_layer(user, role)
    if not can_review(role) and project.blind:
        return [own]
    rows = (
        sets_visible_to(user, role, project)
        .values_list("kind", "author__username", "model_name")
        .distinct()
    )
    names = {layer_name(kind, author, model) for kind, author, model in rows}
    names.add(own)
    return sorted(names)


def layer_readable_or_refuse(
    user: AbstractBaseUser, role: str | None, project: Project, layer: str | None
) -> str:
    """The layer to read: ``layer`` when the caller may read it (the default when None or
    empty); ``DomainError`` for a malformed name, ``LayerRefused`` (403) when a blind
    project's annotator asks for a layer other than their own. Asking does not need the
    layer to have sets: a readable layer without sets reads as empty."""
    if not layer:
        return default_layer(user, role)
    layer = layer_checked(layer)
    if role is None:
        raise LayerRefused("You are not a member of this project.")
    if can_review(role) or not project.blind or layer == own_layer(user):
        return layer
    raise LayerRefused(BLIND_REFUSAL.format(own=own_layer(user), asked=layer))
