"""Changing the schema of a project whose annotations already use it.

``project_schema_change`` is the one write of a project's schema (the settings page, the
schema editor, the API's PUT and rename, imports and the demo go through it):

- each rename (``annotations.schema_renames``) rewrites the definition and moves every stored
  row of the project that names the key: spans' labels, their attributes' keys, relations'
  types, stances' targets and values, answers' questions and the targets named in per-target
  answers. Sets whose rows moved get a new ``version``, so a workspace that still holds the
  old key gets a 409 and reloads instead of writing it back;
- then the new definition (the one given, else the renamed stored one) is validated, and a
  key it drops that rows still use is refused with the count of rows and sets that use it.

All of it is one transaction under the schema lock (``schema_lock.py``): it waits for set
writes in flight, and writes that come after see the new keys; a refusal undoes the renames.
Revisions in a set's history keep the keys they were written with (a restore of one is
checked against the schema of the day, like any write).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection, transaction
from django.db.models import F

from annotations.models import (
    AnnotationSet,
    DocumentAnswer,
    LabelSchema,
    Project,
    Relation,
    Span,
    Stance,
)
from annotations.schema import SchemaError, validate_definition
from annotations.schema_renames import KeyRename, RenameError, definition_renamed
from annotations.selectors.schema_use import SchemaUse, Use, schema_use
from annotations.services.errors import DomainError
from annotations.services.schema_lock import schema_locked_for_change

DROP_REFUSAL = "The new schema drops keys that annotations still use."


def definition_checked(definition: Any) -> dict[str, Any]:
    try:
        return validate_definition(definition)
    except SchemaError as exc:
        raise DomainError("The schema is not valid.", {"schema": exc.errors}) from exc


@transaction.atomic
def project_schema_change(
    *, project: Project, definition: Any = None, renames: Sequence[KeyRename] = ()
) -> LabelSchema:
    """Make ``renames`` (in order), then store ``definition`` (default: the stored one with
    the renames made). Raises ``DomainError`` for a rename that cannot be made, an invalid
    definition, or one that drops keys stored rows use."""
    schema = schema_locked_for_change(project.schema_id)
    renamed = schema.definition
    for index, rename in enumerate(renames):
        try:
            renamed = definition_renamed(renamed, rename)
        except RenameError as exc:
            details = {f"renames[{index}].{field}": text for field, text in exc.errors.items()}
            raise DomainError(f"Cannot rename {rename.describe()}.", details) from exc
    checked = definition_checked(renamed if definition is None else definition)
    moved_sets: set[int] = set()
    for rename in renames:  # every rename and the definition are checked: now the rows
        moved_sets |= _rows_renamed(project, rename)
    choice_attributes = [
        f"{label['key']}.{attribute['key']}"
        for label in checked["span_labels"]
        for attribute in label["attributes"]
        if attribute["type"] in ("choice", "multi_choice")
    ]
    refusals = drop_refusals(checked, schema_use(project, choice_attributes))
    if refusals:
        raise DomainError(DROP_REFUSAL, refusals)
    if moved_sets:
        AnnotationSet.objects.filter(pk__in=moved_sets).update(version=F("version") + 1)
    schema.definition = checked
    schema.save(update_fields=["definition", "updated_at"])
    project.schema = schema
    return schema


def _uses(use: Use, noun: str) -> str:
    rows = f"{use.rows} {noun}" + ("" if use.rows == 1 else "s")
    sets = f"{use.sets} set" + ("" if use.sets == 1 else "s")
    return f"{rows} in {sets}"


def _refused(keys: dict[str, Use], kept: set[str], noun: str, used: str = "is used by") -> str:
    dropped = [
        f"{key} {used} {_uses(use, noun)}" for key, use in sorted(keys.items()) if key not in kept
    ]
    return "; ".join(dropped) + "; rename or remove them first" if dropped else ""


def drop_refusals(checked: dict[str, Any], use: SchemaUse) -> dict[str, str]:
    """For each part of the checked definition that drops a key rows use: which keys, and
    how many rows in how many sets use each, under the part's path."""
    labels = {label["key"]: label for label in checked["span_labels"]}
    stance = checked["stance"]
    targets = {target["key"] for target in stance["targets"]}
    refusals = {
        "span_labels": _refused(use.labels, set(labels), "span"),
        "relation_types": _refused(
            use.relation_types, {r["key"] for r in checked["relation_types"]}, "relation"
        ),
        "stance.targets": _refused(use.targets, targets, "stance")
        or _refused(use.target_answers, targets, "answer", "is answered in"),
        "stance.values": _refused(use.stance_values, set(stance["values"]), "stance"),
        "document_questions": _refused(
            use.questions, {q["key"] for q in checked["document_questions"]}, "answer"
        ),
    }
    for index, (key, label) in enumerate(labels.items()):
        declared = {attribute["key"] for attribute in label["attributes"]}
        carried = {attr: n for (owner, attr), n in use.attributes.items() if owner == key}
        refusals[f"span_labels[{index}].attributes"] = _refused(
            carried, declared, "span", "is set on"
        )
        for a, attribute in enumerate(label["attributes"]):
            if attribute["type"] not in ("choice", "multi_choice"):
                continue
            chosen = {
                v: n
                for (owner, attr, v), n in use.choices.items()
                if (owner, attr) == (key, attribute["key"])
            }
            refusals[f"span_labels[{index}].attributes[{a}].choices"] = _refused(
                chosen, set(attribute["choices"]), "span", "is chosen on"
            )
    for index, question in enumerate(checked["document_questions"]):
        given = {v: n for (q, v), n in use.answer_choices.items() if q == question["key"]}
        refusals[f"document_questions[{index}].choices"] = _refused(
            given, set(question["choices"]), "answer", "is given in"
        )
    return {path: text for path, text in refusals.items() if text}


