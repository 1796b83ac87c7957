"""Writing a checked import: users and memberships, then sets, spans, relations, stances and
answers with one ``COPY`` each, ids taken from the sequences beforehand."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from annotations.columns import (
    ANSWER,
    RELATION,
    SPAN,
    STANCE,
    model_copy_columns,
    model_copy_row,
)
from annotations.formats.records import Header, Issue
from annotations.models import (
    AnnotationSet,
    Membership,
    Project,
    ProjectDocument,
    Role,
    SetKind,
    SetStatus,
    Span,
)
from annotations.services.imports.checked import CheckedDocument, layer_key
from annotations.services.imports.documents import documents_write
from annotations.services.imports.outcome import ImportOutcome
from annotations.services.projects import project_documents_add
from annotations.services.row_copy import rows_copy
from config.sequences import ids_take

PEOPLE_REFUSAL = "adding people by import needs the 'can add people by import' permission"


def _named(header: Header | None, parsed: list[CheckedDocument]) -> dict[str, Issue]:
    """Every username the file names, with where: its first set's record, else the header."""
    named: dict[str, Issue] = {}
    for document in parsed:
        for aset in document.sets:
            if aset.author:
                named.setdefault(aset.author, Issue(document.file, document.line, ""))
    for member in (header or {}).get("members") or []:
        if isinstance(member, dict) and isinstance(member.get("username"), str):
            named.setdefault(member["username"], Issue("header", 1, ""))
    return named


def members_ensure(
    project: Project,
    header: Header | None,
    parsed: list[CheckedDocument],
    outcome: ImportOutcome,
    may_add_people: bool = False,
) -> None:
    """The members every username of the file stands for. Existing members are used as they
    are (an import never changes a role). Anyone else is an error unless the importer may add
    people (``may_add_people``): then missing accounts are created without a password and
    accounts added, as annotators only; staff and superusers are never added by an import."""
    named = _named(header, parsed)
    if not named:
        return
    User = get_user_model()
    users = {u.username: u for u in User.objects.filter(username__in=list(named))}
    members = set(
        Membership.objects.filter(project=project, user__in=users.values()).values_list(
            "user__username", flat=True
        )
    )
    for username, where in named.items():
        if username in members:
            continue
        shown = f"{username[:40]!r}{'...' if len(username) > 40 else ''}"
        account = users.get(username)
        if not may_add_people:
            what = "is not a member of this project" if account else "has no account"
            outcome.error(Issue(where.file, where.line, f"{shown} {what}; {PEOPLE_REFUSAL}"))
        elif account is not None and (account.is_staff or account.is_superuser):
            message = f"{shown} is a site administrator: add them from the project's members page"
            outcome.error(Issue(where.file, where.line, message))
    if outcome.errors:
        return
    username_field = User._meta.get_field(User.USERNAME_FIELD)
    for username in sorted(set(named) - set(users)):
        # The rules Django's own forms apply: letters, digits and @ . + - _, 150 at most.
        try:
            username_field.run_validators(username)
        except ValidationError as refused:
            shown = f"{username[:40]!r}{'...' if len(username) > 40 else ''}"
            outcome.error(Issue("", None, f"username {shown}: {' '.join(refused.messages)}"))
            return
        new = User(username=username)
        new.set_unusable_password()
        new.save()
        users[username] = new
        outcome.users_created.append(username)
    Membership.objects.bulk_create(
        [
            Membership(project=project, user=users[u], role=Role.ANNOTATOR)
            for u in named
            if u not in members
        ],
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


def import_write(
    project: Project,
    parsed: list[CheckedDocument],
    outcome: ImportOutcome,
    update_metadata: bool = False,
    user: Any = None,
) -> None:
    documents_write(parsed, outcome, update_metadata, user, project.pk)
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
        aset.row.created_at = aset.row.updated_at = now
    rows_copy(
        AnnotationSet._meta.db_table,
        model_copy_columns(AnnotationSet),
        (model_copy_row(s.row) for _, s in sets),
    )
    spans = [(s, span) for _, s in sets for span in s.spans.values()]
    for (_, span), pk in zip(spans, ids_take(Span._meta.db_table, len(spans)), strict=True):
        span.pk = pk
    outcome.counts["sets"] = len(sets)
    outcome.counts["spans"] = rows_copy(
        SPAN.model._meta.db_table,
        SPAN.copy_columns(),
        (SPAN.copy_row(s.row.pk, span, now, pk=span.pk) for s, span in spans),
    )
    # Relations, stances and answers are numbered by their tables' sequences.
    for columns, part, rows in (
        (RELATION, "relations", ((s, r) for _, s in sets for r in s.relations)),
        (STANCE, "stances", ((s, x) for _, s in sets for x in s.stances)),
        (ANSWER, "answers", ((s, a) for _, s in sets for a in s.answers)),
    ):
        outcome.counts[part] = rows_copy(
            columns.model._meta.db_table,
            columns.copy_columns(with_id=False),
            (columns.copy_row(s.row.pk, row, now) for s, row in rows),
        )
    _assigned_counts_refresh(project, [d.row.pk for d in parsed])


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
