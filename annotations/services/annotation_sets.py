"""Creating, writing whole, submitting and skipping annotation sets.

A whole-set write is one transaction: lock the set row, check ``version``, validate every
row against the schema and the document text, then diff spans (ids are kept for spans that
stay) and replace relations, stances and answers with bulk statements.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from annotations.models import (
    AnnotationSet,
    DocumentAnswer,
    Project,
    ProjectDocument,
    Relation,
    SetKind,
    SetStatus,
    Span,
    Stance,
)
from annotations.schema import Schema
from annotations.spans import OffsetError, check_span
from config.api import DomainError, VersionConflict
from corpus.models import Document

Ref = int | str


class Errors:
    """Collects validation errors keyed by path (``spans[2].text``)."""

    def __init__(self) -> None:
        self.items: dict[str, str] = {}

    def add(self, path: str, message: str) -> None:
        self.items.setdefault(path, message)

    def raise_if_any(self, message: str = "The annotation set is not valid.") -> None:
        if self.items:
            first = next(iter(self.items.items()))
            raise DomainError(f"{message} {first[0]}: {first[1]}", dict(self.items))


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def span_fields_checked(
    schema: Schema, document_text: str, data: Any, path: str, errors: Errors
) -> dict[str, Any] | None:
    """Validate one span payload; return the model fields or record errors and return None."""
    if not isinstance(data, dict):
        errors.add(path, "must be an object")
        return None
    label = data.get("label")
    if not isinstance(label, str) or label not in schema.labels:
        errors.add(f"{path}.label", f"unknown label {label!r}")
        return None
    for field in ("start", "end"):
        if data.get(field) is not None and not _is_int(data.get(field)):
            errors.add(f"{path}.{field}", "must be an integer")
            return None
    text = data.get("text")
    if not isinstance(text, str):
        errors.add(f"{path}.text", "the span's text is required (what the offsets select)")
        return None
    fragments = data.get("fragments")
    if fragments is not None and not isinstance(fragments, list):
        errors.add(f"{path}.fragments", "must be a list of [start, end]")
        return None
    try:
        checked = check_span(document_text, data.get("start"), data.get("end"), text, fragments)
    except OffsetError as exc:
        errors.add(f"{path}.{exc.field}", exc.message)
        return None
    if checked.fragments and not schema.labels[label]["discontinuous"]:
        errors.add(f"{path}.fragments", f"label {label} does not allow discontinuous spans")
        return None
    try:
        attributes = data.get("attributes")
        attributes = schema.check_attributes(label, {} if attributes is None else attributes)
    except ValueError as exc:
        errors.add(f"{path}.attributes", str(exc))
        return None
    return {
        "label": label,
        "start": checked.start,
        "end": checked.end,
        "fragments": checked.fragments,
        "text": checked.text,
        "attributes": attributes,
    }


def _lock_and_check_version(aset: AnnotationSet, version: Any) -> AnnotationSet:
    if not _is_int(version):
        raise DomainError("version is required: the version you loaded.", {"version": "required"})
    locked = AnnotationSet.objects.select_for_update().get(pk=aset.pk)
    if locked.version != version:
        raise VersionConflict(locked.version)
    return locked


def annotation_set_touch(aset: AnnotationSet) -> None:
    now = timezone.now()
    aset.version += 1
    if aset.status == SetStatus.ASSIGNED:
        aset.status = SetStatus.IN_PROGRESS
    if aset.started_at is None:
        aset.started_at = now
    aset.save(update_fields=["version", "status", "started_at", "updated_at"])


@transaction.atomic
def annotation_set_write(
    *, annotation_set: AnnotationSet, data: dict[str, Any], actor: AbstractBaseUser
) -> AnnotationSet:
    """Replace a set's content with ``data`` (spans, relations, stances, answers)."""
    aset = _lock_and_check_version(annotation_set, data.get("version"))
    project = Project.objects.select_related("schema").get(pk=aset.project_id)
    schema = Schema(project.schema.definition)
    document = Document.objects.only("id", "text", "story_id").get(pk=aset.document_id)
    errors = Errors()

    spans_in = data.get("spans", [])
    if not isinstance(spans_in, list):
        raise DomainError("spans must be a list.", {"spans": "must be a list"})
    existing = {s.pk: s for s in Span.objects.filter(annotation_set=aset)}
    keep_ids: set[int] = set()
    to_create: list[tuple[Span, str | None]] = []
    to_update: list[Span] = []
    refs: dict[str, Span] = {}
    for i, item in enumerate(spans_in):
        path = f"spans[{i}]"
        fields = span_fields_checked(schema, document.text, item, path, errors)
        if fields is None:
            continue
        ref = item.get("ref")
        if ref is not None and (not isinstance(ref, str) or not ref or ref in refs):
            errors.add(f"{path}.ref", "a ref is a non-empty string, unique in the payload")
            continue
        span_id = item.get("id")
        if span_id is not None:
            if not _is_int(span_id) or span_id not in existing or span_id in keep_ids:
                errors.add(f"{path}.id", f"{span_id!r} is not a span of this set")
                continue
            span = existing[span_id]
            keep_ids.add(span_id)
            if any(getattr(span, k) != v for k, v in fields.items()):
                for k, v in fields.items():
                    setattr(span, k, v)
                to_update.append(span)
        else:
            span = Span(annotation_set=aset, **fields)
            to_create.append((span, ref))
        if ref:
            refs[ref] = span
    errors.raise_if_any()

    Span.objects.filter(annotation_set=aset).exclude(pk__in=keep_ids).delete()
    Relation.objects.filter(annotation_set=aset).delete()
    Stance.objects.filter(annotation_set=aset).delete()
    DocumentAnswer.objects.filter(annotation_set=aset).delete()
    Span.objects.bulk_create([s for s, _ in to_create], batch_size=2000)
    if to_update:
        Span.objects.bulk_update(
            to_update, ["label", "start", "end", "fragments", "text", "attributes"], batch_size=2000
        )
    own = {s.pk: s for s in [*(existing[i] for i in keep_ids), *(s for s, _ in to_create)]}

    resolver = SpanResolver(aset, document, own, refs)
    relations = [
        relation
        for i, item in enumerate(_list(data, "relations"))
        if (relation := relation_checked(schema, resolver, item, f"relations[{i}]", errors))
    ]
    stances = [
        stance
        for i, item in enumerate(_list(data, "stances"))
        if (stance := stance_checked(schema, resolver, item, f"stances[{i}]", errors))
    ]
    answers = answers_checked(schema, aset, data.get("answers", {}), errors)
    errors.raise_if_any()
    try:
        with transaction.atomic():
            Relation.objects.bulk_create(relations, batch_size=2000)
            Stance.objects.bulk_create(stances, batch_size=2000)
            DocumentAnswer.objects.bulk_create(answers)
    except IntegrityError as exc:
        raise DomainError(
            "Duplicate relation or stance in the payload.",
            {"relations": "a relation or stance appears twice"},
        ) from exc
    annotation_set_touch(aset)
    return aset


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise DomainError(f"{key} must be a list.", {key: "must be a list"})
    return value


