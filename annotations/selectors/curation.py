"""Reads for curation: one document's layers, gold set and groups (``CurationState``: what
the curation view shows and what the curation services change), as the API returns it.

The layers are the document's submitted annotator sets and the model sets asked for; their
units are grouped by ``annotations.curation.groups`` (on the agreement package's matching).
Links to other documents of the story are read with the spans they point at, so a link
across documents is a unit like any other.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson
from django.db import connection
from django.db.models import F

from annotations.agreement.units import Mode, Place, Unit, place_of, set_units
from annotations.columns import rows_fetched
from annotations.curation.groups import CurationGroup, curation_groups
from annotations.models import (
    AnnotationSet,
    Comment,
    GoldRejection,
    Project,
    ProjectDocument,
    SetKind,
    SetStatus,
    Span,
)
from annotations.provenance import layer_name
from annotations.selectors.payloads import document_payload, set_header
from annotations.selectors.set_contents import CONTENT_PARTS, SET_CONTENTS_SQL
from corpus.models import Document

MATCHING_MODES = ("exact", "overlap")


@dataclass
class LayerSet:
    """One layer's set on the document: its name (``provenance.layer_name``), the set, its
    contents as set responses show them, and its units."""

    name: str
    aset: AnnotationSet
    contents: dict[str, Any]
    units: list[Unit]


@dataclass
class CurationState:
    project: Project
    document: Document
    review_status: str
    mode: Mode
    layers: list[LayerSet]
    gold: LayerSet | None
    annotator_sets: list[AnnotationSet]  # every annotator's set on it, whatever its status
    models_available: list[str]
    elsewhere: dict[int, dict[str, Any]]  # spans of other documents links point at, by id
    gold_elsewhere: dict[int, Place]  # the gold spans of those documents
    groups: list[CurationGroup] = field(default_factory=list)

    def group(self, key: str) -> CurationGroup | None:
        return next((g for g in self.groups if g.key == key), None)

    def span_groups_at(self, place: Place) -> list[CurationGroup]:
        return [
            g
            for g in self.groups
            if g.kind == "span" and any(u.places[0] == place for u in g.members.values())
        ]


def set_contents_read(set_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The contents of sets as set responses show them, parsed (curation computes on them)."""
    if not set_ids:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(SET_CONTENTS_SQL, [list(set_ids)])
        records = rows_fetched(cursor)
    return {r["set_id"]: {part: orjson.loads(r[part]) for part in CONTENT_PARTS} for r in records}


def symmetric_types(project: Project) -> set[str]:
    relation_types = project.schema.definition.get("relation_types") or []
    return {r["key"] for r in relation_types if not r.get("directed", True)}


def linked_span_ids(contents: Iterable[dict[str, Any]]) -> set[int]:
    """Span ids that relations point at and that are not spans of their own set."""
    ids: set[int] = set()
    for content in contents:
        own = {s["id"] for s in content["spans"]}
        for relation in content["relations"]:
            ids.update(x for x in (relation["source"], relation["target"]) if x not in own)
    return ids


def spans_elsewhere_read(project: Project, ids: set[int]) -> dict[int, dict[str, Any]]:
    """Spans of the project by id, with their document and its title."""
    if not ids:
        return {}
    rows = Span.objects.filter(pk__in=ids, annotation_set__project=project).values(
        "id",
        "label",
        "start",
        "end",
        "fragments",
        "text",
        document=F("annotation_set__document_id"),
        title=F("annotation_set__document__title"),
    )
    return {row["id"]: row for row in rows}


def gold_spans_of(project: Project, documents: set[int]) -> dict[int, Place]:
    """The gold spans of these documents, by id, as places."""
    if not documents:
        return {}
    rows = Span.objects.filter(
        annotation_set__project=project,
        annotation_set__kind=SetKind.GOLD,
        annotation_set__document_id__in=documents,
    ).values("id", "label", "start", "end", "fragments", "annotation_set__document_id")
    return {r["id"]: place_of(r, r["annotation_set__document_id"]) for r in rows}


def _name(aset: AnnotationSet) -> str:
    return layer_name(aset.kind, aset.author.username if aset.author_id else None, aset.model_name)


