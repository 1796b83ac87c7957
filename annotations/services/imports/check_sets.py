"""Checking a document record's sets: the set fields, spans (moved onto the normalised
text), then relations, stances and answers with the same checks a browser save gets."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from annotations.models import AnnotationSet, SetKind, SetStatus
from annotations.schema import Schema
from annotations.schema_attributes import attribute_problem
from annotations.services.imports.checked import (
    CheckedDocument,
    CheckedSet,
    CheckedSpan,
    Layers,
    Places,
    Resolver,
    hashable,
    layer_key,
)
from annotations.services.set_caps import spans_over_cap
from annotations.services.set_validation import (
    Errors,
    answers_checked,
    is_int,
    relation_fields_checked,
    span_fields_checked,
    stance_fields_checked,
)

IMPORTED_MODEL = "imported"


def _set_row(item: dict[str, Any], default_author: str | None, path: str, errors: Errors):
    kind = item.get("kind") or SetKind.ANNOTATOR
    if kind not in SetKind.values:
        errors.add(f"{path}.kind", f"must be one of {', '.join(SetKind.values)}")
        return None, None
    author = item.get("author")
    if author is not None and (not isinstance(author, str) or not author.strip()):
        errors.add(f"{path}.author", "must be a username")
        return None, None
    if kind == SetKind.ANNOTATOR:
        author = author or default_author
        if not author:
            errors.add(f"{path}.author", "an annotator set needs its author's username")
            return None, None
    model = ""
    if kind == SetKind.MODEL:
        model = item.get("model_name") or IMPORTED_MODEL
        if not isinstance(model, str):
            errors.add(f"{path}.model_name", "must be the model's name")
            return None, None
        author = None
    default_status = SetStatus.CURATED if kind == SetKind.GOLD else SetStatus.SUBMITTED
    status = item.get("status") or default_status
    if status not in SetStatus.values:
        errors.add(f"{path}.status", f"must be one of {', '.join(SetStatus.values)}")
        return None, None
    seconds = item.get("seconds_spent") or 0
    if not is_int(seconds) or seconds < 0:
        errors.add(f"{path}.seconds_spent", "must be a whole number of seconds")
        return None, None
    times = {}
    for name in ("started_at", "submitted_at"):
        value = item.get(name)
        times[name] = None
        if value:
            try:
                times[name] = datetime.fromisoformat(value)
            except (TypeError, ValueError):
                errors.add(f"{path}.{name}", "must be an ISO 8601 date and time")
                return None, None
    row = AnnotationSet(
        kind=kind, model_name=model[:200], status=status, seconds_spent=seconds, **times
    )
    return row, author


def sets_check(
    document: CheckedDocument,
    schema: Schema,
    default_author: str | None,
    fresh_ids: Any,
    layers: Layers,
    places: Places,
) -> None:
    """Check the record's sets (each problem at its set's or span's place, see ``Places``)
    and add them to ``document``, after any it already has (an earlier record of the same
    text)."""
    sets = document.record.get("sets") or []
    if not isinstance(sets, list):
        places.at().add("sets", "must be a list")
        return
    taken = {layer_key(aset): aset for aset in document.sets}
    multi = _multi_choice(schema)
    for i, item in enumerate(sets):
        path = f"sets[{i}]"
        errors = places.at(item)
        if not isinstance(item, dict):
            errors.add(path, "must be an object")
            continue
        row, author = _set_row(item, default_author, path, errors)
        if row is None:
            continue
        aset = CheckedSet(record=item, row=row, author=author, path=path)
        layer = layer_key(aset)
        if layer in taken:
            first = taken[layer].record.get("_where") or {}
            at = first.get("file") or ""
            if at and first.get("line") is not None:
                at = f"{at}:{first['line']}"
            whose = f" (the first is at {at}, of the same text)" if at else ""
            who = layer[1] or "gold"
            errors.add(path, f"a second {row.kind} set for {who} on this document{whose}")
            continue
        taken[layer] = aset
        spans = item.get("spans") or []
        if not isinstance(spans, list):
            errors.add(f"{path}.spans", "must be a list")
            continue
        if too_many := spans_over_cap(len(spans)):
            errors.add(f"{path}.spans", too_many)
            continue
        set_errors = errors
        for j, data in enumerate(spans):
            span_path = f"{path}.spans[{j}]"
            _one_value_listed(multi, data)
            own = isinstance(data, dict) and isinstance(data.get("_where"), dict)
            errors = places.at(data, item) if own else set_errors
            if own and data["_where"].get("attributes"):
                fields = _span_placed(schema, document.original, data, span_path, places, errors)
            else:
                fields = span_fields_checked(schema, document.original, data, span_path, errors)
            if fields is None:
                continue
            try:
                _fields_remap(fields, document.offsets, document.text)
            except ValueError as exc:
                errors.add(span_path, str(exc))
                continue
            ref = data.get("id")
            if ref is None:
                ref = next(fresh_ids)
            if not hashable(ref) or ref in aset.spans:
                errors.add(f"{span_path}.id", f"span id {ref!r} appears twice in the set")
                continue
            span = CheckedSpan(**fields)
            aset.spans[ref] = span
            layers.spans[(document.key, layer, ref)] = (span, document)
        document.sets.append(aset)


def _span_placed(
    schema: Schema, text: str, data: dict[str, Any], path: str, places: Places, errors: Errors
) -> dict[str, Any] | None:
    """``span_fields_checked`` for a span whose reader knows the line of each attribute (a
    brat ``A`` or ``#`` line): a value the schema refuses is reported at its own line."""
    found = Errors()
    fields = span_fields_checked(schema, text, data, path, found)
    for found_path, message in found.items.items():
        refused = _attribute_place(schema, data)
        if found_path == f"{path}.attributes" and refused is not None:
            places.at(refused).add(found_path, message)
        else:
            errors.add(found_path, message)
    return fields


def _multi_choice(schema: Schema) -> dict[str, set[str]]:
    """label -> the keys of its attributes that hold several values (``multi_choice``)."""
    found: dict[str, set[str]] = {}
    for label in schema.labels:
        keys = {k for k, a in schema.attributes_of(label).items() if a["type"] == "multi_choice"}
        if keys:
            found[label] = keys
    return found


def _one_value_listed(multi: dict[str, set[str]], data: Any) -> None:
    """One value given for an attribute the schema lets hold several (``multi_choice``)
    becomes a list of one: a brat ``A`` line gives a value, not a list. (``multi``:
    ``_multi_choice`` of the schema.)"""
    if not multi or not isinstance(data, dict) or not isinstance(data.get("attributes"), dict):
        return
    label = data.get("label")
    keys = multi.get(label) if isinstance(label, str) else None
    if not keys:
        return
    values = data["attributes"]
    for key in keys & values.keys():
        if isinstance(values[key], str):
            values[key] = [values[key]]


def _attribute_place(schema: Schema, data: Any) -> dict[str, Any] | None:
    """The place of the line that gave the first attribute value the schema refuses (a brat
    ``A`` or ``#`` line), when the reader knows it: the span's problem is reported there."""
    place = data.get("_where") if isinstance(data, dict) else None
    lines = place.get("attributes") if isinstance(place, dict) else None
    if not lines:
        return None
    label, values = data.get("label"), data.get("attributes")
    if not isinstance(label, str) or label not in schema.labels or not isinstance(values, dict):
        return None
    declared = schema.attributes_of(label)
    for key, value in values.items():
        if key in lines and attribute_problem(label, declared, key, value) is not None:
            return {"_where": {"file": place["file"], "line": lines[key]}}
    return None


def _fields_remap(fields: dict[str, Any], offsets: Any, text: str) -> None:
    """Move checked span fields from the file's text onto the normalised text."""
    if offsets.identity:
        return
    pieces = fields["fragments"] or [[fields["start"], fields["end"]]]
    moved = [list(offsets.map_span(a, b)) for a, b in pieces]
    fields["start"], fields["end"] = moved[0][0], moved[-1][1]
    fields["fragments"] = moved if fields["fragments"] else None
    fields["text"] = " ".join(text[a:b] for a, b in moved)


def links_check(
    document: CheckedDocument,
    aset: CheckedSet,
    schema: Schema,
    layers: Layers,
    places: Places,
) -> None:
    resolver = Resolver(aset, document, layers)
    item = aset.record
    path = aset.path
    errors = places.at(item)
    relations = item.get("relations") or []
    stances = item.get("stances") or []
    if not isinstance(relations, list) or not isinstance(stances, list):
        errors.add(path, "relations and stances must be lists")
        return
    seen: set[Any] = set()
    for k, data in enumerate(relations):
        resolver.target_document = data.get("target_document") if isinstance(data, dict) else None
        errors = places.at(data, item)
        relation = relation_fields_checked(schema, resolver, data, f"{path}.relations[{k}]", errors)
        if relation is None:
            continue
        key = (relation["type"], id(relation["source"]), id(relation["target"]))
        if key in seen:
            errors.add(f"{path}.relations[{k}]", "appears twice")
            continue
        seen.add(key)
        aset.relations.append(relation)
    seen = set()
    errors = places.at(item)
    for k, data in enumerate(stances):
        stance = stance_fields_checked(schema, resolver, data, f"{path}.stances[{k}]", errors)
        if stance is None:
            continue
        key = (id(stance["holder"]), stance["target"], id(stance["object_span"]))
        if key in seen:
            errors.add(f"{path}.stances[{k}]", "appears twice")
            continue
        seen.add(key)
        aset.stances.append(stance)
    sub = Errors()
    aset.answers = answers_checked(schema, aset.row, item.get("answers") or {}, sub)
    for sub_path, message in sub.items.items():
        errors.add(f"{path}.{sub_path}", message)
