"""spaCy DocBin (``.spacy``): one ``Doc`` per (document, set), spans in ``doc.spans``.

The layer's spans are the span group ``doc.spans[<layer>]`` (``gold``, a username,
``model-<name>``), each labelled. Tokens come from ``tokens.py``: spaCy's blank English rules
with a token boundary at every span boundary, so ``span.start_char``/``end_char`` equal the
offsets exactly. A discontinuous span is one spaCy span per fragment; ``doc.user_data
["claimlens"]`` keeps what spaCy spans cannot: each span's id, fragments and attributes, the
relations, stances and answers, and the document's id, title, outlet and story.

A DocBin is serialised whole, so this export holds every Doc in memory until the end; use a
background job (or the JSONL/Parquet formats) for very large projects.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from annotations.formats.records import (
    ExportNotes,
    ExportSpec,
    Header,
    Record,
    layer_name,
    span_pieces,
)
from annotations.formats.tokens import blank_english, words_and_spaces


def write(header: Header, documents: Iterable[Record], notes: ExportNotes) -> Iterator[bytes]:
    from spacy.tokens import Doc, DocBin

    vocab = blank_english().vocab
    docbin = DocBin(store_user_data=True)
    for record in documents:
        text = record["text"]
        outlet = record.get("outlet")
        for aset in record.get("sets", []):
            spans = aset.get("spans", [])
            pieces = [(p, span) for span in spans for p in span_pieces(span)]
            words, spaces = words_and_spaces(text, [x for p, _ in pieces for x in p])
            doc = Doc(vocab, words=words, spaces=spaces)
            layer = layer_name(aset)
            group = []
            for (a, b), span in pieces:
                made = doc.char_span(a, b, label=span["label"], alignment_mode="strict")
                if made is None:  # a boundary inside whitespace spaCy keeps as one token
                    made = doc.char_span(a, b, label=span["label"], alignment_mode="expand")
                    notes.add(
                        f"spacy: document {record.get('id')}, layer {layer}: {span['label']} "
                        f"[{a}, {b}) widened to [{made.start_char}, {made.end_char})"
                    )
                group.append(made)
            doc.spans[layer] = group
            doc.user_data["claimlens"] = {
                "document_id": record.get("id"),
                "title": record.get("title") or "",
                "outlet": outlet.get("name") if isinstance(outlet, dict) else outlet,
                "story": record.get("story"),
                "layer": layer,
                "kind": aset.get("kind"),
                "spans": [
                    {
                        "id": span.get("id"),
                        "label": span["label"],
                        "fragments": [list(p) for p in span_pieces(span)],
                        "attributes": span.get("attributes") or {},
                    }
                    for span in spans
                ],
                "relations": aset.get("relations", []),
                "stances": aset.get("stances", []),
                "answers": aset.get("answers") or {},
            }
            docbin.add(doc)
    yield docbin.to_bytes()


EXPORTS = {
    "spacy": ExportSpec(
        title="spaCy DocBin (.spacy, spans in doc.spans)",
        media_type="application/octet-stream",
        extension="spacy",
        write=write,
    )
}
