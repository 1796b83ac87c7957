"""spaCy DocBin (``.spacy``): one ``Doc`` per (document, set), the set's spans in
``doc.spans[<layer>]``.

Read it with ``DocBin().from_bytes(data).get_docs(spacy.blank("en").vocab)`` (any vocab:
the strings travel in the file). ``<layer>`` is ``gold``, the author's username or
``model-<name>``; each ``Span`` has ``label_`` = the span label and ``id_`` = the span's id
(as text). ``doc.ents`` is left empty: spans may overlap, entities may not.

**Tokens.** spaCy's blank English rules (``tokens.py``), with a token boundary at every span
boundary of every layer of the document. So ``doc.char_span(start, end,
alignment_mode="strict")`` always finds the span, ``span.start_char``/``end_char`` are our
offsets exactly and ``span.text`` is the text the annotator marked, and all the Docs of one
document have the same tokens. The price: where a span boundary falls inside what spaCy would
have kept as one token (``"U.S.-led"``), that token is two tokens here. Widening a span to
whole tokens (``alignment_mode="expand"``) would keep spaCy's tokens but change the
annotation; we keep the annotation. (Should a span still not align, it is widened and the
export notes say so; that is a safety net, the tokenisation does not let it happen.)

**Discontinuous spans** are one ``Span`` per fragment, with the same label and ``id_``.

**``doc.user_data["claimlens"]``** keeps what ``Span`` objects cannot (plain JSON values;
after loading, srsly's msgpack gives lists back as tuples):
``document_id``, ``title``, ``outlet`` (its name), ``story``, ``layer``, ``kind``,
``author``, ``model_name``, ``status``; ``spans`` (``id``, ``label``, ``start``, ``end``,
``fragments`` — always the list of ``[start, end]`` pieces, one for a contiguous span —
``text``, ``attributes``); ``relations`` (``type``, ``source``, ``target``,
``target_document``, ``attributes``); ``stances`` (``holder``, ``target``, ``object``,
``value``) and ``answers``, as in the native records.

The DocBin stores the tokens' words and spaces only (``attrs=["ORTH"]``; ``SPACY`` always
goes with it): the Docs are tokenised by rules and carry no tags, lemmas, parses or
entities, and the other columns would be zeros, as wide as all of them (a 20 MB text: 2.3
GB and 23 s with them, 0.8 GB and about 7 s without).

**Memory.** A DocBin is serialised whole (``DocBin.to_bytes``), so this export holds every
Doc until the end and then yields the file in one piece: memory grows with the export. Use
the background export job for big projects, or the streamed formats (Hugging Face JSONL or
Parquet).

**What it leaves out** is counted in one line of the export notes: the sets' and the
documents' comments (``left_out.py``); everything else of a set is in the user data.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from annotations.formats.left_out import COMMENT, LeftOut
from annotations.formats.records import (
    DocumentRecord,
    ExportNotes,
    ExportSpec,
    Header,
    SetRecord,
    layer_name,
    span_pieces,
)
from annotations.formats.set_rows import set_row
from annotations.formats.tokens import Tokens, all_pieces, tokenise


def claimlens_data(record: DocumentRecord, aset: SetRecord) -> dict[str, Any]:
    """What goes to ``doc.user_data["claimlens"]`` for one set of one document."""
    data = set_row(record, aset)
    del data["text"]  # the Doc holds it
    return data


def set_doc(record: DocumentRecord, aset: SetRecord, tokens: Tokens, notes: ExportNotes) -> Any:
    """The ``Doc`` of one set: the document's tokens, the set's spans, its user data."""
    doc = tokens.doc()
    layer = layer_name(aset)
    group = []
    for span in aset.get("spans") or []:
        label = span["label"]
        span_id = str(span["id"]) if span.get("id") is not None else 0
        for a, b in span_pieces(span):
            made = doc.char_span(a, b, label=label, span_id=span_id, alignment_mode="strict")
            if made is None:
                made = doc.char_span(a, b, label=label, span_id=span_id, alignment_mode="expand")
                where = f"document {record.get('id')}, layer {layer}: {label} [{a}, {b})"
                if made is None:
                    notes.add(f"spacy: {where} falls on no token: not written")
                    continue
                notes.add(f"spacy: {where} widened to [{made.start_char}, {made.end_char})")
            group.append(made)
    doc.spans[layer] = group
    doc.user_data["claimlens"] = claimlens_data(record, aset)
    return doc


def write(
    header: Header, documents: Iterable[DocumentRecord], notes: ExportNotes
) -> Iterator[bytes]:
    from spacy.tokens import DocBin

    docbin = DocBin(attrs=["ORTH"], store_user_data=True)
    left_out = LeftOut("spacy", (COMMENT,), "a DocBin has no place for comment threads")
    for record in documents:
        sets = record.get("sets") or []
        if not sets:
            continue
        left_out.count_document(record)
        tokens = tokenise(record["text"], all_pieces(record))
        for aset in sets:
            left_out.count_set(aset)
            docbin.add(set_doc(record, aset, tokens, notes))
        del tokens
    left_out.note(notes)
    yield docbin.to_bytes()


EXPORTS = {
    "spacy": ExportSpec(
        title="spaCy DocBin (.spacy, spans in doc.spans)",
        media_type="application/octet-stream",
        extension="spacy",
        write=write,
    )
}
