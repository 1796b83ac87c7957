"""Reads. Hot paths run a fixed number of queries whatever the number of spans."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Q, QuerySet

from annotations.models import (
    AnnotationSet,
    DocumentAnswer,
    Project,
    ProjectDocument,
    Relation,
    SetKind,
    Span,
    Stance,
)
from annotations.permissions import can_review
from annotations.set_json import set_contents_json

SPAN_FIELDS = (
    "id",
    "annotation_set_id",
    "label",
    "start",
    "end",
    "fragments",
    "text",
    "attributes",
)


def projects_visible_to(user: AbstractBaseUser) -> QuerySet[Project]:
    qs = Project.objects.select_related("schema")
    if getattr(user, "is_superuser", False):
        return qs.all()
    return qs.filter(memberships__user=user)


def schema_keys_in_use(project: Project) -> dict[str, set[str]]:
    sets = AnnotationSet.objects.filter(project=project)
    return {
        "labels": set(Span.objects.filter(annotation_set__in=sets).values_list("label", flat=True)),
        "relation_types": set(
            Relation.objects.filter(annotation_set__in=sets).values_list("type", flat=True)
        ),
        "targets": set(
            Stance.objects.filter(annotation_set__in=sets)
            .exclude(target="")
            .values_list("target", flat=True)
        ),
        "questions": set(
            DocumentAnswer.objects.filter(annotation_set__in=sets).values_list(
                "question", flat=True
            )
        ),
    }


def sets_visible_to(user: AbstractBaseUser, role: str | None, project: Project) -> QuerySet:
    qs = AnnotationSet.objects.filter(project=project)
    if role is None:
        return qs.none()
    if can_review(role) or not project.blind:
        return qs
    return qs.filter(Q(author=user, kind=SetKind.ANNOTATOR) | Q(kind=SetKind.MODEL))


def set_header(aset: AnnotationSet) -> dict[str, Any]:
    return {
        "id": aset.pk,
        "project": aset.project_id,
        "document": aset.document_id,
        "kind": aset.kind,
        "author": aset.author.username if aset.author_id and aset.author else None,
        "model_name": aset.model_name,
        "status": aset.status,
        "version": aset.version,
        "created_at": aset.created_at,
        "updated_at": aset.updated_at,
        "submitted_at": aset.submitted_at,
    }


def set_contents(set_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Spans, relations, stances and answers of many sets in four queries."""
    out: dict[int, dict[str, Any]] = {
        i: {"spans": [], "relations": [], "stances": [], "answers": {}} for i in set_ids
    }
    if not set_ids:
        return out
    for row in (
        Span.objects.filter(annotation_set_id__in=set_ids)
        .order_by("start", "end", "id")
        .values(*SPAN_FIELDS)
    ):
        set_id = row.pop("annotation_set_id")
        out[set_id]["spans"].append(row)
    for row in Relation.objects.filter(annotation_set_id__in=set_ids).values(
        "id", "annotation_set_id", "type", "source_id", "target_id", "attributes"
    ):
        out[row["annotation_set_id"]]["relations"].append(
            {
                "id": row["id"],
                "type": row["type"],
                "source": row["source_id"],
                "target": row["target_id"],
                "attributes": row["attributes"],
            }
        )
    for row in Stance.objects.filter(annotation_set_id__in=set_ids).values(
        "id", "annotation_set_id", "holder_id", "target", "object_span_id", "value"
    ):
        out[row["annotation_set_id"]]["stances"].append(
            {
                "id": row["id"],
                "holder": row["holder_id"],
                "target": row["target"] or None,
                "object": row["object_span_id"],
                "value": row["value"],
            }
        )
    for row in DocumentAnswer.objects.filter(annotation_set_id__in=set_ids).values(
        "annotation_set_id", "question", "value"
    ):
        out[row["annotation_set_id"]]["answers"][row["question"]] = row["value"]
    return out


def document_payload(document: Any) -> dict[str, Any]:
    return {
        "id": document.pk,
        "title": document.title,
        "text": document.text,
        "outlet": document.outlet.name if document.outlet_id else None,
        "story": document.story_id,
        "url": document.url,
        "published_at": document.published_at,
        "language": document.language,
        "zones": document.zones,
    }


def annotation_set_detail(aset: AnnotationSet, *, with_document: bool = True) -> dict[str, Any]:
    """A set with its contents (and its document's text): the body of set responses."""
    data = set_header(aset)
    data.update(set_contents_json([aset.pk])[aset.pk])
    if with_document:
        data["document_detail"] = document_payload(aset.document)
    return data


def document_with_sets(
    *, project: Project, document: Any, user: AbstractBaseUser, role: str | None
) -> dict[str, Any]:
    """A document with every set the caller may see in this project."""
    sets = list(
        sets_visible_to(user, role, project)
        .filter(document=document)
        .select_related("author")
        .order_by("id")
    )
    contents = set_contents_json([s.pk for s in sets])
    data = document_payload(document)
    data["sets"] = [{**set_header(s), **contents[s.pk]} for s in sets]
    return data


def project_progress(project: Project) -> dict[str, Any]:
    total = ProjectDocument.objects.filter(project=project).count()
    by_status = dict(
        AnnotationSet.objects.filter(project=project, kind=SetKind.ANNOTATOR)
        .values_list("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    done_docs = (
        AnnotationSet.objects.filter(project=project, kind=SetKind.ANNOTATOR, status="submitted")
        .values("document_id")
        .annotate(n=Count("id"))
        .filter(n__gte=project.annotators_per_document)
        .count()
    )
    return {"documents": total, "documents_done": done_docs, "sets_by_status": by_status}


def member_roles(project: Project) -> dict[int, str]:
    return dict(project.memberships.values_list("user_id", "role"))


def spans_by_label_in_story(project: Project, story_id: int, label: str) -> QuerySet[Span]:
    """Every span of one label across the documents of a story: one indexed query."""
    return Span.objects.filter(
        annotation_set__project=project,
        annotation_set__document__story_id=story_id,
        label=label,
    ).select_related("annotation_set")
