"""The contents of annotation sets as JSON built by PostgreSQL, for responses.

One statement returns spans, relations, stances and answers of many sets as JSON text, which
the orjson renderer embeds unchanged (``orjson.Fragment``): no model instances, no per-row
Python work, whatever the number of spans. Each row's JSON comes from its columns
(``annotations/columns.py``), as in exports.
"""

from __future__ import annotations

from typing import Any

import orjson
from django.db import connection

from annotations.columns import RELATION, SPAN, STANCE, answers_sql, rows_fetched

SET_CONTENTS_SQL = f"""
SELECT s.id AS set_id,
  {SPAN.list_sql("sp", "s.id")}::text AS spans,
  {RELATION.list_sql("r", "s.id")}::text AS relations,
  {STANCE.list_sql("st", "s.id")}::text AS stances,
  {answers_sql("a", "s.id")}::text AS answers
FROM unnest(%s::bigint[]) AS s(id)
"""

CONTENT_PARTS = ("spans", "relations", "stances", "answers")


def set_contents_json(set_ids: list[int]) -> dict[int, dict[str, Any]]:
    """``{set_id: {"spans": Fragment, "relations": ..., "stances": ..., "answers": ...}}``."""
    if not set_ids:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(SET_CONTENTS_SQL, [list(set_ids)])
        records = rows_fetched(cursor)
    return {
        record["set_id"]: {part: orjson.Fragment(record[part]) for part in CONTENT_PARTS}
        for record in records
    }
