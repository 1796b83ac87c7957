"""Bulk statements for the rows of an annotation set, one prepared statement each.

``INSERT ... SELECT FROM unnest(arrays)`` and ``UPDATE ... FROM unnest(arrays)`` have the
same text whatever the number of rows, so psycopg prepares them once per connection and
PostgreSQL neither re-parses a long VALUES list nor re-plans; Django's ``bulk_create`` builds
and plans a new statement for every batch size.
"""

from __future__ import annotations

from collections.abc import Iterator

import orjson
from django.db import connection
from psycopg.types.json import Jsonb

from annotations.models import Relation, Span

SPAN_INSERT_SQL = f"""
INSERT INTO {Span._meta.db_table}
    (annotation_set_id, label, start, "end", fragments, text, attributes, created_at)
SELECT %s, label, start, "end", fragments, text, attributes, now()
FROM unnest(%s::text[], %s::int[], %s::int[], %s::jsonb[], %s::text[], %s::jsonb[])
    AS t(label, start, "end", fragments, text, attributes)
RETURNING id
"""

SPAN_UPDATE_SQL = f"""
UPDATE {Span._meta.db_table} AS s
SET label = t.label, start = t.start, "end" = t."end", fragments = t.fragments,
    text = t.text, attributes = t.attributes
FROM unnest(%s::bigint[], %s::text[], %s::int[], %s::int[], %s::jsonb[], %s::text[],
            %s::jsonb[]) AS t(id, label, start, "end", fragments, text, attributes)
WHERE s.id = t.id
"""

RELATION_INSERT_SQL = f"""
INSERT INTO {Relation._meta.db_table}
    (annotation_set_id, type, source_id, target_id, attributes)
SELECT %s, type, source_id, target_id, attributes
FROM unnest(%s::text[], %s::bigint[], %s::bigint[], %s::jsonb[])
    AS t(type, source_id, target_id, attributes)
RETURNING id
"""


def _json_or_null(value: object) -> Jsonb | None:
    return None if value is None else Jsonb(value)


def _span_columns(spans: list[Span]) -> list[list[object]]:
    return [
        [s.label for s in spans],
        [s.start for s in spans],
        [s.end for s in spans],
        [_json_or_null(s.fragments) for s in spans],
        [s.text for s in spans],
        [Jsonb(s.attributes) for s in spans],
    ]


def spans_insert(set_id: int, spans: list[Span]) -> None:
    """Insert new spans of one set; their ``pk`` is set, in order."""
    if not spans:
        return
    with connection.cursor() as cursor:
        cursor.execute(SPAN_INSERT_SQL, [set_id, *_span_columns(spans)])
        for span, (pk,) in zip(spans, cursor.fetchall(), strict=True):
            span.pk = pk
            span._state.adding = False


def spans_update(spans: list[Span]) -> None:
    if not spans:
        return
    with connection.cursor() as cursor:
        cursor.execute(SPAN_UPDATE_SQL, [[s.pk for s in spans], *_span_columns(spans)])


def relations_insert(set_id: int, relations: list[Relation]) -> None:
    """Insert relations of one set; ``source``/``target`` spans must have ids by now."""
    if not relations:
        return
    columns = [
        [r.type for r in relations],
        [r.source.pk for r in relations],
        [r.target.pk for r in relations],
        [Jsonb(r.attributes) for r in relations],
    ]
    with connection.cursor() as cursor:
        cursor.execute(RELATION_INSERT_SQL, [set_id, *columns])
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
