"""Writing a checked import: users and memberships, then sets, spans, relations, stances and
answers with one ``COPY`` each, ids taken from the sequences beforehand."""

from __future__ import annotations

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
    username_field = User._meta.get_field(User.USERNAME_FIELD)
    for username in sorted(set(roles) - set(users)):
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


def import_write(
    project: Project,
    parsed: list[CheckedDocument],
    outcome: ImportOutcome,
    update_metadata: bool = False,
) -> None:
    documents_write(parsed, outcome, update_metadata)
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