def _sets_of(rows: Any) -> set[int]:
    return set(rows.values_list("annotation_set_id", flat=True).distinct())


# An attribute's key renamed in the spans of one label (``$1 - old || {new: $1 -> old}``).
_ATTRIBUTE_RENAME_SQL = f"""
UPDATE {Span._meta.db_table}
SET attributes = (attributes - %(old)s::text)
    || jsonb_build_object(%(new)s::text, attributes -> %(old)s::text)
WHERE label = %(label)s AND jsonb_typeof(attributes) = 'object'
  AND jsonb_exists(attributes, %(old)s::text)
  AND annotation_set_id IN (
      SELECT id FROM {AnnotationSet._meta.db_table} WHERE project_id = %(project)s)
RETURNING annotation_set_id
"""

# A stance target renamed where per-target answers name it (the answer is an object).
_TARGET_ANSWER_RENAME_SQL = f"""
UPDATE {DocumentAnswer._meta.db_table}
SET value = (value - %(old)s::text) || jsonb_build_object(%(new)s::text, value -> %(old)s::text)
WHERE jsonb_typeof(value) = 'object' AND jsonb_exists(value, %(old)s::text)
  AND annotation_set_id IN (
      SELECT id FROM {AnnotationSet._meta.db_table} WHERE project_id = %(project)s)
RETURNING annotation_set_id
"""


def _sql_renamed(sql: str, project: Project, rename: KeyRename) -> set[int]:
    params = {"old": rename.old, "new": rename.new, "label": rename.label, "project": project.pk}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {set_id for (set_id,) in cursor.fetchall()}


def _rows_renamed(project: Project, rename: KeyRename) -> set[int]:
    """Move the project's stored rows from the old key to the new; the ids of the sets
    whose rows moved."""
    if rename.old == rename.new:
        return set()
    in_project = {"annotation_set__project": project}
    if rename.kind == "attribute":
        return _sql_renamed(_ATTRIBUTE_RENAME_SQL, project, rename)
    if rename.kind == "stance_target":
        answered = _sql_renamed(_TARGET_ANSWER_RENAME_SQL, project, rename)
        rows = Stance.objects.filter(**in_project, target=rename.old)
        moved = _sets_of(rows)
        rows.update(target=rename.new)
        return moved | answered
    model, field = {
        "label": (Span, "label"),
        "relation_type": (Relation, "type"),
        "stance_value": (Stance, "value"),
        "question": (DocumentAnswer, "question"),
    }[rename.kind]
    rows = model.objects.filter(**in_project, **{field: rename.old})
    moved = _sets_of(rows)
    rows.update(**{field: rename.new})
    return moved
