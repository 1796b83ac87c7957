"""CoNLL BIO: one token per line, ``token<TAB>tag``, a blank line after each sentence.

A **block** per set (layer) of each document, blocks in the order of the document's sets,
a blank line between blocks. A block opens with comment lines, and has comment lines nowhere
else::

    # document_id = 101
    # title = Kelham reservoir to close for repairs
    # layer = gold
    # kind = gold
    # status = curated
    # not expressed: ...
    The	B-SOURCE
    Brenford	I-SOURCE

``layer`` is ``gold``, the author's username or ``model-<name>``. Tags are ``O``,
``B-<label>`` on the first token of a span, ``I-<label>`` on the others.

**Tokens.** spaCy's blank English tokenizer (``tokens.py``), with a token boundary at every
span boundary of every layer of the document, so tags match the offsets exactly and all the
blocks of one document have the same token lines (they can be compared line by line).
Whitespace is not written: tokens joined with the text's spaces give back the text.

**Sentences.** A sentence ends at a line break of the text and where spaCy's rule-based
sentencizer puts a sentence end (after ``.``, ``!``, ``?`` and their closing quotes) —
except inside a span: a span is never cut in two by a blank line, its sentence goes on.

**What BIO cannot hold** is reported, never dropped in silence: each time in a
``# not expressed: <label> [<start>, <end>) '<text>': <why>`` comment at the top of the
block, and in the export notes (with the document and layer):

- *overlaps in one layer*: spans are taken by start, the longer first; a span overlapping one
  already taken is not tagged ("overlaps [a, b) in the same layer"). Spans of different
  layers never clash: each layer has its own block.
- *discontinuous spans*: each fragment is tagged as a chunk of its own (``B-`` then ``I-``),
  so a reader sees several spans where there is one ("discontinuous: written as n separate
  chunks [a, b) [c, d)").
- *a boundary inside a token*: the tokenizer's token is written split at the boundary
  ("starts inside the token 'U.S.-led' [4, 12), written split there"), which a reader that
  tokenises again would not reproduce.
- *whitespace at a span's edge or a span of whitespace only*: whitespace is not written, so
  the tagged tokens are narrower than the span, or there is nothing to tag.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from annotations.formats.records import (
    DocumentRecord,
    ExportNotes,
    ExportSpec,
    Header,
    SetRecord,
    SpanRecord,
    layer_name,
    span_pieces,
)
from annotations.formats.tokens import (
    Piece,
    Tokens,
    all_pieces,
    plain_tokens,
    sentencizer,
    split_tokens,
    tokenise,
)

LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")

Chunk = tuple[int, int, str]


def chosen(spans: list[SpanRecord]) -> tuple[list[Chunk], dict[int, list[str]]]:
    """The chunks to tag (``start, end, label``), none overlapping another, and why each span
    (by its index in ``spans``) is not written as it is."""
    chunks: list[Chunk] = []
    why: dict[int, list[str]] = {}
    taken: list[Piece] = []
    order = sorted(range(len(spans)), key=lambda i: (spans[i]["start"], -spans[i]["end"]))
    for i in order:
        span = spans[i]
        pieces = span_pieces(span)
        clash = next((t for t in taken for a, b in pieces if a < t[1] and t[0] < b), None)
        if clash is not None:
            why.setdefault(i, []).append(f"overlaps [{clash[0]}, {clash[1]}) in the same layer")
            continue
        taken.extend(pieces)
        chunks.extend((a, b, span["label"]) for a, b in pieces)
        if len(pieces) > 1:
            where = " ".join(f"[{a}, {b})" for a, b in pieces)
            why.setdefault(i, []).append(
                f"discontinuous: written as {len(pieces)} separate chunks {where}"
            )
    return chunks, why


def _edges(text: str, span: SpanRecord, split: dict[int, Piece]) -> list[str]:
    """Why a span's own edges cannot be written as they are (tokens split, whitespace)."""
    reasons = []
    for a, b in span_pieces(span):
        if text[a:b].isspace():
            reasons.append(f"[{a}, {b}) is whitespace only: no token to tag")
            continue
        if text[a].isspace() or text[b - 1].isspace():
            reasons.append(f"whitespace at the edge of [{a}, {b}) is not written")
        for edge, verb in ((a, "starts"), (b, "ends")):
            if edge in split:
                s, e = split[edge]
                reasons.append(
                    f"{verb} inside the token {text[s:e]!r} [{s}, {e}), written split there"
                )
    return reasons


