"""Schema changes and set writes take turns on the schema's row.

A write that stores annotations (a whole-set write, one span, relation or stance) reads the
schema it checks against with ``FOR SHARE``: writers run side by side, and the definition
they check against cannot change until they commit. A schema change (the settings page, an
import that brings its schema) takes the row ``FOR UPDATE``: it waits for the writers in
flight, then sees every annotation they stored before it checks which keys are in use, and
writers that come after it wait for it and check against the new schema. Without this a
replace that dropped a label could commit while a save was storing a span with that label,
and two imports into an empty project could both apply their schema.

Lock order: the schema row first, then a layer's advisory lock and the set's row.
"""

from __future__ import annotations

from typing import Any

import orjson
from django.db import connection

from annotations.models import LabelSchema, Project

_READ_FOR_WRITE = f"""
SELECT s.definition FROM {LabelSchema._meta.db_table} s
JOIN {Project._meta.db_table} p ON p.schema_id = s.id
WHERE p.id = %s FOR SHARE OF s
"""


def schema_read_for_write(project_id: int) -> dict[str, Any]:
    """The project's schema definition, its row held ``FOR SHARE`` until the transaction
    ends (one statement, through the project's row, which is not locked)."""
    with connection.cursor() as cursor:
        cursor.execute(_READ_FOR_WRITE, [project_id])
        (definition,) = cursor.fetchone()
    return orjson.loads(definition) if isinstance(definition, str | bytes) else definition


def schema_locked_for_change(schema_id: int) -> LabelSchema:
    """The schema row, held ``FOR UPDATE`` until the transaction ends."""
    return LabelSchema.objects.select_for_update().get(pk=schema_id)
