"""Reads. Hot paths run a fixed number of queries whatever the number of spans."""

from __future__ import annotations

from typing import Any

import orjson
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import connection
from django.db.models import Count, Q, QuerySet

from annotations.models import (
    AnnotationSet,
    DocumentAnswer,
    LabelSchema,
    Membership,
    Project,
    ProjectDocument,
    Relation,
    SetKind,
    SetStatus,
    Span,
    Stance,
)
from annotations.permissions import can_review, role_acted
from annotations.set_json import set_contents_json
from corpus.models import Document, Outlet


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


def project_progress(project: Project) -> dict[str, Any]:
    total = ProjectDocument.objects.filter(project=project).count()
    by_status = dict(
        AnnotationSet.objects.filter(project=project, kind=SetKind.ANNOTATOR)
        .values_list("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    done_docs = (
        AnnotationSet.objects.filter(
            project=project, kind=SetKind.ANNOTATOR, status=SetStatus.SUBMITTED
        )
        .values("document_id")
        .annotate(n=Count("id"))
        .filter(n__gte=project.annotators_per_document)
        .count()
    )
    return {"documents": total, "documents_done": done_docs, "sets_by_status": by_status}


SET_LOOKUP_SQL = f"""
SELECT s.id, s.project_id, s.document_id, s.kind, s.author_id, s.model_name, s.status,
       s.version, s.created_at, s.updated_at, s.started_at, s.submitted_at, s.seconds_spent,
       p.blind, p.schema_id, ls.definition::text, u.username,
       d.title, d.text, d.story_id, d.outlet_id, d.url, d.published_at, d.language,
       d.zones::text, o.name,
       (SELECT m.role FROM {Membership._meta.db_table} m
        WHERE m.project_id = s.project_id AND m.user_id = %s)
FROM {AnnotationSet._meta.db_table} s
JOIN {Project._meta.db_table} p ON p.id = s.project_id
JOIN {LabelSchema._meta.db_table} ls ON ls.id = p.schema_id
JOIN {Document._meta.db_table} d ON d.id = s.document_id
LEFT JOIN {Outlet._meta.db_table} o ON o.id = d.outlet_id
LEFT JOIN {get_user_model()._meta.db_table} u ON u.id = s.author_id
WHERE s.id = %s
"""


def annotation_set_lookup(set_id: int, user_id: int | None) -> tuple[AnnotationSet, str] | None:
    """A set with its project, schema, author name and document (no ``raw``), and the role of
    ``user_id`` in its project: one prepared statement, no ORM query compilation, because
    every set read and write starts here. None when there is no such set."""
    with connection.cursor() as cursor:
        cursor.execute(SET_LOOKUP_SQL, [user_id, set_id])
        row = cursor.fetchone()
    if row is None:
        return None
    (
        pk,
        project_id,
        document_id,
        kind,
        author_id,
        model_name,
        status,
        version,
        created_at,
        updated_at,
        started_at,
        submitted_at,
        seconds_spent,
        blind,
        schema_id,
        definition,
        username,
        title,
        text,
        story_id,
        outlet_id,
        url,
        published_at,
        language,
        zones,
        outlet_name,
        role,
    ) = row
    aset = AnnotationSet(
        id=pk,
        project_id=project_id,
        document_id=document_id,
        kind=kind,
        author_id=author_id,
        model_name=model_name,
        status=status,
        version=version,
        created_at=created_at,
        updated_at=updated_at,
        started_at=started_at,
        submitted_at=submitted_at,
        seconds_spent=seconds_spent,
    )
    project = Project(id=project_id, blind=blind, schema_id=schema_id)
    project.schema = LabelSchema(id=schema_id, definition=orjson.loads(definition))
    document = Document(
        id=document_id,
        title=title,
        text=text,
        story_id=story_id,
        outlet_id=outlet_id,
        url=url,
        published_at=published_at,
        language=language,
        zones=orjson.loads(zones),
    )
    if outlet_id is not None:
        document.outlet = Outlet(id=outlet_id, name=outlet_name)
    aset.project = project
    aset.document = document
    if author_id is not None:
        aset.author = get_user_model()(id=author_id, username=username)
    for instance in (aset, project, project.schema, document):
        instance._state.adding = False
        instance._state.db = "default"
    return aset, role


PROJECT_DOCUMENT_SQL = f"""
SELECT p.blind,
       (SELECT m.role FROM {Membership._meta.db_table} m
        WHERE m.project_id = p.id AND m.user_id = %s),
       d.title, d.text, d.story_id, d.outlet_id, d.url, d.published_at, d.language,
       d.zones::text, o.name
FROM {Project._meta.db_table} p
JOIN {ProjectDocument._meta.db_table} pd ON pd.project_id = p.id AND pd.document_id = %s
JOIN {Document._meta.db_table} d ON d.id = pd.document_id
LEFT JOIN {Outlet._meta.db_table} o ON o.id = d.outlet_id
WHERE p.id = %s
"""

DOCUMENT_SETS_SQL = f"""
SELECT s.id, s.kind, u.username, s.model_name, s.status, s.version, s.created_at,
       s.updated_at, s.submitted_at
FROM {AnnotationSet._meta.db_table} s
LEFT JOIN {get_user_model()._meta.db_table} u ON u.id = s.author_id
WHERE s.project_id = %(project)s AND s.document_id = %(document)s
  AND (%(all)s OR (s.kind = 'annotator' AND s.author_id = %(user)s) OR s.kind = 'model')
ORDER BY s.id
"""


def project_document_read(
    *, project_id: int, document_id: int, user: AbstractBaseUser
) -> dict[str, Any] | None:
    """The workspace's read: a project's document with every set the caller may see, in
    three prepared statements. None when the caller may not see it (or it is not there)."""
    with connection.cursor() as cursor:
        cursor.execute(PROJECT_DOCUMENT_SQL, [user.pk, document_id, project_id])
        row = cursor.fetchone()
        if row is None:
            return None
        blind, role, title, text, story_id, outlet_id, url, published, language, zones, outlet = row
        role = role_acted(user, role)
        if role is None:
            return None
        see_all = can_review(role) or not blind
        cursor.execute(
            DOCUMENT_SETS_SQL,
            {"project": project_id, "document": document_id, "all": see_all, "user": user.pk},
        )
        sets = cursor.fetchall()
    contents = set_contents_json([s[0] for s in sets])
    return {
        "id": document_id,
        "title": title,
        "text": text,
        "outlet": outlet if outlet_id is not None else None,
        "story": story_id,
        "url": url,
        "published_at": published,
        "language": language,
        "zones": orjson.Fragment(zones),
        "sets": [
            {
                "id": pk,
                "project": project_id,
                "document": document_id,
                "kind": kind,
                "author": username,
                "model_name": model_name,
                "status": status,
                "version": version,
                "created_at": created,
                "updated_at": updated,
                "submitted_at": submitted,
                **contents[pk],
            }
            for pk, kind, username, model_name, status, version, created, updated, submitted in sets
        ],
    }
