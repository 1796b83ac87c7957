"""Reads of annotation sets: who sees which, and one set with everything its checks need.

Hot paths run a fixed number of prepared statements whatever the number of spans; results
are read into named rows (``columns.rows_fetched``), never by position.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import connection
from django.db.models import Model, Q, QuerySet

from annotations.columns import (
    columns_sql,
    instance_from,
    rows_fetched,
)
from annotations.models import (
    AnnotationSet,
    LabelSchema,
    Membership,
    Project,
    SetKind,
)
from annotations.permissions import can_review
from annotations.selectors.payloads import DOCUMENT_READ_FIELDS, document_payload, set_header
from annotations.selectors.set_contents import set_contents_json
from corpus.models import Document, Outlet

User = get_user_model()

# --- who sees which sets ------------------------------------------------------------------


def sets_visible_to(user: AbstractBaseUser, role: str | None, project: Project) -> QuerySet:
    """Reviewers and managers see every set; annotators all of them unless the project is
    blind, then their own and the models' (see ``permissions.can_read_set``)."""
    qs = AnnotationSet.objects.filter(project=project)
    if role is None:
        return qs.none()
    if can_review(role) or not project.blind:
        return qs
    return qs.filter(Q(author=user, kind=SetKind.ANNOTATOR) | Q(kind=SetKind.MODEL))


SET_LIST_FILTERS = {
    "document": "document_id",
    "status": "status",
    "kind": "kind",
    "author": "author__username",
}


def sets_listed(
    user: AbstractBaseUser, role: str | None, project: Project, filters: dict[str, Any]
) -> QuerySet[AnnotationSet]:
    """The sets the caller may see, narrowed by ``filters`` (``SET_LIST_FILTERS`` keys, values
    already parsed), with their authors, in id order."""
    sets = sets_visible_to(user, role, project).select_related("author")
    for name, value in filters.items():
        if value not in (None, ""):
            sets = sets.filter(**{SET_LIST_FILTERS[name]: value})
    return sets.order_by("id")


# --- one set --------------------------------------------------------------------------------


def annotation_set_detail(aset: AnnotationSet, *, with_document: bool = True) -> dict[str, Any]:
    """A set with its contents (and its document's text): the body of set responses."""
    data: dict[str, Any] = dict(set_header(aset))
    data.update(set_contents_json([aset.pk])[aset.pk])
    if with_document:
        data["document_detail"] = document_payload(aset.document)
    return data


_SET_FIELDS = [field.name for field in AnnotationSet._meta.concrete_fields]

SET_LOOKUP_SQL = f"""
SELECT {columns_sql("s", AnnotationSet, _SET_FIELDS, "set")},
       {columns_sql("p", Project, ["id", "blind", "schema", "archived_at"], "project")},
       {columns_sql("ls", LabelSchema, ["id", "definition"], "schema")},
       {columns_sql("u", User, ["id", "username"], "author")},
       {columns_sql("d", Document, DOCUMENT_READ_FIELDS, "document")},
       {columns_sql("o", Outlet, ["id", "name"], "outlet")},
       (SELECT m.role FROM {Membership._meta.db_table} m
        WHERE m.project_id = s.project_id AND m.user_id = %s) AS role
FROM {AnnotationSet._meta.db_table} s
JOIN {Project._meta.db_table} p ON p.id = s.project_id
JOIN {LabelSchema._meta.db_table} ls ON ls.id = p.schema_id
JOIN {Document._meta.db_table} d ON d.id = s.document_id
LEFT JOIN {Outlet._meta.db_table} o ON o.id = d.outlet_id
LEFT JOIN {User._meta.db_table} u ON u.id = s.author_id
WHERE s.id = %s
"""


def annotation_set_lookup(set_id: int, user_id: int | None) -> tuple[AnnotationSet, str] | None:
    """A set with its project, schema, author name and document (no ``raw``), and the role of
    ``user_id`` in its project: one prepared statement, no ORM query compilation, because
    every set read and write starts here. None when there is no such set."""
    with connection.cursor() as cursor:
        cursor.execute(SET_LOOKUP_SQL, [user_id, set_id])
        records = rows_fetched(cursor)
    if not records:
        return None
    record = records[0]
    aset = instance_from(AnnotationSet, record, "set")
    project = instance_from(Project, record, "project")
    project.schema = instance_from(LabelSchema, record, "schema")
    document = instance_from(Document, record, "document")
    if document.outlet_id is not None:
        document.outlet = instance_from(Outlet, record, "outlet")
    aset.project = project
    aset.document = document
    if aset.author_id is not None:
        aset.author = instance_from(User, record, "author")
    return aset, record["role"]


def row_get(model: type[Model], row_id: int) -> Model | None:
    """A span, relation or stance by id (its set is looked up separately)."""
    return model.objects.filter(pk=row_id).first()
