"""The two entry points: ``annotations_import`` (uploaded files in a format) and
``records_import`` (records already read), both all or nothing."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction

from annotations.formats.records import Header, Issue, Record, where
from annotations.models import AnnotationSet, Project
from annotations.permissions import can_import_people
from annotations.schema import SchemaError, validate_definition
from annotations.services.imports.check_documents import documents_check
from annotations.services.imports.outcome import ImportOutcome
from annotations.services.imports.sources import header_sources_checked, header_sources_create
from annotations.services.imports.unpack import files_read
from annotations.services.imports.write import import_write, members_ensure
from annotations.services.schema_lock import schema_locked_for_change
from annotations.services.source_links import schema_for_write

_PROJECT_FIELDS = ("description", "guidelines", "blind", "annotators_per_document")


def annotations_import(
    *,
    project: Project,
    user: Any,
    fmt: str,
    files: list[tuple[str, bytes]],
    options: dict[str, Any] | None = None,
    may_add_people: bool | None = None,
) -> ImportOutcome:
    """Read ``files`` as format ``fmt`` and import them into ``project``: all or nothing.
    ``may_add_people``: whether the import may create accounts and add people to the
    project (write.members_ensure); by default, whether ``user`` holds the permission."""
    options = options or {}
    outcome = ImportOutcome()
    result = files_read(fmt, files, options, outcome)
    if result is None:
        return outcome
    return records_import(
        project=project,
        user=user,
        header=result.header,
        documents=result.documents,
        options=options,
        outcome=outcome,
        may_add_people=may_add_people,
    )


def records_import(
    *,
    project: Project,
    user: Any,
    header: Header | None,
    documents: list[Record],
    options: dict[str, Any] | None = None,
    outcome: ImportOutcome | None = None,
    may_add_people: bool | None = None,
) -> ImportOutcome:
    """Check the records against ``project`` and write them all, or nothing."""
    options = options or {}
    outcome = outcome or ImportOutcome()
    if not documents and not header:
        outcome.error(Issue("", None, "nothing to import: the file holds no documents"))
        return outcome
    empty = not AnnotationSet.objects.filter(project=project).exists()
    definition = original = project.schema.definition
    file_schema = (header or {}).get("schema")
    take_schema = bool(file_schema) and empty and not options.get("keep_schema")
    if take_schema:
        try:
            definition = validate_definition(file_schema)
        except SchemaError as exc:
            for path, message in exc.errors.items():
                outcome.error(Issue("header", 1, f"schema.{path}: {message}"))
            return outcome
    if file_schema and not documents and not take_schema:
        reason = "has annotation sets" if not empty else "keeps its schema (keep_schema)"
        message = f"the project {reason}: its schema can be changed in its settings"
        outcome.error(Issue("header", None, message))
        return outcome
    new_sources = header_sources_checked(project, header, user, outcome)
    if outcome.errors:
        return outcome
    extra_keys = frozenset(entry["key"] for entry in new_sources)
    schema = schema_for_write(project.pk, definition, extra_keys)

    parsed = documents_check(documents, schema, user, options, outcome)
    if outcome.errors:
        return outcome
    _comments_note(documents, outcome)
    try:
        with transaction.atomic():
            if not _schema_still(project, original, take_schema):
                outcome.error(Issue("", None, CHANGED_MEANWHILE))
                return _failed(outcome)
            if take_schema:
                project.schema.definition = definition
                project.schema.save(update_fields=["definition", "updated_at"])
                outcome.schema_replaced = True
                _project_settings_take(project, (header or {}).get("project") or {})
            if may_add_people is None:
                may_add_people = can_import_people(user)
            members_ensure(project, header, parsed, outcome, may_add_people)
            if added := header_sources_create(project, new_sources):
                outcome.notes.append(Issue("header", 1, f"source registry: {added} entries added"))
            import_write(project, parsed, outcome, bool(options.get("update_metadata")), user)
            if outcome.errors:
                transaction.set_rollback(True)
    except IntegrityError as exc:
        outcome.error(Issue("", None, f"the import clashed with another write: {exc}"))
    return _failed(outcome)


def _failed(outcome: ImportOutcome) -> ImportOutcome:
    """``outcome`` as it goes out: with errors, nothing was imported."""
    if outcome.errors:
        outcome.counts.clear()
        outcome.users_created = []
        outcome.schema_replaced = False
    return outcome


CHANGED_MEANWHILE = (
    "the project's schema or annotation sets changed while the file was checked (another "
    "import or a schema change): nothing was imported; try again"
)


def _schema_still(project: Project, checked_against: dict[str, Any], take_schema: bool) -> bool:
    """Lock the project's schema for the rest of the import (schema_lock.py) and say whether
    the file was checked against what the project still is: the same schema and, when the
    import takes the file's schema, still no annotation sets."""
    locked = schema_locked_for_change(project.schema_id)
    if locked.definition != checked_against:
        return False
    return not take_schema or not AnnotationSet.objects.filter(project=project).exists()


def _comments_note(documents: list[Record], outcome: ImportOutcome) -> None:
    """Comment threads travel out in the native export but are not imported: say so, at
    the first record that has any, rather than drop them silently."""
    count, first = 0, None
    for record in documents:
        sets = record.get("sets") if isinstance(record.get("sets"), list) else []
        threads = [record.get("comments")] + [
            s.get("comments") for s in sets if isinstance(s, dict)
        ]
        here = sum(len(t) for t in threads if isinstance(t, list))
        if here and first is None:
            first = record
        count += here
    if first is not None:
        file, line = where(first)
        message = f"{count} comments were not imported: an import brings annotations, not threads"
        outcome.notes.append(Issue(file, line, message))


def _project_settings_take(project: Project, fields: dict[str, Any]) -> None:
    changed = []
    for name in _PROJECT_FIELDS:
        value = fields.get(name)
        if value is None:
            continue
        expected = type(getattr(project, name))
        if isinstance(value, expected) and not (expected is int and isinstance(value, bool)):
            if name == "annotators_per_document" and value < 1:
                continue
            setattr(project, name, value)
            changed.append(name)
    if changed:
        project.save(update_fields=changed)
