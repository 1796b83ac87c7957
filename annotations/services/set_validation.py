"""Validation of annotation-set payloads against the schema and the document text.

Shared by whole-set writes (``set_write``) and fine-grained writes (``rows``). Each checker
records errors by path (``spans[2].text``) and returns the row to write, or None.
"""

from __future__ import annotations

from typing import Any

from annotations.models import AnnotationSet, DocumentAnswer, Relation, SetKind, Span, Stance
from annotations.provenance import Provenance, provenance_checked
from annotations.schema import Schema
from annotations.services.errors import DomainError
from annotations.spans import OffsetError, check_span
from corpus.models import Document


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


def is_int(value: Any) -> bool:
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
        if data.get(field) is not None and not is_int(data.get(field)):
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
    provenance = _provenance(data, path, errors)
    if provenance is False:
        return None
    return {
        "label": label,
        "start": checked.start,
        "end": checked.end,
        "fragments": checked.fragments,
        "text": checked.text,
        "attributes": attributes,
        "provenance": provenance,
    }


def _provenance(data: dict[str, Any], path: str, errors: Errors) -> Provenance | None | bool:
    """The payload's provenance checked; False (and the error recorded) when it is wrong."""
    try:
        return provenance_checked(data.get("provenance"))
    except ValueError as exc:
        errors.add(f"{path}.provenance", str(exc))
        return False


def payload_list(data: dict[str, Any], key: str) -> list[Any]:
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
        if is_int(ref):
            return self.own.get(ref)
        return None

    def across(self, ref: Any) -> Span | None:
        if not is_int(ref) or self.document.story_id is None:
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
    fields = relation_fields_checked(schema, resolver, item, path, errors)
    return Relation(annotation_set=resolver.aset, **fields) if fields else None


def relation_fields_checked(
    schema: Schema, resolver: Any, item: Any, path: str, errors: Errors
) -> dict[str, Any] | None:
    """Validate one relation payload; return its fields (``type``, ``source`` and ``target``
    as the resolver's span objects, ``attributes``) or record errors and return None."""
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
    # A link naming another document (an import's ``target_document``) looks there first:
    # refs need only be unique within a set, so the source's set may hold the same ref.
    across_first = rtype["cross_document"] and item.get("target_document") is not None
    target = resolver.across(item.get("target")) if across_first else None
    if target is None:
        target = resolver.local(item.get("target"))
    if target is None and rtype["cross_document"] and not across_first:
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
    provenance = _provenance(item, path, errors)
    if provenance is False:
        return None
    return {
        "type": rtype["key"],
        "source": source,
        "target": target,
        "attributes": attributes,
        "provenance": provenance,
    }


def stance_checked(
    schema: Schema, resolver: SpanResolver, item: Any, path: str, errors: Errors
) -> Stance | None:
    fields = stance_fields_checked(schema, resolver, item, path, errors)
    return Stance(annotation_set=resolver.aset, **fields) if fields else None


def stance_fields_checked(
    schema: Schema, resolver: Any, item: Any, path: str, errors: Errors
) -> dict[str, Any] | None:
    """Validate one stance payload; return its fields (``holder`` and ``object_span`` as the
    resolver's span objects or None, ``target``, ``value``) or record errors and return None."""
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
    provenance = _provenance(item, path, errors)
    if provenance is False:
        return None
    return {
        "holder": holder,
        "target": target,
        "object_span": object_span,
        "value": item["value"],
        "provenance": provenance,
    }


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
