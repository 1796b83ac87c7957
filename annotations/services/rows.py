"""Fine-grained writes for scripts: one span, relation or stance at a time.

Each locks its set, checks ``version`` when one is given, validates like a whole-set write,
bumps the set's version and records the set's revision (``services/history.py``), with
``writer`` as its author.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone

from annotations.columns import SPAN
from annotations.models import AnnotationSet, Relation, SetStatus, Span, Stance
from annotations.schema import Schema
from annotations.services.errors import DomainError, VersionConflict
from annotations.services.history import revision_baseline, revisions_record
from annotations.services.schema_lock import schema_read_for_write
from annotations.services.set_caps import set_spans_capped
from annotations.services.set_validation import (
    Errors,
    SpanResolver,
    is_int,
    relation_checked,
    span_fields_checked,
    stance_checked,
)
from annotations.services.set_write import layer_lock, set_rows_clear, set_rows_cleared_follow
from annotations.services.source_links import schema_for_write
from corpus.models import Document


def annotation_set_touch(aset: AnnotationSet) -> None:
    """Bump the version of a set locked by this transaction; the first edit starts it."""
    aset.version += 1
    if aset.status == SetStatus.ASSIGNED:
        aset.status = SetStatus.IN_PROGRESS
    if aset.started_at is None:
        aset.started_at = timezone.now()
    aset.save(update_fields=["version", "status", "started_at", "updated_at"])


def _locked(aset: AnnotationSet, version: Any) -> AnnotationSet:
    """Lock the set's row, check ``version`` when given, and refresh the version fields of
    ``aset`` in place (its loaded project, schema and document stay). A set with no history
    yet keeps its state before this write as its baseline revision."""
    if version is not None and not is_int(version):
        raise DomainError("version must be an integer.", {"version": "must be an integer"})
    current, status, started_at = (
        AnnotationSet.objects.select_for_update()
        .values_list("version", "status", "started_at")
        .get(pk=aset.pk)
    )
    if version is not None and current != version:
        raise VersionConflict(current)
    aset.version, aset.status, aset.started_at = current, status, started_at
    revision_baseline(aset.pk)
    return aset


def _fresh(model: type, row: Any, aset: AnnotationSet) -> Any:
    """Re-read a row under the set's lock: a whole-set write may have changed or deleted it
    since the caller loaded it."""
    fresh = model.objects.filter(pk=row.pk, annotation_set_id=aset.pk).first()
    if fresh is None:
        raise Http404("It was deleted in the meantime.")
    return fresh


def _context(aset: AnnotationSet) -> tuple[Schema, Document]:
    """The schema and document of a set (already loaded when the API looked the set up)."""
    definition = schema_read_for_write(aset.project_id)
    return schema_for_write(aset.project_id, definition), aset.document


def _resolver(aset: AnnotationSet, document: Document) -> SpanResolver:
    own = {s.pk: s for s in Span.objects.filter(annotation_set=aset)}
    return SpanResolver(aset, document, own, {})


@transaction.atomic
def span_create(
    *, annotation_set: AnnotationSet, data: dict[str, Any], writer: AbstractBaseUser | None = None
) -> Span:
    aset = _locked(annotation_set, data.get("version"))
    schema, document = _context(aset)
    errors = Errors()
    fields = span_fields_checked(schema, document.text, data, "span", errors)
    errors.raise_if_any("The span is not valid.")
    set_spans_capped(Span.objects.filter(annotation_set=aset).count() + 1)
    span = Span.objects.create(annotation_set=aset, **fields)
    annotation_set_touch(aset)
    revisions_record([aset.pk], writer)
    return span


@transaction.atomic
def span_update(
    *, span: Span, data: dict[str, Any], writer: AbstractBaseUser | None = None
) -> Span:
    aset = _locked(span.annotation_set, data.get("version"))
    span = _fresh(Span, span, aset)
    schema, document = _context(aset)
    merged = SPAN.as_dict(span, with_id=False)
    if "fragments" not in data and ("start" in data or "end" in data):
        merged["fragments"] = None
    if "fragments" in data and "start" not in data and "end" not in data:
        merged["start"] = merged["end"] = None  # the new fragments give the bounds
    merged.update({k: v for k, v in data.items() if k in merged})
    errors = Errors()
    fields = span_fields_checked(schema, document.text, merged, "span", errors)
    errors.raise_if_any("The span is not valid.")
    for k, v in fields.items():
        setattr(span, k, v)
    span.save(update_fields=list(fields))
    annotation_set_touch(aset)
    revisions_record([aset.pk], writer)
    return span


@transaction.atomic
def span_delete(*, span: Span, version: Any = None, writer: AbstractBaseUser | None = None) -> None:
    """Delete a span with its links, also those from other sets of the same layer (whose
    versions move on), taking the layer's turn like a whole-set write."""
    layer_lock(span.annotation_set, span.annotation_set.document.story_id)
    aset = _locked(span.annotation_set, version)
    span = _fresh(Span, span, aset)
    cleared = set_rows_clear(aset.pk, [span.pk])
    annotation_set_touch(aset)
    set_rows_cleared_follow(aset.pk, cleared, writer)


@transaction.atomic
def relation_create(
    *, annotation_set: AnnotationSet, data: dict[str, Any], writer: AbstractBaseUser | None = None
) -> Relation:
    aset = _locked(annotation_set, data.get("version"))
    schema, document = _context(aset)
    errors = Errors()
    relation = relation_checked(schema, _resolver(aset, document), data, "relation", errors)
    errors.raise_if_any("The relation is not valid.")
    try:
        with transaction.atomic():
            relation.save()
    except IntegrityError as exc:
        raise DomainError("This relation exists already.", {"relation": "duplicate"}) from exc
    annotation_set_touch(aset)
    revisions_record([aset.pk], writer)
    return relation


@transaction.atomic
def stance_create(
    *, annotation_set: AnnotationSet, data: dict[str, Any], writer: AbstractBaseUser | None = None
) -> Stance:
    aset = _locked(annotation_set, data.get("version"))
    schema, document = _context(aset)
    errors = Errors()
    stance = stance_checked(schema, _resolver(aset, document), data, "stance", errors)
    errors.raise_if_any("The stance is not valid.")
    try:
        with transaction.atomic():
            stance.save()
    except IntegrityError as exc:
        raise DomainError("This stance exists already.", {"stance": "duplicate"}) from exc
    annotation_set_touch(aset)
    revisions_record([aset.pk], writer)
    return stance


@transaction.atomic
def row_delete(
    *, row: Relation | Stance, version: Any = None, writer: AbstractBaseUser | None = None
) -> None:
    aset = _locked(row.annotation_set, version)
    _fresh(type(row), row, aset).delete()  # with the comments on it
    annotation_set_touch(aset)
    revisions_record([aset.pk], writer)
