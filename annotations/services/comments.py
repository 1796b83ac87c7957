"""Comment threads: writing a comment, deleting one, marking a document's threads read, and
keeping threads on relations and stances across whole-set writes.

Every comment is in one thread (``docs/data-model.md``, "Comments"): on a unit of a set (a
span, relation or stance), on a set as a whole (notes on one author's work on the
document), or on the document's general thread. A person writes where they may read
(``permissions.can_read_comment_thread``): the thread of a set they may read, or the
general thread when it is open to them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import connection, transaction
from django.http import Http404
from django.utils import timezone

from annotations.models import (
    AnnotationSet,
    Comment,
    CommentRead,
    Project,
    ProjectDocument,
    Relation,
    Span,
    Stance,
)
from annotations.permissions import can_read_comment_thread
from annotations.services.errors import DomainError
from corpus.models import Document

MAX_TEXT = 10_000
UNITS = {"span": Span, "relation": Relation, "stance": Stance}


def _thread_set(
    document: Document, data: dict[str, Any]
) -> tuple[AnnotationSet | None, dict[str, Any]]:
    """The set whose thread ``data`` names (its ``set``, or the set of its unit) and the
    unit as model fields; 404 when either is not on this document."""
    named = [key for key in UNITS if data.get(key) is not None]
    if len(named) > 1:
        raise DomainError("A comment is on one unit at most.", {named[1]: "one unit at most"})
    set_id = data.get("set")
    if named:
        key = named[0]
        unit = UNITS[key].objects.select_related("annotation_set").filter(pk=data[key]).first()
        if unit is None or unit.annotation_set.document_id != document.pk:
            raise Http404(f"No such {key} on this document.")
        if set_id is not None and set_id != unit.annotation_set_id:
            raise DomainError(f"The {key} is not in set {set_id}.", {"set": "not the unit's set"})
        return unit.annotation_set, {key: unit}
    if set_id is None:
        return None, {}
    aset = AnnotationSet.objects.filter(pk=set_id, document_id=document.pk).first()
    if aset is None:
        raise Http404("No such set on this document.")
    return aset, {}


def comment_create(
    *,
    project: Project,
    document: Document,
    author: AbstractBaseUser,
    role: str,
    data: dict[str, Any],
) -> Comment:
    """A new comment in the thread ``data`` names (``set``, or one of ``span``,
    ``relation``, ``stance``; neither: the document's general thread), with ``text``.
    A thread the author may not read answers 404, as if it were not there."""
    if not ProjectDocument.objects.filter(project=project, document=document).exists():
        raise Http404("No such document in this project.")
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise DomainError("A comment needs some text.", {"text": "required"})
    if len(text) > MAX_TEXT:
        raise DomainError(
            f"A comment is at most {MAX_TEXT:,} characters.", {"text": f"max {MAX_TEXT}"}
        )
    for key in ("set", *UNITS):
        value = data.get(key)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            raise DomainError(f"{key} must be an id.", {key: "must be an id"})
    aset, unit = _thread_set(document, data)
    if aset is not None and aset.project_id != project.pk:
        raise Http404("No such set in this project.")
    if not can_read_comment_thread(author, role, project, aset):
        raise Http404("No such thread.")
    return Comment.objects.create(
        project=project,
        document=document,
        author=author,
        annotation_set=aset,
        text=text.strip(),
        **unit,
    )


def comment_delete(*, comment: Comment) -> None:
    """Delete a comment (its author or a manager: ``permissions.can_delete_comment``)."""
    comment.delete()


READ_MARK_SQL = f"""
INSERT INTO {CommentRead._meta.db_table} (project_id, document_id, user_id, read_at)
VALUES (%(project)s, %(document)s, %(user)s, %(at)s)
ON CONFLICT (project_id, document_id, user_id)
DO UPDATE SET read_at = greatest(EXCLUDED.read_at, {CommentRead._meta.db_table}.read_at)
RETURNING read_at
"""


def comments_read_mark(
    *, project: Project, document: Document, user: AbstractBaseUser, until: datetime | None
) -> datetime:
    """The person has read the document's threads up to ``until`` (now when None); a read
    mark only moves forward. Returns the mark."""
    params = {
        "project": project.pk,
        "document": document.pk,
        "user": user.pk,
        "at": until or timezone.now(),
    }
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(READ_MARK_SQL, params)
        return cursor.fetchone()[0]


# --- threads on relations and stances across whole-set writes ----------------------------

_COMMENT = Comment._meta.db_table

# A whole-set write deletes the set's relations and stances and inserts the payload's again
# (new ids). A comment on a relation or stance that comes back (the same type, source and
# target; the same holder, target and object) moves to the new row; one whose unit did not
# come back goes with it, as the database would otherwise refuse the deletion.
FOLLOW_SQL = f"""
WITH relation_orphans AS (
    SELECT * FROM jsonb_to_recordset(coalesce(%(relations)s::jsonb, '[]'))
        AS o(comment bigint, set bigint, type text, source bigint, target bigint)
), stance_orphans AS (
    SELECT * FROM jsonb_to_recordset(coalesce(%(stances)s::jsonb, '[]'))
        AS o(comment bigint, set bigint, holder bigint, target text, object bigint)
), relations_moved AS (
    UPDATE {_COMMENT} c SET relation_id = r.id
    FROM relation_orphans o JOIN {Relation._meta.db_table} r
      ON r.annotation_set_id = o.set AND r.type = o.type
     AND r.source_id = o.source AND r.target_id = o.target
    WHERE c.id = o.comment
    RETURNING c.id
), stances_moved AS (
    UPDATE {_COMMENT} c SET stance_id = x.id
    FROM stance_orphans o JOIN {Stance._meta.db_table} x
      ON x.annotation_set_id = o.set AND x.target = o.target
     AND x.holder_id IS NOT DISTINCT FROM o.holder
     AND x.object_span_id IS NOT DISTINCT FROM o.object
    WHERE c.id = o.comment
    RETURNING c.id
)
DELETE FROM {_COMMENT}
WHERE id IN (SELECT comment FROM relation_orphans UNION ALL SELECT comment FROM stance_orphans)
  AND id NOT IN (SELECT id FROM relations_moved UNION ALL SELECT id FROM stances_moved)
"""


def comments_follow(relations_json: str | None, stances_json: str | None) -> None:
    """Move comments on replaced relations and stances to their new rows (JSON lists of
    ``{comment, set, <key>}`` as ``set_write.CLEAR_SQL`` returns them)."""
    with connection.cursor() as cursor:
        cursor.execute(FOLLOW_SQL, {"relations": relations_json, "stances": stances_json})
