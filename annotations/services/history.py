"""Set history: every write to a set leaves a revision (``SetRevision``, append-only), and
"restore this version" writes an old one back.

A revision is the set as one write left it: its ``version`` after the write, who wrote it,
when, and its contents (spans, relations, stances and answers as set responses show them).
What a write changed is the difference between its revision and the one before
(``annotations/set_changes.py``); nothing but the contents is stored.

The hot path stays in PostgreSQL: a revision is one ``INSERT ... SELECT`` that builds the
contents JSON from the rows (the same column definitions as set responses), in the write's
transaction, with no Python work per row. Writes call, under the set's lock:

- ``revision_baseline`` before changing anything: a set with no revision yet first keeps
  the state it is in (after an import, or from before history was kept) as its baseline,
  with no author, so the first recorded write has something to differ from. The whole-set
  write does this inside its version check (``set_write.BUMP_SQL``) instead, to save a
  round trip;
- ``revisions_record`` after the write: the revision of each set it changed.

Restoring an old revision is ``set_restore.py``.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import connection

from annotations.columns import RELATION, SPAN, STANCE, answers_sql
from annotations.models import AnnotationSet, SetRevision

_REVISION = SetRevision._meta.db_table
_SET = AnnotationSet._meta.db_table


def contents_sql(set_id: str) -> str:
    """The JSON of a set's contents, ``{"spans", "relations", "stances", "answers"}``, for
    the set ``set_id`` (an SQL expression), as set responses show them."""
    return (
        f"json_build_object('spans', {SPAN.list_sql('sp', set_id)}, "
        f"'relations', {RELATION.list_sql('rl', set_id)}, "
        f"'stances', {STANCE.list_sql('st', set_id)}, "
        f"'answers', {answers_sql('an', set_id)})"
    )


def baseline_sql(rows: str) -> str:
    """Insert the baseline of each set of ``rows`` (a row source with ``id``, ``version``
    and ``updated_at`` of sets, as they are before the write) that has no revision yet."""
    return (
        f"INSERT INTO {_REVISION} (annotation_set_id, version, author_id, created_at, contents) "
        # a set created in this transaction was stamped after it began: its baseline is
        # dated no later than the write that follows it (whose revision is dated now())
        f"SELECT b.id, b.version, NULL, LEAST(b.updated_at, now()), {contents_sql('b.id')} "
        f"FROM ({rows}) b "
        f"WHERE NOT EXISTS (SELECT 1 FROM {_REVISION} h WHERE h.annotation_set_id = b.id)"
    )


BASELINE_SQL = baseline_sql(f"SELECT id, version, updated_at FROM {_SET} WHERE id = %s")

REVISIONS_SQL = f"""
INSERT INTO {_REVISION} (annotation_set_id, version, author_id, created_at, contents)
SELECT s.id, s.version, %s, now(), {contents_sql("s.id")}
FROM {_SET} s WHERE s.id = ANY(%s)
"""


def revision_baseline(set_id: int) -> None:
    """Keep the set as it is now as its first revision, unless it has one (call under the
    set's lock, before changing it)."""
    with connection.cursor() as cursor:
        cursor.execute(BASELINE_SQL, [set_id])


def revisions_record(set_ids: list[int], writer: AbstractBaseUser | None) -> None:
    """The revision of each set a write changed, at its current version (call at the end of
    the write, in its transaction)."""
    with connection.cursor() as cursor:
        cursor.execute(REVISIONS_SQL, [getattr(writer, "pk", None), list(set_ids)])
