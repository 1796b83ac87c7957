"""Projects, their schema, members and documents."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import connection, transaction
from django.db.models import QuerySet

from annotations.models import LabelSchema, Membership, Project, ProjectDocument, Role
from annotations.presets import PRESETS
from annotations.schema import SchemaError, validate_definition
from annotations.services.errors import DomainError
from annotations.services.project_documents import archived_sets_restore
from annotations.services.schema_changes import project_schema_change
from corpus.models import Document


def schema_definition_checked(definition: Any) -> dict[str, Any]:
    try:
        return validate_definition(definition)
    except SchemaError as exc:
        raise DomainError("The schema is not valid.", {"schema": exc.errors}) from exc


@transaction.atomic
def project_create(
    *,
    name: str,
    owner: AbstractBaseUser,
    preset: str = "news-attribution",
    schema: dict[str, Any] | None = None,
    **fields: Any,
) -> Project:
    """Create a project with its own copy of a schema; the owner becomes its manager."""
    if schema is None:
        if preset not in PRESETS:
            raise DomainError(f"Unknown preset {preset!r}.", {"preset": sorted(PRESETS)})
        schema = copy.deepcopy(PRESETS[preset])
    definition = schema_definition_checked(schema)
    label_schema = LabelSchema.objects.create(name=f"{name} schema"[:200], definition=definition)
    project = Project.objects.create(name=name, schema=label_schema, **fields)
    Membership.objects.create(project=project, user=owner, role=Role.MANAGER)
    return project


def project_schema_replace(*, project: Project, definition: Any) -> LabelSchema:
    """Replace the schema; refused when it drops a key stored annotations use (with how many
    rows use it). ``schema_changes.project_schema_change`` holds the rule and the lock."""
    return project_schema_change(project=project, definition=definition)


def _managers_locked(project: Project) -> list[int]:
    """Lock the project's manager memberships; return their user ids."""
    rows = Membership.objects.select_for_update().filter(project=project, role=Role.MANAGER)
    return [m.user_id for m in rows]


@transaction.atomic
def membership_set(*, project: Project, user: AbstractBaseUser, role: str) -> Membership:
    """Add a member or change their role; a project keeps at least one manager."""
    if role not in Role.values:
        raise DomainError("Unknown role.", {"role": f"must be one of {', '.join(Role.values)}"})
    managers = _managers_locked(project)
    if role != Role.MANAGER and managers == [user.pk]:
        raise DomainError("A project keeps at least one manager.", {"role": "last manager"})
    membership, _ = Membership.objects.update_or_create(
        project=project, user=user, defaults={"role": role}
    )
    return membership


@transaction.atomic
def membership_remove(*, project: Project, user: AbstractBaseUser) -> None:
    if _managers_locked(project) == [user.pk]:
        raise DomainError("A project keeps at least one manager.", {"user": "last manager"})
    Membership.objects.filter(project=project, user=user).delete()


def project_update(*, project: Project, fields: dict[str, Any]) -> Project:
    for name, value in fields.items():
        setattr(project, name, value)
    project.save(update_fields=list(fields) or None)
    return project


@transaction.atomic
def project_delete(*, project: Project) -> None:
    """Delete the project with its sets, and its own copy of the schema; documents stay."""
    schema = project.schema
    project.delete()
    schema.delete()


def project_documents_choose(
    *, visible: QuerySet[Document], ids: list[int], story_id: int | None
) -> list[Document]:
    """The documents to add, drawn only from those the caller may already see: unknown and
    invisible ids are refused alike, so ids of other people's documents leak nothing."""
    chosen = visible.none()
    if ids:
        chosen = visible.filter(pk__in=ids)
        missing = set(ids) - set(chosen.values_list("pk", flat=True))
        if missing:
            raise DomainError(
                "Some documents do not exist or are not yours to add.",
                {"documents": f"not found: {sorted(missing)}"},
            )
    if story_id is not None:
        chosen = chosen | visible.filter(story_id=story_id)
    return list(chosen.select_related(None).only("id").order_by("id").distinct())


def _queue_append_sql() -> str:
    """One statement: the documents after the queue's last position, in the order given;
    one already in the queue keeps its place (``ON CONFLICT DO NOTHING``), and one whose text
    the project already holds as another copy (``Document.variant``) is left out, so a text
    is one document within a project (exports and agreement go by its hash). Written in SQL
    because the ORM took ~35 us a document to build and insert the rows (an import of
    2,000 spent ~70 ms here; bench/bench_api_import.py --profile)."""
    table = connection.ops.quote_name(ProjectDocument._meta.db_table)
    column = {
        name: connection.ops.quote_name(ProjectDocument._meta.get_field(name).column)
        for name in ("project", "document", "position", "assigned_count")
    }
    documents = connection.ops.quote_name(Document._meta.db_table)
    return f"""
        INSERT INTO {table} ({column["project"]}, {column["document"]}, {column["position"]},
                             {column["assigned_count"]})
        SELECT %(project)s, given.id, last.position + given.n, 0
        FROM unnest(%(ids)s::bigint[]) WITH ORDINALITY AS given(id, n),
             (SELECT COALESCE(MAX({column["position"]}), 0) AS position FROM {table}
              WHERE {column["project"]} = %(project)s) AS last
        WHERE NOT EXISTS (
            SELECT 1 FROM {table} held
            JOIN {documents} held_document ON held_document.id = held.{column["document"]}
            JOIN {documents} given_document ON given_document.id = given.id
            WHERE held.{column["project"]} = %(project)s
              AND held_document.sha256 = given_document.sha256
              AND held_document.id <> given.id
        )
        ORDER BY given.n
        ON CONFLICT DO NOTHING
    """


QUEUE_APPEND_SQL = _queue_append_sql()


def project_documents_add(*, project: Project, documents: Iterable[Document]) -> int:
    """Append documents to the project's queue (documents already in it are left alone).
    Returns how many were added."""
    ids = [document.pk for document in documents]
    if not ids:
        return 0
    with connection.cursor() as cursor:
        cursor.execute(QUEUE_APPEND_SQL, {"project": project.pk, "ids": ids})
        added = cursor.rowcount
    if added:  # a removed document added back gets its archived sets back
        archived_sets_restore(project=project, document_ids=ids)
    return added
