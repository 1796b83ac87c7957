"""Reads for a project's stories page: each story of the project with its documents, its
outlets and how many CLAIM spans one layer has on them. Two statements whatever the number
of stories: the project's documents with their story and outlet, and the claims counted
per story in the layer's sets (the sets agreement reads: an annotator's submitted sets, the
curated gold sets, the model sets not skipped or archived; a person's own layer: their open
sets too, ``story_layers.open_sets_of``)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q

from annotations.models import Project, SetKind, SetStatus, Span
from annotations.selectors.story_claims import CLAIM
from annotations.selectors.story_layers import GOLD
from corpus.models import Document


def layer_sets_q(layer: str, prefix: str = "", *, open_sets: bool = False) -> Q:
    """The sets of a layer (``gold``, ``annotator:<username>``, ``model:<name>``) that count
    as done, as a filter on sets (``prefix``: the path to the set, e.g. ``annotation_set__``);
    ``open_sets``: an annotator layer's open sets too (the caller reading their own layer)."""
    if layer == GOLD:
        return Q(**{f"{prefix}kind": SetKind.GOLD, f"{prefix}status": SetStatus.CURATED})
    kind, _, name = layer.partition(":")
    if kind == "annotator" and open_sets:
        return Q(**{f"{prefix}kind": SetKind.ANNOTATOR, f"{prefix}author__username": name}) & ~Q(
            **{f"{prefix}status__in": [SetStatus.SKIPPED, SetStatus.ARCHIVED]}
        )
    if kind == "annotator":
        return Q(**{f"{prefix}kind": SetKind.ANNOTATOR, f"{prefix}status": SetStatus.SUBMITTED,
                    f"{prefix}author__username": name})  # fmt: skip
    return Q(**{f"{prefix}kind": SetKind.MODEL, f"{prefix}model_name": name}) & ~Q(
        **{f"{prefix}status__in": [SetStatus.SKIPPED, SetStatus.ARCHIVED]}
    )


def project_story_rows(
    project: Project, layer: str, *, open_sets: bool = False
) -> list[dict[str, Any]]:
    """The project's stories by name: ``{id, name, documents, outlets (names, sorted),
    claims}``; documents without a story are left out. ``open_sets``: as ``layer_sets_q``."""
    documents = (
        Document.objects.filter(pk__in=project.queue.values("document_id"), story__isnull=False)
        .values("story_id", "story__name", "outlet__name")
        .order_by()
    )
    stories: dict[int, dict[str, Any]] = {}
    for row in documents:
        story = stories.setdefault(
            row["story_id"],
            {"id": row["story_id"], "name": row["story__name"], "documents": 0,
             "outlets": set(), "claims": 0},
        )  # fmt: skip
        story["documents"] += 1
        if row["outlet__name"]:
            story["outlets"].add(row["outlet__name"])
    claims = (
        Span.objects.filter(
            layer_sets_q(layer, "annotation_set__", open_sets=open_sets),
            label=CLAIM,
            annotation_set__project=project,
            annotation_set__document__story_id__in=list(stories),
        )
        .values("annotation_set__document__story_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in claims:
        stories[row["annotation_set__document__story_id"]]["claims"] = row["n"]
    rows = [{**s, "outlets": sorted(s["outlets"], key=str.casefold)} for s in stories.values()]
    return sorted(rows, key=lambda s: (s["name"].casefold(), s["id"]))
