"""Writing a checked import: users and memberships, then sets, spans, relations, stances and
answers with one ``COPY`` each, ids taken from the sequences beforehand."""

from __future__ import annotations

from typing import Any

import orjson
from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone

from annotations.formats.records import Header, Issue
from annotations.models import (
    AnnotationSet,
    DocumentAnswer,
    Membership,
    Project,
    ProjectDocument,
    Relation,
    Role,
    SetKind,
    SetStatus,
    Span,
    Stance,
)
from annotations.services.imports.documents import documents_write
from annotations.services.imports.outcome import ImportOutcome
from annotations.services.imports.parsed import CheckedDocument, layer_key
from annotations.services.projects import project_documents_add
from annotations.services.row_copy import ids_take, rows_copy


def members_ensure(
    project: Project, header: Header | None, parsed: list[CheckedDocument], outcome: ImportOutcome
) -> None:
    """Users for every username the file names (created without a password when missing)
    and a membership for each in this project (existing roles are left as they are)."""
    roles: dict[str, str] = {}
    for member in (header or {}).get("members") or []:
        if isinstance(member, dict) and isinstance(member.get("username"), str):
            role = member.get("role")
            roles[member["username"]] = role if role in Role.values else Role.ANNOTATOR
    for document in parsed:
        for aset in document.sets:
            if aset.author:
                default = Role.REVIEWER if aset.row.kind == SetKind.GOLD else Role.ANNOTATOR
                roles.setdefault(aset.author, default)
    if not roles:
        return
    User = get_user_model()
    users = {u.username: u for u in User.objects.filter(username__in=list(roles))}
    for username in sorted(set(roles) - set(users)):
        if len(username) > 150:
            outcome.error(Issue("", None, f"username {username[:40]!r}... is too long"))
            return
        new = User(username=username)
        new.set_unusable_password()
        new.save()
        users[username] = new
        outcome.users_created.append(username)
    Membership.objects.bulk_create(
        [Membership(project=project, user=users[u], role=r) for u, r in roles.items()],
        ignore_conflicts=True,
    )
    for document in parsed:
        for aset in document.sets:
            if aset.author:
                aset.row.author = users[aset.author]


def _sets_clash(project: Project, parsed: list[CheckedDocument], outcome: ImportOutcome) -> None:
    """A set the project already has for a document and layer of the file: reported."""
    wanted = {(d.row.pk, layer_key(s)): d for d in parsed for s in d.sets}
    rows = AnnotationSet.objects.filter(
        project=project, document_id__in={d.row.pk for d in parsed}
    ).values_list("document_id", "kind", "author__username", "model_name")
    for document_id, kind, username, model in rows:
        document = wanted.get((document_id, (kind, username or model or "")))
        if document is not None:
            who = username or model or "gold"
            message = f"the project already has a {kind} set by {who} on this document"
            outcome.error(Issue(document.file, document.line, message))


def sets_write(project: Project, parsed: list[CheckedDocument], outcome: ImportOutcome) -> None:
    documents_write(parsed, outcome)
    _sets_clash(project, parsed, outcome)
    if outcome.errors:
        return
    outcome.counts["added_to_project"] = project_documents_add(
        project=project, documents=[d.row for d in parsed]
    )
    sets = [(d, s) for d in parsed for s in d.sets]
    set_ids = ids_take(AnnotationSet._meta.db_table, len(sets))
    now = timezone.now()
    for (document, aset), pk in zip(sets, set_ids, strict=True):
        aset.row.pk = pk
        aset.row.project = project
        aset.row.document = document.row
    rows_copy(
        AnnotationSet._meta.db_table,
        [
            "id",
            "project_id",
            "document_id",
            "kind",
            "author_id",
            "model_name",
            "status",
            "version",
            "created_at",
            "updated_at",
            "started_at",
            "submitted_at",
            "seconds_spent",
        ],  # fmt: skip
        (
            (
                s.row.pk,
                project.pk,
                d.row.pk,
                s.row.kind,
                s.row.author_id,
                s.row.model_name,
                s.row.status,
                1,
                now,
                now,
                s.row.started_at,
                s.row.submitted_at,
                s.row.seconds_spent,
            )  # fmt: skip
            for d, s in sets
        ),
    )
    spans = [(s, span) for _, s in sets for span in s.spans.values()]
    for (_, span), pk in zip(spans, ids_take(Span._meta.db_table, len(spans)), strict=True):
        span.pk = pk
    outcome.counts["sets"] = len(sets)
    outcome.counts["spans"] = rows_copy(
        Span._meta.db_table,
        [
            "id",
            "annotation_set_id",
            "label",
            "start",
            "end",
            "fragments",
            "text",
            "attributes",
            "created_at",
        ],  # fmt: skip
        (
            (
                span.pk,
                s.row.pk,
                span.label,
                span.start,
                span.end,
                _json(span.fragments),
                span.text,
                _json(span.attributes),
                now,
            )  # fmt: skip
            for s, span in spans
        ),
    )
    outcome.counts["relations"] = rows_copy(
        Relation._meta.db_table,
        ["annotation_set_id", "type", "source_id", "target_id", "attributes"],
        (
            (s.row.pk, r["type"], r["source"].pk, r["target"].pk, _json(r["attributes"]))
            for _, s in sets
            for r in s.relations
        ),
    )
    outcome.counts["stances"] = rows_copy(
        Stance._meta.db_table,
        ["annotation_set_id", "holder_id", "target", "object_span_id", "value"],
        (
            (
                s.row.pk,
                x["holder"].pk if x["holder"] else None,
                x["target"],
                x["object_span"].pk if x["object_span"] else None,
                x["value"],
            )
            for _, s in sets
            for x in s.stances
        ),
    )
    outcome.counts["answers"] = rows_copy(
        DocumentAnswer._meta.db_table,
        ["annotation_set_id", "question", "value"],
        ((s.row.pk, a.question, _json(a.value)) for _, s in sets for a in s.answers),
    )
    _assigned_counts_refresh(project, [d.row.pk for d in parsed])


def _json(value: Any) -> str | None:
    return None if value is None else orjson.dumps(value).decode()


def _assigned_counts_refresh(project: Project, document_ids: list[int]) -> None:
    """``assigned_count`` counts live (not skipped) annotator sets: recount the imported."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            UPDATE {ProjectDocument._meta.db_table} pd SET assigned_count = (
                SELECT count(*) FROM {AnnotationSet._meta.db_table} s
                WHERE s.project_id = pd.project_id AND s.document_id = pd.document_id
                  AND s.kind = %s AND s.status <> %s)
            WHERE pd.project_id = %s AND pd.document_id = ANY(%s)
            """,
            [SetKind.ANNOTATOR, SetStatus.SKIPPED, project.pk, document_ids],
        )