class SpanResolver:
    """Finds the span a payload refers to: a ref of this payload, an id in this set, or (for
    cross-document links) an id in another visible set of the same project and story."""

    def __init__(
        self,
        aset: AnnotationSet,
        document: Document,
        own: dict[int, Span],
        refs: dict[str, Span],
    ):
        self.aset = aset
        self.document = document
        self.own = own
        self.refs = refs

    def local(self, ref: Any) -> Span | None:
        if isinstance(ref, str):
            return self.refs.get(ref)
        if _is_int(ref):
            return self.own.get(ref)
        return None

    def across(self, ref: Any) -> Span | None:
        if not _is_int(ref) or self.document.story_id is None:
            return None
        # The other end lies in the same layer on another document of the story: the same
        # annotator's, the gold layer (whoever curated it) or the same model's. Nobody
        # links into a layer they may not see.
        layer: dict[str, Any] = {"annotation_set__kind": self.aset.kind}
        if self.aset.kind == SetKind.ANNOTATOR:
            layer["annotation_set__author_id"] = self.aset.author_id
        elif self.aset.kind == SetKind.MODEL:
            layer["annotation_set__model_name"] = self.aset.model_name
        return (
            Span.objects.filter(
                pk=ref,
                annotation_set__project_id=self.aset.project_id,
                annotation_set__document__story_id=self.document.story_id,
                **layer,
            )
            .exclude(annotation_set__document_id=self.document.pk)
            .first()
        )