def _opens(token: Any) -> bool:
    """Whitespace, or an opening quote or bracket: belongs to the sentence after it."""
    return token.is_space or (token.is_left_punct and not token.is_right_punct)


def _sentence_starts(tokens: Tokens) -> list[bool]:
    """Per token: whether a sentence may start there: after a line break, or where spaCy's
    sentencizer starts one, moved back before opening quotes and brackets (the sentencizer
    leaves an opening quote at the end of the sentence before)."""
    doc = tokens.doc()
    sentencizer()(doc)
    starts = [False] * len(doc)
    for token in doc:
        if token.i == 0 or not token.is_sent_start:
            continue
        i = token.i
        while i > 0 and _opens(doc[i - 1]):
            i -= 1
        while i < token.i and doc[i].is_space:
            i += 1
        starts[i] = True
    for i, word in enumerate(tokens.words[:-1]):
        if word.isspace() and LINE_BREAKS.intersection(word):
            starts[i + 1] = True
    return starts


@dataclass(frozen=True)
class Prepared:
    """What all the blocks of one document share: its tokens (cut at every span boundary of
    every layer), where sentences may start, and the plain tokenisation's tokens."""

    tokens: Tokens
    starts: list[bool]
    plain: list[Piece]


def prepare(record: DocumentRecord, extra: Iterable[Piece] = ()) -> Prepared:
    text = record["text"]
    tokens = tokenise(text, [*all_pieces(record), *extra])
    starts = _sentence_starts(tokens) if tokens.words else []
    return Prepared(tokens, starts, plain_tokens(text))


def block(
    record: DocumentRecord, aset: SetRecord, notes: ExportNotes, prepared: Prepared | None = None
) -> str:
    """One set of one document as a CoNLL block (comment lines, then sentences).
    ``prepared`` is ``prepare(record)``, made here when not given."""
    text = record["text"]
    spans = aset.get("spans") or []
    if prepared is None:
        prepared = prepare(record, [p for s in spans for p in span_pieces(s)])
    tokens = prepared.tokens
    chunks, why = chosen(spans)
    split = split_tokens(prepared.plain, [x for s in spans for p in span_pieces(s) for x in p])
    for i, span in enumerate(spans):
        reasons = _edges(text, span, split)
        if reasons:
            why.setdefault(i, []).extend(reasons)

    tags = ["O"] * len(tokens.words)
    first_token = {start: i for i, (start, _) in enumerate(tokens.offsets)}
    for a, b, label in chunks:
        i = first_token[a]
        prefix = "B-"
        while i < len(tokens.words) and tokens.offsets[i][1] <= b:
            if not tokens.words[i].isspace():
                tags[i] = prefix + label
                prefix = "I-"
            i += 1

    layer = layer_name(aset)
    title = " ".join(str(record.get("title") or "").split())
    lines = [
        f"# document_id = {record.get('id')}",
        f"# title = {title}",
        f"# layer = {layer}",
        f"# kind = {aset.get('kind')}",
        f"# status = {aset.get('status')}",
    ]
    for i in sorted(why, key=lambda i: (spans[i]["start"], spans[i]["end"])):
        span = spans[i]
        where = f"{span['label']} [{span['start']}, {span['end']}) {span.get('text')!r}"
        message = f"{where}: {'; '.join(why[i])}"
        lines.append(f"# not expressed: {message}")
        notes.add(f"conll: document {record.get('id')}, layer {layer}: {message}")

    starts = prepared.starts
    sentence: list[str] = []
    may_end = False
    for i, (word, tag) in enumerate(zip(tokens.words, tags, strict=True)):
        may_end = may_end or starts[i]
        if word.isspace():
            continue
        if may_end and sentence and not tag.startswith("I-"):
            lines.extend([*sentence, ""])
            sentence = []
        may_end = False
        sentence.append(f"{word}\t{tag}")
    lines.extend([*sentence, ""])
    return "\n".join(lines) + "\n"


def write(
    header: Header, documents: Iterable[DocumentRecord], notes: ExportNotes
) -> Iterator[bytes]:
    """A chunk per document: its blocks, one per set."""
    for record in documents:
        sets: list[SetRecord] = record.get("sets") or []
        if not sets:
            continue
        prepared = prepare(record)
        blocks = [block(record, aset, notes, prepared) for aset in sets]
        yield "".join(blocks).encode("utf-8")


EXPORTS = {
    "conll": ExportSpec(
        title="CoNLL BIO (token per line)",
        media_type="text/plain",
        extension="conll",
        write=write,
    )
}
