"""Reads: how many stored rows of a project use each schema key, and in how many sets (what a
schema change that drops a key is refused with: "CLAIM is used by 42 spans in 7 sets")."""

from __future__ import annotations

from typing import NamedTuple

from django.db import connection
from django.db.models import Count, QuerySet

from annotations.models import AnnotationSet, DocumentAnswer, Project, Relation, Span, Stance


class Use(NamedTuple):
    rows: int
    sets: int


class SchemaUse(NamedTuple):
    labels: dict[str, Use]
    attributes: dict[tuple[str, str], Use]  # (label, attribute key)
    relation_types: dict[str, Use]
    targets: dict[str, Use]  # stances about the target
    target_answers: dict[str, Use]  # answers to per-target questions that name the target
    stance_values: dict[str, Use]
    questions: dict[str, Use]


def _counted(rows: QuerySet, field: str) -> dict[str, Use]:
    grouped = rows.values(field).annotate(
        rows=Count("id"), sets=Count("annotation_set", distinct=True)
    )
    return {row[field]: Use(row["rows"], row["sets"]) for row in grouped}


def _sql_counted(sql: str, project_id: int) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, {"project": project_id})
        return cursor.fetchall()


_SETS = f"SELECT id FROM {AnnotationSet._meta.db_table} WHERE project_id = %(project)s"

# The attribute keys spans carry, per label (``jsonb_object_keys`` has no ORM form).
_ATTRIBUTES_SQL = f"""
SELECT s.label, k.key, COUNT(*), COUNT(DISTINCT s.annotation_set_id)
FROM {Span._meta.db_table} s, jsonb_object_keys(s.attributes) AS k(key)
WHERE s.annotation_set_id IN ({_SETS}) AND jsonb_typeof(s.attributes) = 'object'
GROUP BY s.label, k.key
"""

# The stance targets named by answers to per-target questions (the answer is an object).
_TARGET_ANSWERS_SQL = f"""
SELECT k.key, COUNT(*), COUNT(DISTINCT a.annotation_set_id)
FROM {DocumentAnswer._meta.db_table} a, jsonb_object_keys(a.value) AS k(key)
WHERE a.annotation_set_id IN ({_SETS}) AND jsonb_typeof(a.value) = 'object'
GROUP BY k.key
"""


def schema_use(project: Project) -> SchemaUse:
    """Every key the project's stored rows use, with how many rows and sets use it (seven
    grouped queries over the project's sets)."""
    in_project = {"annotation_set__project": project}
    stances = Stance.objects.filter(**in_project)
    attributes = _sql_counted(_ATTRIBUTES_SQL, project.pk)
    target_answers = _sql_counted(_TARGET_ANSWERS_SQL, project.pk)
    return SchemaUse(
        labels=_counted(Span.objects.filter(**in_project), "label"),
        attributes={(label, key): Use(rows, sets) for label, key, rows, sets in attributes},
        relation_types=_counted(Relation.objects.filter(**in_project), "type"),
        targets=_counted(stances.exclude(target=""), "target"),
        target_answers={key: Use(rows, sets) for key, rows, sets in target_answers},
        stance_values=_counted(stances, "value"),
        questions=_counted(DocumentAnswer.objects.filter(**in_project), "question"),
    )