def relation_checked(
    schema: Schema, resolver: SpanResolver, item: Any, path: str, errors: Errors
) -> Relation | None:
    if not isinstance(item, dict):
        errors.add(path, "must be an object")
        return None
    rtype = schema.relation_types.get(item["type"]) if isinstance(item.get("type"), str) else None
    if rtype is None:
        errors.add(f"{path}.type", f"unknown relation type {item.get('type')!r}")
        return None
    source = resolver.local(item.get("source"))
    if source is None:
        errors.add(f"{path}.source", "must be a span of this set (its id or ref)")
        return None
    target = resolver.local(item.get("target"))
    if target is None and rtype["cross_document"]:
        target = resolver.across(item.get("target"))
    if target is None:
        where = (
            "this set or another document of the story" if rtype["cross_document"] else ("this set")
        )
        errors.add(f"{path}.target", f"must be a span of {where}")
        return None
    if target is source or (target.pk and target.pk == source.pk):
        errors.add(f"{path}.target", "a span cannot be linked to itself")
        return None
    if source.label not in rtype["from_labels"]:
        errors.add(f"{path}.source", f"{rtype['key']} starts at {rtype['from_labels']}")
        return None
    if target.label not in rtype["to_labels"]:
        errors.add(f"{path}.target", f"{rtype['key']} ends at {rtype['to_labels']}")
        return None
    attributes = item.get("attributes")
    attributes = {} if attributes is None else attributes
    if not isinstance(attributes, dict):
        errors.add(f"{path}.attributes", "must be an object")
        return None
    return Relation(
        annotation_set=resolver.aset,
        type=rtype["key"],
        source=source,
        target=target,
        attributes=attributes,
    )


def stance_checked(
    schema: Schema, resolver: SpanResolver, item: Any, path: str, errors: Errors
) -> Stance | None:
    if not isinstance(item, dict):
        errors.add(path, "must be an object")
        return None
    spec = schema.stance
    holder = None
    if item.get("holder") is not None:
        holder = resolver.local(item.get("holder"))
        if holder is None:
            errors.add(f"{path}.holder", "must be a span of this set, or null for the document")
            return None
        if spec["holder_labels"] and holder.label not in spec["holder_labels"]:
            errors.add(f"{path}.holder", f"a stance holder is one of {spec['holder_labels']}")
            return None
    target = item.get("target") or ""
    if not isinstance(target, str):
        errors.add(f"{path}.target", "must be the key of a stance target")
        return None
    object_span = None
    if item.get("object") is not None:
        object_span = resolver.local(item.get("object"))
        if object_span is None:
            errors.add(f"{path}.object", "must be a span of this set")
            return None
        if spec["object_labels"] and object_span.label not in spec["object_labels"]:
            errors.add(f"{path}.object", f"a stance object is one of {spec['object_labels']}")
            return None
    if bool(target) == bool(object_span):
        errors.add(f"{path}.target", "give exactly one of target (a stance target) or object")
        return None
    if target and target not in schema.target_keys:
        errors.add(f"{path}.target", f"unknown stance target {target!r}")
        return None
    if item.get("value") not in spec["values"]:
        errors.add(f"{path}.value", f"must be one of {spec['values']}")
        return None
    return Stance(
        annotation_set=resolver.aset,
        holder=holder,
        target=target,
        object_span=object_span,
        value=item["value"],
    )


