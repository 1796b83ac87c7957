"""The contents of annotation sets as JSON built by PostgreSQL, for responses.

One statement returns spans, relations, stances and answers of many sets as JSON text, which
the orjson renderer embeds unchanged (``orjson.Fragment``): no model instances, no per-row
Python work, whatever the number of spans.
"""

from __future__ import annotations

from typing import Any

import orjson
from django.db import connection

SET_CONTENTS_SQL = """
SELECT s.id,
  (SELECT coalesce(json_agg(json_build_object(
      'id', sp.id, 'label', sp.label, 'start', sp.start, 'end', sp."end",
      'fragments', sp.fragments, 'text', sp.text, 'attributes', sp.attributes)
      ORDER BY sp.start, sp."end", sp.id), '[]'::json)
   FROM annotations_span sp WHERE sp.annotation_set_id = s.id)::text,
  (SELECT coalesce(json_agg(json_build_object(
      'id', r.id, 'type', r.type, 'source', r.source_id, 'target', r.target_id,
      'attributes', r.attributes) ORDER BY r.id), '[]'::json)
   FROM annotations_relation r WHERE r.annotation_set_id = s.id)::text,
  (SELECT coalesce(json_agg(json_build_object(
      'id', st.id, 'holder', st.holder_id, 'target', nullif(st.target, ''),
      'object', st.object_span_id, 'value', st.value) ORDER BY st.id), '[]'::json)
   FROM annotations_stance st WHERE st.annotation_set_id = s.id)::text,
  (SELECT coalesce(json_object_agg(a.question, a.value ORDER BY a.id), '{}'::json)
   FROM annotations_documentanswer a WHERE a.annotation_set_id = s.id)::text
FROM unnest(%s::bigint[]) AS s(id)
"""

PARTS = ("spans", "relations", "stances", "answers")


def set_contents_json(set_ids: list[int]) -> dict[int, dict[str, Any]]:
    """``{set_id: {"spans": Fragment, "relations": ..., "stances": ..., "answers": ...}}``."""
    if not set_ids:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(SET_CONTENTS_SQL, [list(set_ids)])
        rows = cursor.fetchall()
    return {
        row[0]: {part: orjson.Fragment(value) for part, value in zip(PARTS, row[1:], strict=True)}
        for row in rows
    }
