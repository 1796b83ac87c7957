"""Reads of a project's documents: the list (filtered), and one document with the sets the
caller may see (the workspace's one read)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import orjson
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import connection
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from annotations.columns import columns_sql, instance_from, rows_fetched
from annotations.contracts import ProjectDocumentDetail, ProjectDocumentRow
from annotations.models import (
    AnnotationSet,
    Membership,
    Project,
    ProjectDocument,
    SetKind,
    SetStatus,
)
from annotations.permissions import can_review, role_acted
from annotations.selectors.linked_spans import linked_spans
from annotations.selectors.payloads import DOCUMENT_READ_FIELDS, document_payload, set_header
from annotations.selectors.set_contents import set_contents_json
from corpus.models import Document, Outlet, Story
from corpus.selectors import DocumentFilters, documents_filtered, outlets_visible_to


def document_get(document_id: int) -> Document | None:
    return Document.objects.select_related("outlet").filter(pk=document_id).first()


def project_document_get(project: Project, document_id: int) -> Document | None:
    """The document when it is in the project's queue, else None."""
    row = (
        ProjectDocument.objects.select_related("document")
        .filter(project=project, document_id=document_id)
        .first()
    )
    return row.document if row else None


def project_documents(project: Project, filters: DocumentFilters) -> QuerySet[ProjectDocument]:
    """The project's queue in order, narrowed by the corpus's document filters, each with
    how many of its annotator sets are submitted (``submitted_count``)."""
    submitted = (
        AnnotationSet.objects.filter(
            project=OuterRef("project"),
            document=OuterRef("document"),
            kind=SetKind.ANNOTATOR,
            status=SetStatus.SUBMITTED,
        )
        .order_by()
        .values("document")
        .annotate(n=Count("id"))
        .values("n")
    )
    rows = (
        ProjectDocument.objects.filter(project=project)
        .select_related("document__outlet", "document__story")
        .annotate(submitted_count=Coalesce(Subquery(submitted, output_field=IntegerField()), 0))
    )
    if filters.active:
        chosen = documents_filtered(Document.objects.all(), filters)
        rows = rows.filter(document__in=chosen.values("id"))
    return rows.order_by("position", "id")


def project_document_rows(rows: Any) -> list[ProjectDocumentRow]:
    return [
        {
            "id": row.document_id,
            "title": row.document.title,
            "outlet": row.document.outlet.name if row.document.outlet_id else None,
            "story": row.document.story_id,
            "position": row.position,
            "assigned": row.assigned_count,
            "submitted": row.submitted_count,
            "length": len(row.document.text),
            "story_name": row.document.story.name if row.document.story_id else None,
            "published_at": _iso(row.document.published_at),
            "url": row.document.url,
            "language": row.document.language,
            "review_status": row.review_status,
        }
        for row in rows
    ]


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def project_document_choices(project: Project, user: AbstractBaseUser) -> dict[str, list]:
    """What the document list's filters and edit form offer: the stories of the project's
    documents (id, name) and the outlets the person can see (names)."""
    stories = (
        Story.objects.filter(documents__in=project.queue.values("document_id"))
        .distinct()
        .order_by("name")
        .values("id", "name")
    )
    outlets = outlets_visible_to(user).order_by("name").values_list("name", flat=True)
    return {"stories": list(stories), "outlets": list(outlets)}


def project_document_row(project: Project, document_id: int) -> ProjectDocumentRow | None:
    """One entry of the project's document list, as the list gives it."""
    rows = project_documents(project, DocumentFilters()).filter(document_id=document_id)
    found = project_document_rows(rows)
    return found[0] if found else None


_READ_WITHOUT_ZONES = [name for name in DOCUMENT_READ_FIELDS if name != "zones"]

PROJECT_DOCUMENT_SQL = f"""
SELECT p.blind,
       (SELECT m.role FROM {Membership._meta.db_table} m
        WHERE m.project_id = p.id AND m.user_id = %s) AS role,
       {columns_sql("d", Document, _READ_WITHOUT_ZONES, "document")}, d.zones::text AS zones,
       {columns_sql("o", Outlet, ["id", "name"], "outlet")}
FROM {Project._meta.db_table} p
JOIN {ProjectDocument._meta.db_table} pd ON pd.project_id = p.id AND pd.document_id = %s
JOIN {Document._meta.db_table} d ON d.id = pd.document_id
LEFT JOIN {Outlet._meta.db_table} o ON o.id = d.outlet_id
WHERE p.id = %s
"""

_SET_FIELDS = [field.name for field in AnnotationSet._meta.concrete_fields]

DOCUMENT_SETS_SQL = f"""
SELECT {columns_sql("s", AnnotationSet, _SET_FIELDS, "set")},
       {columns_sql("u", get_user_model(), ["id", "username"], "author")}
FROM {AnnotationSet._meta.db_table} s
LEFT JOIN {get_user_model()._meta.db_table} u ON u.id = s.author_id
WHERE s.project_id = %(project)s AND s.document_id = %(document)s
  AND (%(all)s OR (s.kind = %(annotator)s AND s.author_id = %(user)s) OR s.kind = %(model)s)
ORDER BY s.id
"""


def project_document_read(
    *, project_id: int, document_id: int, user: AbstractBaseUser
) -> ProjectDocumentDetail | None:
    """The workspace's read: a project's document with every set the caller may see, in
    four prepared statements. None when the caller may not see it (or it is not there)."""
    with connection.cursor() as cursor:
        cursor.execute(PROJECT_DOCUMENT_SQL, [user.pk, document_id, project_id])
        found = rows_fetched(cursor)
        if not found:
            return None
        record = found[0]
        role = role_acted(user, record["role"])
        if role is None:
            return None
        params = {
            "project": project_id,
            "document": document_id,
            "all": can_review(role) or not record["blind"],
            "user": user.pk,
            "annotator": SetKind.ANNOTATOR,
            "model": SetKind.MODEL,
        }
        cursor.execute(DOCUMENT_SETS_SQL, params)
        sets = rows_fetched(cursor)
    document = instance_from(Document, record, "document")
    if document.outlet_id is not None:
        document.outlet = instance_from(Outlet, record, "outlet")
    headers = [set_header(_set_with_author(row)) for row in sets]
    contents = set_contents_json([header["id"] for header in headers])
    linked = linked_spans(
        project_id=project_id,
        document_id=document_id,
        set_ids=[header["id"] for header in headers],
        user_id=user.pk,
        see_all=params["all"],
    )
    return {
        **document_payload(document),
        "zones": orjson.Fragment(record["zones"]),  # as stored: never parsed here
        "sets": [{**header, **contents[header["id"]]} for header in headers],
        "linked_spans": linked,
    }


def _set_with_author(row: dict[str, Any]) -> AnnotationSet:
    aset = instance_from(AnnotationSet, row, "set")
    if aset.author_id is not None:
        aset.author = instance_from(get_user_model(), row, "author")
    return aset
