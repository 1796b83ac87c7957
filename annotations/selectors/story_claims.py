"""Reads for the story workbench: one story of a project, one layer, as the claims x
outlets table (``annotations/story_contracts.py`` declares its shape).

Rows are clusters of CLAIM spans joined by SAME_CLAIM links in the layer (across
documents); columns are the story's documents in the project, by outlet name then
publication time. The layer is read as agreement reads it (``agreement_layers``: an
annotator's submitted sets, the curated gold sets, the model sets not skipped), so the
table shows what ``evaluate_layer`` measures; but a person reading their own annotator
layer sees their open sets too (``story_layers.open_sets_of``).

A fixed number of statements whatever the size: the story and the caller's project (or
the projects holding the story), the columns, the layer's sets, documents, contents and
story names (four, from ``agreement_layers``), and the registry entries the SOURCE spans
name (none when they name none).
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.auth.models import AbstractBaseUser
from django.http import Http404

from annotations.models import Project, ProjectDocument
from annotations.selectors.agreement import LayerFilters, agreement_layers
from annotations.selectors.projects import project_roles, project_with_role, projects_visible_to
from annotations.services.errors import DomainError
from annotations.story_table import (
    claim_clusters,
    differing_ranges,
    outlet_figures,
    paragraph_number,
    paragraph_starts,
    word_set,
    zone_of,
)
from corpus.models import Document, Story

CLAIM, SOURCE, CUE = "CLAIM", "SOURCE", "CUE"
SAME_CLAIM, ATTRIBUTED_TO, CUE_OF = "SAME_CLAIM", "ATTRIBUTED_TO", "CUE_OF"
FRAGMENT_JOIN = " … "
NO_STORY = "No such story."


def story_project_for(
    user: AbstractBaseUser, story_id: int, project_id: int | None
) -> tuple[Story, Project, str]:
    """The story, the project to read it in and the caller's role there. ``project_id``
    may be left out when the caller's projects hold the story's documents in exactly one
    project; in several, ``DomainError`` naming ``project``. 404 when there is no such
    story, or no project of the caller holds its documents."""
    story = Story.objects.filter(pk=story_id).first()
    if story is None:
        raise Http404(NO_STORY)
    holding = ProjectDocument.objects.filter(document__story=story)
    if project_id is not None:
        found = project_with_role(project_id, user)
        if found is None or not holding.filter(project_id=project_id).exists():
            raise Http404(NO_STORY)
        return story, found[0], found[1]
    projects = list(
        projects_visible_to(user).filter(pk__in=holding.values("project_id")).order_by("id")[:2]
    )
    if not projects:
        raise Http404(NO_STORY)
    if len(projects) > 1:
        raise DomainError(
            "This story's documents are in several of your projects; say which.",
            {"project": "required: the story is in more than one of your projects"},
        )
    return story, projects[0], project_roles(user, projects)[projects[0].pk]


def story_columns(project: Project, story: Story) -> list[Document]:
    """The story's documents in the project, by outlet name then publication time;
    documents without an outlet last."""
    documents = (
        Document.objects.filter(story=story, pk__in=project.queue.values("document_id"))
        .select_related("outlet")
        .only("id", "title", "text", "zones", "published_at", "outlet__name")
    )
    return sorted(
        documents,
        key=lambda d: (
            d.outlet is None,
            (d.outlet.name if d.outlet else "").casefold(),
            d.published_at is None,
            d.published_at.isoformat() if d.published_at else "",
            d.pk,
        ),
    )


def _span_text(text: str, span: dict[str, Any]) -> str:
    pieces = span.get("fragments") or [[span["start"], span["end"]]]
    return FRAGMENT_JOIN.join(text[a:b] for a, b in pieces)


def _registry_entries(project: Project, keys: set[str]) -> dict[str, dict[str, str]]:
    """The registry entries named by ``keys`` ({id, key, name, kind}); none while the project has
    no registry (the source registry's model is optional to this read)."""
    if not keys:
        return {}
    try:
        model = apps.get_model("annotations", "SourceEntry")
    except LookupError:
        return {}
    rows = model.objects.filter(project=project, key__in=keys).values("id", "key", "name", "kind")
    return {row["key"]: dict(row) for row in rows}


def story_claims_table(
    project: Project,
    story: Story,
    layer: str,
    readable: list[str],
    open_sets_of: str | None = None,
) -> dict[str, Any]:
    """The claims x outlets table of ``story`` in ``project`` for ``layer`` (already checked
    readable; ``readable`` is listed in the answer for the layer picker; ``open_sets_of``:
    the username whose open sets count too, ``story_layers.open_sets_of``)."""
    columns = story_columns(project, story)
    texts = {d.pk: d.text for d in columns}
    filters = LayerFilters(layers=(layer,), story=story.pk, open_sets_of=open_sets_of)
    inputs = agreement_layers(project, filters)
    contents = {
        doc: layer_set.contents
        for doc, layer_set in inputs.layers.get(layer, {}).items()
        if doc in texts
    }
    spans: dict[int, tuple[int, dict[str, Any]]] = {}
    for doc, parts in contents.items():
        for span in parts["spans"]:
            spans[span["id"]] = (doc, span)
    links: list[tuple[int, int]] = []
    source_of: dict[int, int] = {}
    cue_of: dict[int, int] = {}
    for parts in contents.values():
        for rel in sorted(parts["relations"], key=lambda r: r["id"]):
            if rel["type"] == SAME_CLAIM:
                links.append((rel["source"], rel["target"]))
            elif rel["type"] == ATTRIBUTED_TO and rel["target"] in spans:
                source_of.setdefault(rel["source"], rel["target"])
            elif rel["type"] == CUE_OF and rel["source"] in spans:
                cue_of.setdefault(rel["target"], rel["source"])
    stances_of: dict[int, list[dict[str, Any]]] = {}
    for doc, parts in contents.items():
        for stance in parts["stances"]:
            if stance.get("object") is None:
                continue
            holder = spans.get(stance.get("holder"))
            holder_text = _span_text(texts[doc], holder[1]) if holder else None
            stances_of.setdefault(stance["object"], []).append(
                {"holder": holder_text, "value": stance["value"]}
            )
    entry_keys = {
        span["attributes"].get("entry")
        for _, span in spans.values()
        if span["label"] == SOURCE and isinstance(span.get("attributes"), dict)
    }
    entries = _registry_entries(project, {k for k in entry_keys if isinstance(k, str)})

    def related(span_id: int | None, with_type: bool) -> dict[str, Any] | None:
        if span_id is None or span_id not in spans:
            return None
        doc, span = spans[span_id]
        out: dict[str, Any] = {"id": span_id, "text": _span_text(texts[doc], span)}
        if with_type:
            attributes = span.get("attributes") or {}
            out["source_type"] = attributes.get("source_type")
            out["entry"] = entries.get(attributes.get("entry"))
        return out

    starts = {doc: paragraph_starts(text) for doc, text in texts.items()}
    zones = {d.pk: d.zones or [] for d in columns}

    def claim(span_id: int) -> dict[str, Any]:
        doc, span = spans[span_id]
        return {
            "id": span_id,
            "start": span["start"],
            "end": span["end"],
            "fragments": span.get("fragments") or [],
            "text": _span_text(texts[doc], span),
            "differs": [],
            "source": related(source_of.get(span_id), True),
            "cue": related(cue_of.get(span_id), False),
            "zone": zone_of(zones[doc], starts[doc], span["start"]),
            "paragraph": paragraph_number(starts[doc], span["start"]),
            "stances": stances_of.get(span_id, []),
        }

    position = {d.pk: index for index, d in enumerate(columns)}
    outlet_of = {d.pk: d.outlet.name if d.outlet else "" for d in columns}
    claim_ids = [i for i, (_, span) in spans.items() if span["label"] == CLAIM]
    rows = [
        _row(cluster, spans, position, outlet_of, claim)
        for cluster in claim_clusters(sorted(claim_ids), links)
    ]
    rows.sort(key=lambda r: (-r["outlets"], r.pop("_first")))
    column_json = [
        {
            "id": d.pk,
            "title": d.title,
            "outlet": outlet_of[d.pk],
            "published_at": d.published_at.isoformat() if d.published_at else None,
        }
        for d in columns
    ]
    return {
        "story": {"id": story.pk, "name": story.name},
        "project": project.pk,
        "layer": layer,
        "layers": readable,
        "documents": column_json,
        "rows": rows,
        "outlets": outlet_figures(column_json, rows),
    }


def _row(
    cluster: list[int],
    spans: dict[int, tuple[int, dict[str, Any]]],
    position: dict[int, int],
    outlet_of: dict[int, str],
    claim: Any,
) -> dict[str, Any]:
    """One row: its cells in column order, each claim's differing words marked against
    the other outlets' wording of the claim."""
    by_document: dict[int, list[dict[str, Any]]] = {}
    for span_id in cluster:
        by_document.setdefault(spans[span_id][0], []).append(claim(span_id))
    documents = sorted(by_document, key=lambda d: position[d])
    words_by_outlet: dict[str, set[str]] = {}
    for doc in documents:
        for item in by_document[doc]:
            words_by_outlet.setdefault(outlet_of[doc], set()).update(word_set(item["text"]))
    for doc in documents:
        others = set().union(
            *(words for outlet, words in words_by_outlet.items() if outlet != outlet_of[doc])
        )
        for item in by_document[doc]:
            item["differs"] = differing_ranges(item["text"], others)
    cells = [{"document": doc, "claims": sorted(by_document[doc], key=lambda c: c["start"])}
             for doc in documents]  # fmt: skip
    first = cells[0]
    return {
        "id": cluster[0],
        "outlets": len(words_by_outlet),
        "only_outlet": len(words_by_outlet) == 1,
        "cells": cells,
        "_first": (position[first["document"]], first["claims"][0]["start"]),
    }