def answers_checked(
    schema: Schema, aset: AnnotationSet, answers: Any, errors: Errors
) -> list[DocumentAnswer]:
    if not isinstance(answers, dict):
        errors.add("answers", "must be an object: question key -> answer")
        return []
    rows = []
    for question, value in answers.items():
        if value is None:
            continue
        try:
            schema.check_answer(question, value)
        except ValueError as exc:
            errors.add(f"answers.{question}", str(exc))
            continue
        rows.append(DocumentAnswer(annotation_set=aset, question=question, value=value))
    return rows


def annotation_set_open(
    *,
    project: Project,
    document: Document,
    author: AbstractBaseUser | None,
    kind: str = SetKind.ANNOTATOR,
    model_name: str = "",
) -> tuple[AnnotationSet, bool]:
    """Get or create a set; returns (set, created). Annotator sets count in the queue."""
    if not ProjectDocument.objects.filter(project=project, document=document).exists():
        raise DomainError("The document is not in this project.", {"document": "not in project"})
    lookup: dict[str, Any] = {"project": project, "document": document, "kind": kind}
    if kind == SetKind.ANNOTATOR:
        lookup["author"] = author
    elif kind == SetKind.MODEL:
        if not model_name:
            raise DomainError("A model set needs a model_name.", {"model_name": "required"})
        lookup["model_name"] = model_name
    with transaction.atomic():
        existing = AnnotationSet.objects.filter(**lookup).first()
        if existing:
            return existing, False
        defaults = {"author": author} if kind != SetKind.ANNOTATOR else {}
        try:
            with transaction.atomic():
                aset = AnnotationSet.objects.create(**lookup, **defaults)
        except IntegrityError:
            return AnnotationSet.objects.get(**lookup), False
        if kind == SetKind.ANNOTATOR:
            ProjectDocument.objects.filter(project=project, document=document).update(
                assigned_count=F("assigned_count") + 1
            )
        return aset, True


@transaction.atomic
def annotation_set_submit(*, annotation_set: AnnotationSet) -> AnnotationSet:
    aset = AnnotationSet.objects.select_for_update().get(pk=annotation_set.pk)
    was_skipped = aset.status == SetStatus.SKIPPED
    aset.status = SetStatus.CURATED if aset.kind == SetKind.GOLD else SetStatus.SUBMITTED
    aset.submitted_at = timezone.now()
    aset.version += 1
    aset.save(update_fields=["status", "submitted_at", "version", "updated_at"])
    if was_skipped and aset.kind == SetKind.ANNOTATOR:
        ProjectDocument.objects.filter(
            project_id=aset.project_id, document_id=aset.document_id
        ).update(assigned_count=F("assigned_count") + 1)
    return aset


@transaction.atomic
def annotation_set_skip(*, annotation_set: AnnotationSet) -> AnnotationSet:
    """Skip: the document's slot goes back to the queue for another annotator."""
    aset = AnnotationSet.objects.select_for_update().get(pk=annotation_set.pk)
    if aset.kind != SetKind.ANNOTATOR:
        raise DomainError("Only an annotator's set can be skipped.", {"kind": aset.kind})
    if aset.status != SetStatus.SKIPPED:
        aset.status = SetStatus.SKIPPED
        aset.version += 1
        aset.save(update_fields=["status", "version", "updated_at"])
        ProjectDocument.objects.filter(
            project_id=aset.project_id, document_id=aset.document_id, assigned_count__gt=0
        ).update(assigned_count=F("assigned_count") - 1)
    return aset