def curation_state(
    project: Project, document_id: int, *, models: Sequence[str] = (), mode: Mode = "exact"
) -> CurationState | None:
    """The document's layers, gold set and groups; None when it is not in the project."""
    row = (
        ProjectDocument.objects.select_related("document__outlet")
        .filter(project=project, document_id=document_id)
        .first()
    )
    if row is None:
        return None
    sets = list(
        AnnotationSet.objects.filter(project=project, document_id=document_id)
        .select_related("author")
        .order_by("kind", "author__username", "model_name", "id")
    )
    annotators = [s for s in sets if s.kind == SetKind.ANNOTATOR]
    chosen = [s for s in annotators if s.status == SetStatus.SUBMITTED]
    chosen += [s for s in sets if s.kind == SetKind.MODEL and s.model_name in models]
    gold_set = next((s for s in sets if s.kind == SetKind.GOLD), None)
    everything = chosen + ([gold_set] if gold_set else [])
    contents = set_contents_read([s.pk for s in everything])
    elsewhere = spans_elsewhere_read(project, linked_span_ids(contents.values()))
    other_documents = {span["document"] for span in elsewhere.values()}
    by_id = {i: (span["document"], span) for i, span in elsewhere.items()}
    symmetric = symmetric_types(project)

    def layer(aset: AnnotationSet) -> LayerSet:
        units = set_units(
            contents[aset.pk], document_id, spans_elsewhere=by_id, symmetric=symmetric
        )
        return LayerSet(_name(aset), aset, contents[aset.pk], units)

    state = CurationState(
        project=project,
        document=row.document,
        review_status=row.review_status,
        mode=mode,
        layers=[layer(s) for s in chosen],
        gold=layer(gold_set) if gold_set else None,
        annotator_sets=annotators,
        models_available=sorted(s.model_name for s in sets if s.kind == SetKind.MODEL),
        elsewhere=elsewhere,
        gold_elsewhere=gold_spans_of(project, other_documents),
    )
    rejected = set(
        GoldRejection.objects.filter(project=project, document_id=document_id).values_list(
            "unit_key", flat=True
        )
    )
    state.groups = curation_groups(
        {layer.name: layer.units for layer in state.layers},
        state.gold.units if state.gold else [],
        rejected,
        mode,
    )
    return state


# --- the curation view, as the API returns it ---------------------------------------------


def _row(unit: Unit) -> Any:
    return unit.row


def _set_out(layer: LayerSet) -> dict[str, Any]:
    return {"name": layer.name, **set_header(layer.aset), **layer.contents}


def curation_view(state: CurationState) -> dict[str, Any]:
    """The curation view of one document (``CurationDocument``)."""
    groups = state.groups
    units = [
        {
            "key": g.key,
            "kind": g.kind,
            "state": g.state,
            "agreed": g.agreed,
            "layers": list(g.layers),
            "members": [{"layer": name, "row": _row(u)} for name, u in g.members.items()],
            "unit": _row(g.unit),
            "gold": _row(g.gold) if g.gold is not None else None,
        }
        for g in groups
    ]
    made = [g for g in groups if g.members]
    return {
        "document": document_payload(state.document),
        "review_status": state.review_status,
        "matching": state.mode,
        "layers": [_set_out(layer) for layer in state.layers],
        "gold": _set_out(state.gold) if state.gold else None,
        "models": state.models_available,
        "annotators": [
            {"username": s.author.username, "set": s.pk, "status": s.status}
            for s in state.annotator_sets
        ],
        "units": units,
        "elsewhere": [
            {k: span[k] for k in ("id", "document", "title", "label", "start", "end", "text")}
            for span in state.elsewhere.values()
        ],
        "counts": {
            "units": len(made),
            "agreed": sum(g.agreed for g in made),
            "gold": sum(g.state == "gold" for g in groups),
            "rejected": sum(g.state == "rejected" for g in groups),
            "open": sum(g.state == "open" for g in groups),
        },
    }


# --- what an annotator is shown of a return ------------------------------------------------


def returned_sets(project: Project, user: Any) -> list[dict[str, Any]]:
    """The person's sets a reviewer returned (``ReturnedSet``), oldest first, each with the
    reviewer's newest note on the set as a whole (its thread, ``Comment.annotation_set``)."""
    sets = (
        AnnotationSet.objects.filter(
            project=project, author_id=user.pk, kind=SetKind.ANNOTATOR, status=SetStatus.RETURNED
        )
        .select_related("document")
        .order_by("updated_at", "id")
    )
    out = []
    for aset in sets:
        note = (
            Comment.objects.filter(annotation_set=aset, span=None, relation=None, stance=None)
            .exclude(author_id=user.pk)
            .select_related("author")
            .order_by("-created_at", "-id")
            .first()
        )
        out.append(
            {
                "set": aset.pk,
                "document": aset.document_id,
                "title": aset.document.title,
                "returned_by": note.author.username if note else None,
                "comment": note.text if note else "",
                "returned_at": note.created_at if note else None,
            }
        )
    return out
