"""One annotation set of one document as a flat row: the document's fields, the layer's, and
the set's spans, relations, stances and answers as plain lists and objects.

A Hugging Face row (``hf_datasets``) is this row, and so is spaCy's
``doc.user_data["claimlens"]`` (``spacy_docbin``, without ``text``: the ``Doc`` holds it).
Unlike the native record, every span lists its pieces in ``fragments`` (one ``[start, end]``
for a contiguous span) and the layer has its name (``layer_name``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from annotations.formats.records import (
    DocumentRecord,
    SetRecord,
    layer_name,
    outlet_name,
    span_pieces,
)


def as_object(value: Any) -> Any:
    """Attributes or answers as they are, ``{}`` for none."""
    return value or {}


def set_row(
    record: DocumentRecord, aset: SetRecord, encode: Callable[[Any], Any] = as_object
) -> dict[str, Any]:
    """The row of one set. ``encode`` gives what the file holds for attributes and answers
    (their shape depends on the schema): JSON text for a Parquet column, else an object."""
    return {
        "document_id": record.get("id"),
        "title": record.get("title") or "",
        "text": record["text"],
        "outlet": outlet_name(record),
        "story": record.get("story"),
        "layer": layer_name(aset),
        "kind": aset.get("kind"),
        "author": aset.get("author"),
        "model_name": aset.get("model_name"),
        "status": aset.get("status"),
        "spans": [
            {
                "id": span.get("id"),
                "label": span["label"],
                "start": span["start"],
                "end": span["end"],
                "text": span.get("text"),
                "fragments": [list(piece) for piece in span_pieces(span)],
                "attributes": encode(span.get("attributes")),
            }
            for span in aset.get("spans") or []
        ],
        "relations": [
            {
                "type": relation["type"],
                "source": relation["source"],
                "target": relation["target"],
                "target_document": relation.get("target_document"),
                "attributes": encode(relation.get("attributes")),
            }
            for relation in aset.get("relations") or []
        ],
        "stances": [
            {
                "holder": stance.get("holder"),
                "target": stance.get("target"),
                "object": stance.get("object"),
                "value": stance["value"],
            }
            for stance in aset.get("stances") or []
        ],
        "answers": encode(aset.get("answers")),
    }
