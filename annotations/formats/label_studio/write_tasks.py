"""Document records written as Label Studio tasks: a task per document, its annotator and
gold sets as annotations, its model sets as predictions, each set's content as results
(regions, per-region and document-level choices, relations). The package docstring says how
each part is written.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

import orjson

from annotations.formats.label_studio.names import (
    ANSWER,
    LABELS,
    SPAN_KEY,
    STANCE,
    STANCE_OF_DOCUMENT,
    TEXT,
    VALUE_KIND,
)
from annotations.formats.left_out import COMMENT, RELATION_ATTRIBUTE, LeftOut
from annotations.formats.records import (
    DocumentRecord,
    ExportNotes,
    Header,
    SetRecord,
    SpanRecord,
    attribute_kinds,
    span_pieces,
)
from annotations.spans import Utf16Offsets


def _region_ids(span: SpanRecord) -> list[str]:
    return [
        f"s{span.get('id')}" if i == 0 else f"s{span.get('id')}-{i}"
        for i in range(len(span_pieces(span)))
    ]


def _choices(value: Any) -> list[str]:
    if isinstance(value, bool):
        return ["true" if value else "false"]
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _marked(item: dict[str, Any], value: Any) -> dict[str, Any]:
    if isinstance(value, bool):
        item[VALUE_KIND] = "bool"
    elif isinstance(value, list):
        item[VALUE_KIND] = "list"
    return item


def _region_choice(
    region: str, where: dict[str, Any], name: str, value: Any, free_text: bool = False
) -> dict[str, Any]:
    position = {k: where[k] for k in ("start", "end", "text")}
    if free_text and isinstance(value, str):
        kind, body = "textarea", {"text": [value]}
    else:
        kind, body = "choices", {"choices": _choices(value)}
    item = {"id": region, "from_name": name, "to_name": TEXT, "type": kind}
    item["value"] = {**position, **body}
    return item if kind == "textarea" else _marked(item, value)


def _document_choice(name: str, value: Any) -> dict[str, Any]:
    item = {"id": f"d-{name}", "from_name": name, "to_name": TEXT, "type": "choices"}
    item["value"] = {"choices": _choices(value)}
    return _marked(item, value)


def _link(source: str, target: str, label: str) -> dict[str, Any]:
    return {
        "from_id": source,
        "to_id": target,
        "type": "relation",
        "direction": "right",
        "labels": [label],
    }


def _results(
    record: DocumentRecord,
    aset: SetRecord,
    counts: dict[str, int],
    kinds: dict[tuple[str, str], str],
    offsets: Utf16Offsets,
) -> list[dict[str, Any]]:
    text = record["text"]
    results: list[dict[str, Any]] = []
    regions: dict[Any, list[str]] = {}  # span id -> its region ids
    first: dict[Any, dict[str, Any]] = {}  # span id -> the value of its first region
    for span in aset.get("spans", []):
        pieces = span_pieces(span)
        ids = regions[span.get("id")] = _region_ids(span)
        if len(pieces) > 1:
            counts["discontinuous"] += 1
        for (a, b), region in zip(pieces, ids, strict=True):
            value = {
                "start": offsets.to_utf16(a),
                "end": offsets.to_utf16(b),
                "text": text[a:b],
                "labels": [span["label"]],
            }
            item = {"id": region, "from_name": LABELS, "to_name": TEXT, "type": "labels"}
            item["value"] = value
            if len(pieces) > 1:
                item[SPAN_KEY] = str(span.get("id"))
            results.append(item)
            first.setdefault(span.get("id"), value)
        for key, value in (span.get("attributes") or {}).items():
            if value is None:
                continue
            free_text = kinds.get((span["label"], key), "text") in ("text", "registry")
            results.append(_region_choice(ids[0], first[span.get("id")], key, value, free_text))
    for relation in aset.get("relations", []):
        if relation.get("target_document") is not None:
            counts["across documents"] += 1
            continue
        source, target = regions[relation["source"]][0], regions[relation["target"]][0]
        results.append(_link(source, target, relation["type"]))
    for stance in aset.get("stances", []):
        holder, about, target = stance.get("holder"), stance.get("object"), stance.get("target")
        value = stance["value"]
        if holder is not None and about is not None:
            results.append(_link(regions[holder][0], regions[about][0], STANCE + value))
        elif holder is not None:
            results.append(
                _region_choice(regions[holder][0], first[holder], STANCE + target, value)
            )
        elif about is not None:
            results.append(
                _region_choice(regions[about][0], first[about], STANCE_OF_DOCUMENT, value)
            )
        else:
            results.append(_document_choice(f"{STANCE_OF_DOCUMENT}:{target}", value))
    for question, value in (aset.get("answers") or {}).items():
        if isinstance(value, dict):
            for target, answer in value.items():
                results.append(_document_choice(f"{ANSWER}{question}:{target}", answer))
        else:
            results.append(_document_choice(ANSWER + question, value))
    return results


def task(
    record: DocumentRecord,
    counts: dict[str, int],
    kinds: dict[tuple[str, str], str] | None = None,
    exported_at: str | None = None,
) -> dict[str, Any]:
    """One document record as a Label Studio task. ``counts`` gathers what cannot be said
    exactly (``discontinuous`` spans split, relations ``across documents`` left out);
    ``kinds`` are the schema's attribute types (``attribute_kinds``): text attributes become
    text areas. ``exported_at`` (ISO 8601, default now) dates the annotations of sets that
    have no time of their own."""
    offsets = Utf16Offsets(record["text"])
    outlet = record.get("outlet")
    annotations, predictions = [], []
    # Label Studio's converter sorts a task's annotations by created_at: every annotation has
    # one, from the set's times, else the export's (an imported set has none).
    exported_at = exported_at or datetime.now(UTC).isoformat()
    for number, aset in enumerate(record.get("sets", []), start=1):
        results = _results(record, aset, counts, kinds or {}, offsets)
        if aset.get("kind") == "model":
            name = aset.get("model_name") or "model"
            predictions.append({"id": number, "model_version": name, "result": results})
            continue
        annotation = {
            "id": number,
            "completed_by": {"email": aset.get("author") or ""},
            "ground_truth": aset.get("kind") == "gold",
            "was_cancelled": aset.get("status") == "skipped",
            "lead_time": aset.get("seconds_spent") or 0,
            "result": results,
        }
        started, submitted = aset.get("started_at"), aset.get("submitted_at")
        annotation["created_at"] = started or submitted or exported_at
        annotation["updated_at"] = submitted or started or exported_at
        annotations.append(annotation)
    return {
        "id": record.get("id"),
        "data": {
            "text": record["text"],
            "title": record.get("title") or "",
            "outlet": outlet.get("name") if isinstance(outlet, dict) else outlet,
            "story": record.get("story"),
            "claimlens_id": record.get("id"),
        },
        "annotations": annotations,
        "predictions": predictions,
    }


def write(
    header: Header, documents: Iterable[DocumentRecord], notes: ExportNotes
) -> Iterator[bytes]:
    counts: dict[str, int] = {"discontinuous": 0, "across documents": 0}
    kinds = attribute_kinds(header.get("schema") or {})
    now = datetime.now(UTC).isoformat()
    left_out = LeftOut(
        "label-studio", (COMMENT,), "tasks are written without comments and relation attributes"
    )
    yield b"["
    for i, record in enumerate(documents):
        left_out.count_document(record)
        for aset in record.get("sets") or []:
            left_out.count_set(aset)
            relations = aset.get("relations") or []
            left_out.add(RELATION_ATTRIBUTE, sum(len(r.get("attributes") or {}) for r in relations))
        yield (b",\n" if i else b"\n") + orjson.dumps(task(record, counts, kinds, now))
    yield b"\n]\n"
    left_out.note(notes)
    if counts["discontinuous"]:
        notes.add(
            f"label-studio: {counts['discontinuous']} discontinuous spans written as one "
            f"region per fragment (joined again on import by {SPAN_KEY})"
        )
    if counts["across documents"]:
        notes.add(
            f"label-studio: {counts['across documents']} relations across documents "
            "left out (a Label Studio task is one document)"
        )
