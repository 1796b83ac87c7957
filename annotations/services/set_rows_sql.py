"""Bulk statements for the rows of an annotation set, one prepared statement each.

The rows travel as one JSON array (built by orjson) that PostgreSQL unpacks with
``jsonb_to_recordset``: the statement text is the same whatever the number of rows, so psycopg
prepares it once per connection, and there is one parameter to send instead of one per
value. Django's ``bulk_create`` builds and plans a new statement for every batch size.
"""

from __future__ import annotations

from collections.abc import Iterator

import orjson
from django.db import connection

from annotations.models import DocumentAnswer, Relation, Span, Stance

SPAN_INSERT_SQL = f"""
INSERT INTO {Span._meta.db_table}
    (annotation_set_id, label, start, "end", fragments, text, attributes, created_at)
SELECT %s, label, start, "end", fragments, text, attributes, now()
FROM jsonb_to_recordset(%s::jsonb)
    AS t(label text, start int, "end" int, fragments jsonb, text text, attributes jsonb)
RETURNING id
"""

SPAN_UPDATE_SQL = f"""
UPDATE {Span._meta.db_table} AS s
SET label = t.label, start = t.start, "end" = t."end", fragments = t.fragments,
    text = t.text, attributes = t.attributes
FROM jsonb_to_recordset(%s::jsonb) AS t(
    id bigint, label text, start int, "end" int, fragments jsonb, text text, attributes jsonb)
WHERE s.id = t.id
"""

RELATION_INSERT_SQL = f"""
INSERT INTO {Relation._meta.db_table}
    (annotation_set_id, type, source_id, target_id, attributes)
SELECT %s, type, source_id, target_id, attributes
FROM jsonb_to_recordset(%s::jsonb)
    AS t(type text, source_id bigint, target_id bigint, attributes jsonb)
RETURNING id
"""


def _span_rows(spans: list[Span], *, with_id: bool = False) -> str:
    """The spans as one JSON array (orjson): one parameter, parsed by PostgreSQL in C."""
    return orjson.dumps(
        [
            {
                **({"id": s.pk} if with_id else {}),
                "label": s.label,
                "start": s.start,
                "end": s.end,
                "fragments": s.fragments,
                "text": s.text,
                "attributes": s.attributes,
            }
            for s in spans
        ]
    ).decode()


def spans_insert(set_id: int, spans: list[Span]) -> None:
    """Insert new spans of one set; their ``pk`` is set, in order."""
    if not spans:
        return
    with connection.cursor() as cursor:
        cursor.execute(SPAN_INSERT_SQL, [set_id, _span_rows(spans)])
        for span, (pk,) in zip(spans, cursor.fetchall(), strict=True):
            span.pk = pk
            span._state.adding = False


def spans_update(spans: list[Span]) -> None:
    if not spans:
        return
    with connection.cursor() as cursor:
        cursor.execute(SPAN_UPDATE_SQL, [_span_rows(spans, with_id=True)])


def relations_insert(set_id: int, relations: list[Relation]) -> None:
    """Insert relations of one set; ``source``/``target`` spans must have ids by now."""
    if not relations:
        return
    rows = orjson.dumps(
        [
            {
                "type": r.type,
                "source_id": r.source.pk,
                "target_id": r.target.pk,
                "attributes": r.attributes,
            }
            for r in relations
        ]
    ).decode()
    with connection.cursor() as cursor:
        cursor.execute(RELATION_INSERT_SQL, [set_id, rows])
        for relation, (pk,) in zip(relations, cursor.fetchall(), strict=True):
            relation.pk = pk


SPANS_OF_SET_SQL = f"""
SELECT id, label, start, "end", fragments::text, text, attributes::text
FROM {Span._meta.db_table} WHERE annotation_set_id = %s
"""


class StoredSpans:
    """The spans a set has, read in one prepared statement; a ``Span`` object is built only
    for the ones a payload keeps (a write that replaces every span builds none)."""

    def __init__(self, set_id: int):
        with connection.cursor() as cursor:
            cursor.execute(SPANS_OF_SET_SQL, [set_id])
            self.rows = {row[0]: row for row in cursor.fetchall()}
        self.set_id = set_id
        self.built: dict[int, Span] = {}

    def __iter__(self) -> Iterator[int]:
        return iter(self.rows)

    def __contains__(self, pk: object) -> bool:
        return pk in self.rows

    def get(self, pk: int) -> Span | None:
        if pk not in self.rows:
            return None
        if pk not in self.built:
            _, label, start, end, fragments, text, attributes = self.rows[pk]
            span = Span(
                id=pk,
                annotation_set_id=self.set_id,
                label=label,
                start=start,
                end=end,
                fragments=None if fragments is None else orjson.loads(fragments),
                text=text,
                attributes=orjson.loads(attributes),
            )
            span._state.adding = False
            span._state.db = "default"
            self.built[pk] = span
        return self.built[pk]


STANCE_INSERT_SQL = f"""
INSERT INTO {Stance._meta.db_table}
    (annotation_set_id, holder_id, target, object_span_id, value)
SELECT %s, holder_id, target, object_span_id, value
FROM jsonb_to_recordset(%s::jsonb)
    AS t(holder_id bigint, target text, object_span_id bigint, value text)
"""

ANSWER_INSERT_SQL = f"""
INSERT INTO {DocumentAnswer._meta.db_table} (annotation_set_id, question, value)
SELECT %s, question, value FROM jsonb_to_recordset(%s::jsonb) AS t(question text, value jsonb)
"""


def stances_insert(set_id: int, stances: list[Stance]) -> None:
    if not stances:
        return
    rows = [
        {
            "holder_id": s.holder.pk if s.holder is not None else None,
            "target": s.target,
            "object_span_id": s.object_span.pk if s.object_span is not None else None,
            "value": s.value,
        }
        for s in stances
    ]
    with connection.cursor() as cursor:
        cursor.execute(STANCE_INSERT_SQL, [set_id, orjson.dumps(rows).decode()])


def answers_insert(set_id: int, answers: list[DocumentAnswer]) -> None:
    if not answers:
        return
    rows = [{"question": a.question, "value": a.value} for a in answers]
    with connection.cursor() as cursor:
        cursor.execute(ANSWER_INSERT_SQL, [set_id, orjson.dumps(rows).decode()])
