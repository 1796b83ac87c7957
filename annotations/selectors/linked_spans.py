"""The far ends of cross-document relations, for the workspace's read of a document.

A relation's target may be a span in another document of the story (SAME_CLAIM across
outlets). The workspace shows such a link as the span's text and the outlet and title of
its document, so it needs them with the document it opens, not only while the other report
is open beside it. One statement finds them for all the sets shown.

Only ends the caller may see come back: the target's set must be in the same project and
pass the same visibility test as the sets themselves (every set for a reviewer, a manager or
an open project; else the caller's own annotator sets and model sets). Links are made only
inside one layer, so this drops nothing a caller made, and shows nothing of a layer hidden
from them.
"""

from __future__ import annotations

from django.db import connection

from annotations.columns import rows_fetched
from annotations.contracts import FarEnd
from annotations.models import AnnotationSet, Relation, SetKind, Span
from corpus.models import Document, Outlet

LINKED_SPANS_SQL = f"""
SELECT DISTINCT t.id, t.label, t.text, d.id AS document, d.title AS document_title,
       o.name AS outlet
FROM {Relation._meta.db_table} r
JOIN {Span._meta.db_table} t ON t.id = r.target_id
JOIN {AnnotationSet._meta.db_table} ts ON ts.id = t.annotation_set_id
JOIN {Document._meta.db_table} d ON d.id = ts.document_id
LEFT JOIN {Outlet._meta.db_table} o ON o.id = d.outlet_id
WHERE r.annotation_set_id = ANY(%(sets)s)
  AND ts.document_id <> %(document)s
  AND ts.project_id = %(project)s
  AND (%(all)s OR (ts.kind = %(annotator)s AND ts.author_id = %(user)s) OR ts.kind = %(model)s)
ORDER BY t.id
"""


def linked_spans(
    *, project_id: int, document_id: int, set_ids: list[int], user_id: int, see_all: bool
) -> list[FarEnd]:
    """The spans in other documents that the sets ``set_ids`` link to, with their
    document's title and outlet; ``see_all``: the caller may see every set of the project."""
    if not set_ids:
        return []
    params = {
        "sets": set_ids,
        "document": document_id,
        "project": project_id,
        "all": see_all,
        "annotator": SetKind.ANNOTATOR,
        "user": user_id,
        "model": SetKind.MODEL,
    }
    with connection.cursor() as cursor:
        cursor.execute(LINKED_SPANS_SQL, params)
        return rows_fetched(cursor)  # type: ignore[return-value]
