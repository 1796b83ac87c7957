"""CoNLL BIO: one token per line, ``token<TAB>tag``, a blank line between sentences.

Each set (layer) of each document is one block, opened by comment lines
``# document_id = 12``, ``# title = ...`` and ``# layer = gold``. Tokens come from
``tokens.py`` (spaCy's blank English rules, cut at every span boundary of the set, so tags
match the offsets exactly); whitespace tokens are not written, and one holding a line break
ends a sentence.

BIO cannot express everything a set holds; what it cannot is reported, never dropped in
silence, both as a ``# not expressed: ...`` comment in the block and in the export notes:

- overlapping spans in one layer: the earliest (longest first) is tagged, the others are
  reported;
- a discontinuous span: each fragment is tagged as its own chunk (``B-`` then ``I-``), and the
  span is reported as split.
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
from annotations.formats.tokens import token_offsets, words_and_spaces


def _chosen(spans: list[Record]) -> tuple[list[tuple[int, int, str]], list[tuple[Record, str]]]:
    """Non-overlapping chunks to tag, and what could not be expressed (span, why)."""
    chunks: list[tuple[int, int, str]] = []
    left_out: list[tuple[Record, str]] = []
    taken: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (s["start"], -(s["end"] - s["start"]))):
        pieces = span_pieces(span)
        clash = next((t for t in taken for p in pieces if p[0] < t[1] and t[0] < p[1]), None)
        if clash is not None:
            left_out.append((span, f"overlaps [{clash[0]}, {clash[1]}) in the same layer"))
            continue
        taken.extend(pieces)
        chunks.extend((a, b, span["label"]) for a, b in pieces)
        if len(pieces) > 1:
            left_out.append((span, f"discontinuous: written as {len(pieces)} separate chunks"))
    return chunks, left_out


def block(record: Record, aset: Record, notes: ExportNotes) -> str:
    text = record["text"]
    spans = aset.get("spans", [])
    chunks, left_out = _chosen(spans)
    words, spaces = words_and_spaces(text, [x for a, b, _ in chunks for x in (a, b)])
    tags = ["O"] * len(words)
    offsets = token_offsets(words, spaces)
    index = {start: i for i, (start, _) in enumerate(offsets)}
    for a, b, label in chunks:
        i = index.get(a)
        while i is not None and i < len(words) and offsets[i][1] <= b:
            if not words[i].isspace():
                tags[i] = ("I-" if offsets[i][0] > a else "B-") + label
            i += 1
    layer = layer_name(aset)
    lines = [f"# document_id = {record.get('id')}", f"# title = {record.get('title') or ''}"]
    lines.append(f"# layer = {layer}")
    for span, why in left_out:
        message = f"{span['label']} [{span['start']}, {span['end']}) {span['text']!r}: {why}"
        lines.append(f"# not expressed: {message}")
        notes.add(f"conll: document {record.get('id')}, layer {layer}: {message}")
    sentence: list[str] = []
    for word, tag in zip(words, tags, strict=True):
        if word.isspace():
            if "\n" in word and sentence:
                lines.extend([*sentence, ""])
                sentence = []
            continue
        sentence.append(f"{word}\t{tag}")
    if sentence:
        lines.extend([*sentence, ""])
    return "\n".join(lines) + "\n"


def write(header: Header, documents: Iterable[Record], notes: ExportNotes) -> Iterator[bytes]:
    for record in documents:
        blocks = [block(record, aset, notes) for aset in record.get("sets", [])]
        if blocks:
            yield "\n".join(blocks).encode("utf-8") + b"\n"


EXPORTS = {
    "conll": ExportSpec(
        title="CoNLL BIO (a token per line, a block per document and layer)",
        media_type="text/plain",
        extension="conll",
        write=write,
    )
}
