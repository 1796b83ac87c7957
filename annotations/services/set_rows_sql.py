"""Bulk statements for the rows of an annotation set, one prepared statement each.

The rows travel as one JSON array (built by orjson) that PostgreSQL unpacks with
``jsonb_to_recordset``; each statement is generated from the row's columns
(``annotations/columns.py``). The statement text is the same whatever the number of
rows, so psycopg prepares it once per connection, and there is one parameter to send instead
of one per value. Django's ``bulk_create`` builds and plans a new statement for every batch
size.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.db import connection

from annotations.columns import ANSWER, RELATION, SPAN, STANCE, rows_fetched
from annotations.models import DocumentAnswer, Relation, Span, Stance

SPAN_INSERT_SQL = SPAN.insert_sql(returning=True)
SPAN_UPDATE_SQL = SPAN.update_sql()
RELATION_INSERT_SQL = RELATION.insert_sql(returning=True)
STANCE_INSERT_SQL = STANCE.insert_sql()
ANSWER_INSERT_SQL = ANSWER.insert_sql()
SPANS_OF_SET_SQL = SPAN.select_sql(f"r.{SPAN.set_column} = %s")


def _ids_set(rows: list, cursor: object) -> None:
    for row, (pk,) in zip(rows, cursor.fetchall(), strict=True):
        row.pk = pk
        row._state.adding = False


def spans_insert(set_id: int, spans: list[Span]) -> None:
    """Insert new spans of one set; their ``pk`` is set, in order."""
    if not spans:
        return
    with connection.cursor() as cursor:
        cursor.execute(SPAN_INSERT_SQL, [set_id, SPAN.rows_json(spans)])
        _ids_set(spans, cursor)


def spans_update(spans: list[Span]) -> None:
    if not spans:
        return
    with connection.cursor() as cursor:
        cursor.execute(SPAN_UPDATE_SQL, [SPAN.rows_json(spans, with_id=True)])


def relations_insert(set_id: int, relations: list[Relation]) -> None:
    """Insert relations of one set; ``source``/``target`` spans must have ids by now."""
    if not relations:
        return
    with connection.cursor() as cursor:
        cursor.execute(RELATION_INSERT_SQL, [set_id, RELATION.rows_json(relations)])
        _ids_set(relations, cursor)


def stances_insert(set_id: int, stances: list[Stance]) -> None:
    if not stances:
        return
    with connection.cursor() as cursor:
        cursor.execute(STANCE_INSERT_SQL, [set_id, STANCE.rows_json(stances)])


def answers_insert(set_id: int, answers: list[DocumentAnswer]) -> None:
    if not answers:
        return
    with connection.cursor() as cursor:
        cursor.execute(ANSWER_INSERT_SQL, [set_id, ANSWER.rows_json(answers)])


class StoredSpans:
    """The spans a set has, read in one prepared statement; a ``Span`` object is built only
    for the ones a payload keeps (a write that replaces every span builds none)."""

    def __init__(self, set_id: int):
        with connection.cursor() as cursor:
            cursor.execute(SPANS_OF_SET_SQL, [set_id])
            self.rows = {row["row.id"]: row for row in rows_fetched(cursor)}
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
            self.built[pk] = SPAN.instance(self.rows[pk])
        return self.built[pk]
