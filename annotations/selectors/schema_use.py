"""Reads: how many stored rows of a project use each schema key, and in how many sets (what a
schema change that drops a key is refused with: "CLAIM is used by 42 spans in 7 sets")."""

from __future__ import annotations

from collections.abc import Sequence
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
    choices: dict[tuple[str, str, str], Use]  # (label, attribute key, value) of choice attributes
    answer_choices: dict[
        tuple[str, str], Use
    ]  # (question, value): an answer's values, also per target


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


# The values of a JSON value that holds one (a string) or several (an array of strings).
_VALUES = """
    SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof({v}) = 'array' THEN {v} ELSE '[]' END)
    UNION ALL SELECT {v} #>> '{{}}' WHERE jsonb_typeof({v}) = 'string'
"""

# The values spans carry in the attributes named ``label.key`` in %(attributes)s.
_CHOICES_SQL = f"""
SELECT s.label, kv.key, v.value, COUNT(*), COUNT(DISTINCT s.annotation_set_id)
FROM {Span._meta.db_table} s
CROSS JOIN LATERAL jsonb_each(
    CASE WHEN jsonb_typeof(s.attributes) = 'object' THEN s.attributes ELSE '{{}}' END
) AS kv(key, value)
CROSS JOIN LATERAL ({_VALUES.format(v="kv.value")}) AS v(value)
WHERE s.annotation_set_id IN ({_SETS}) AND s.label || '.' || kv.key = ANY(%(attributes)s::text[])
GROUP BY 1, 2, 3
"""

# The values answers give: one, several, or per stance target (an object of those).
_ANSWER_CHOICES_SQL = f"""
SELECT a.question, v.value, COUNT(DISTINCT a.id), COUNT(DISTINCT a.annotation_set_id)
FROM {DocumentAnswer._meta.db_table} a
CROSS JOIN LATERAL (
    SELECT x.value FROM jsonb_each(a.value) x WHERE jsonb_typeof(a.value) = 'object'
    UNION ALL SELECT a.value WHERE jsonb_typeof(a.value) <> 'object'
) AS given(value)
CROSS JOIN LATERAL ({_VALUES.format(v="given.value")}) AS v(value)
WHERE a.annotation_set_id IN ({_SETS})
GROUP BY 1, 2
"""


def schema_use(project: Project, choice_attributes: Sequence[str] = ()) -> SchemaUse:
    """Every key the project's stored rows use, with how many rows and sets use it, and the
    values of the choice attributes named ``label.key`` in ``choice_attributes`` and of
    answers (nine grouped queries over the project's sets)."""
    in_project = {"annotation_set__project": project}
    stances = Stance.objects.filter(**in_project)
    attributes = _sql_counted(_ATTRIBUTES_SQL, project.pk)
    target_answers = _sql_counted(_TARGET_ANSWERS_SQL, project.pk)
    with connection.cursor() as cursor:
        cursor.execute(_CHOICES_SQL, {"project": project.pk, "attributes": list(choice_attributes)})
        choices = cursor.fetchall()
    answer_choices = _sql_counted(_ANSWER_CHOICES_SQL, project.pk)
    return SchemaUse(
        labels=_counted(Span.objects.filter(**in_project), "label"),
        attributes={(label, key): Use(rows, sets) for label, key, rows, sets in attributes},
        relation_types=_counted(Relation.objects.filter(**in_project), "type"),
        targets=_counted(stances.exclude(target=""), "target"),
        target_answers={key: Use(rows, sets) for key, rows, sets in target_answers},
        stance_values=_counted(stances, "value"),
        questions=_counted(DocumentAnswer.objects.filter(**in_project), "question"),
        choices={(label, key, value): Use(n, sets) for label, key, value, n, sets in choices},
        answer_choices={
            (question, value): Use(n, sets) for question, value, n, sets in answer_choices
        },
    )
