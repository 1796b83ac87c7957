"""CoNLL BIO: one token per line, ``token<TAB>tag``, a blank line after each sentence.

A **block** per set (layer) of each document, blocks in the order of the document's sets,
a blank line between blocks. A block opens with comment lines, and has comment lines nowhere
else::

    # document_id = 101
    # title = Kelham reservoir to close for repairs
    # layer = gold
    # kind = gold
    # status = curated
    # left out = 3 relations, 1 stance, 1 answer, 4 attribute values
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

**Long texts** are tagged a section of about ``SECTION`` code points at a time, each cut
after a line break outside every span (``sections``), and written as they are done: the
lines are those of the whole text at once, and memory does not grow with the text (a 20 MB
text: 14 s and 1.9 GB before, see ``bench/bench_long_document.py``). Tokens split at a span
boundary are found by tokenising only the words around the boundary (``tokens_around``).

**What BIO cannot hold** is reported, never dropped in silence. Relations, stances,
answers, attribute values, comments (the set's; the document's thread is counted in the
notes only) and overlapping spans are counted per kind in a ``# left out = ...`` comment of
the block (no such line when there is nothing to count), and the totals of the whole export
are one line of the export notes (``left_out.py``). And each span not written as it is gets
a ``# not expressed: <label> [<start>, <end>) '<text>': <why>`` comment at the top of the
block, and a line in the export notes (with the document and layer):

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

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from annotations.formats.conll_chunks import OVERLAPS, Chunk, chosen, edges
from annotations.formats.left_out import (
    ANSWER,
    ATTRIBUTE,
    COMMENT,
    OVERLAP,
    RELATION,
    STANCE,
    LeftOut,
    counts_text,
)
from annotations.formats.records import (
    DocumentRecord,
    ExportNotes,
    ExportSpec,
    Header,
    SetRecord,
    layer_name,
    span_pieces,
)
from annotations.formats.tokens import (
    Piece,
    Tokens,
    all_pieces,
    sentencizer,
    split_tokens,
    tokenise,
    tokens_around,
)

LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")

SECTION = 200_000  # code points of a long text tagged at a time, about
LEFT_OUT = (RELATION, STANCE, ANSWER, ATTRIBUTE, COMMENT)


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
    """What all the blocks of one document share in one section of its text: the tokens
    (cut at every span boundary of every layer) and where sentences may start."""

    tokens: Tokens
    starts: list[bool]


def sections(text: str, pieces: Iterable[Piece]) -> list[Piece]:
    """The text in sections of about ``SECTION`` code points, each after the first starting
    at the first non-space character after a line break, outside every piece: a sentence
    ends there anyway and no span is cut, so tagging the sections one by one gives the lines
    tagging the whole would (one section when the text is short or has no such place)."""
    covered: list[Piece] = []  # the pieces merged, in order
    for a, b in sorted(pieces):
        if covered and a <= covered[-1][1]:
            covered[-1] = (covered[-1][0], max(b, covered[-1][1]))
        else:
            covered.append((a, b))
    cover_starts = [a for a, _ in covered]
    cuts = [0]
    at = SECTION
    while at < len(text):
        line = text.find("\n", at)
        if line == -1:
            break
        cut = line + 1
        while cut < len(text) and text[cut].isspace():
            cut += 1
        k = bisect_right(cover_starts, cut - 1) - 1  # the last piece starting before the cut
        if k >= 0 and covered[k][1] > cut:
            at = covered[k][1]  # inside a span: look again after it
            continue
        if cut < len(text):
            cuts.append(cut)
        at = cut + SECTION
    cuts.append(len(text))
    return list(zip(cuts, cuts[1:], strict=False))


def prepare(
    record: DocumentRecord, extra: Iterable[Piece] = (), section: Piece | None = None
) -> Prepared:
    """The tokens and sentence starts of one section of the text (all of it by default)."""
    text = record["text"]
    start, end = section or (0, len(text))
    tokens = tokenise(text, [*all_pieces(record), *extra], start, end)
    starts = _sentence_starts(tokens) if tokens.words else []
    return Prepared(tokens, starts)


def prepared_sections(record: DocumentRecord, extra: Iterable[Piece] = ()) -> list[Prepared]:
    """Every section of the document prepared (held in memory: for short texts)."""
    extra = list(extra)
    cuts = sections(record["text"], [*all_pieces(record), *extra])
    return [prepare(record, extra, cut) for cut in cuts]


def _sentences(chunks: list[Chunk], prepared: Prepared, last: bool) -> Iterator[str]:
    """The token lines of one section, a blank line after each sentence."""
    tokens = prepared.tokens
    words, starts = tokens.words, prepared.starts
    tags = ["O"] * len(words)
    first_token = {start: i for i, start in enumerate(tokens.starts)}
    for a, b, label in chunks:
        i = first_token.get(a)
        if i is None:
            continue  # in another section
        prefix = "B-"
        while i < len(words) and tokens.starts[i] + len(words[i]) <= b:
            if not words[i].isspace():
                tags[i] = prefix + label
                prefix = "I-"
            i += 1
    sentence: list[str] = []
    may_end = False
    for i, (word, tag) in enumerate(zip(words, tags, strict=True)):
        may_end = may_end or starts[i]
        if word.isspace():
            continue
        if may_end and sentence and not tag.startswith("I-"):
            yield from sentence
            yield ""
            sentence = []
        may_end = False
        sentence.append(f"{word}\t{tag}")
    if sentence or last:
        yield from sentence
        yield ""


def block_lines(
    record: DocumentRecord,
    aset: SetRecord,
    notes: ExportNotes,
    prepared: Iterable[Prepared],
    left_out: LeftOut | None = None,
) -> Iterator[list[str]]:
    """One set of one document as CoNLL lines: the comment lines, then each section's
    token lines (a list of lines per section). ``prepared``: the document's sections."""
    text = record["text"]
    spans = aset.get("spans") or []
    chunks, why = chosen(spans)
    boundaries = [x for s in spans for p in span_pieces(s) for x in p]
    split = split_tokens(tokens_around(text, boundaries), boundaries)
    for i, span in enumerate(spans):
        reasons = edges(text, span, split)
        if reasons:
            why.setdefault(i, []).extend(reasons)

    layer = layer_name(aset)
    title = " ".join(str(record.get("title") or "").split())
    lines = [
        f"# document_id = {record.get('id')}",
        f"# title = {title}",
        f"# layer = {layer}",
        f"# kind = {aset.get('kind')}",
        f"# status = {aset.get('status')}",
    ]
    if left_out is not None:
        counts = left_out.count_set(aset)
        counts[OVERLAP] = sum(1 for r in why.values() if any(x.startswith(OVERLAPS) for x in r))
        left_out.add(OVERLAP, counts[OVERLAP])
        if counts_text(counts):
            lines.append(f"# left out = {counts_text(counts)}")
    for i in sorted(why, key=lambda i: (spans[i]["start"], spans[i]["end"])):
        span = spans[i]
        where = f"{span['label']} [{span['start']}, {span['end']}) {span.get('text')!r}"
        message = f"{where}: {'; '.join(why[i])}"
        lines.append(f"# not expressed: {message}")
        notes.add(f"conll: document {record.get('id')}, layer {layer}: {message}")
    yield lines

    parts = iter(prepared)
    pending = next(parts, None)
    while pending is not None:
        following = next(parts, None)  # the last section ends the block's last sentence
        yield list(_sentences(chunks, pending, last=following is None))
        pending = following


def block(
    record: DocumentRecord, aset: SetRecord, notes: ExportNotes, prepared: Prepared | None = None
) -> str:
    """One set of one document as a CoNLL block (comment lines, then sentences).
    ``prepared`` is ``prepare(record)``, made here (by sections) when not given."""
    spans = aset.get("spans") or []
    if prepared is None:
        parts = prepared_sections(record, [p for s in spans for p in span_pieces(s)])
    else:
        parts = [prepared]
    return "".join(
        "\n".join(lines) + "\n" for lines in block_lines(record, aset, notes, parts) if lines
    )


def _document_chunks(
    record: DocumentRecord, sets: list[SetRecord], notes: ExportNotes, left_out: LeftOut
) -> Iterator[bytes]:
    """A document's blocks: in one piece when it has one section; else a section at a time,
    each block preparing the sections again (the tokens of a long text are never all held)."""
    cuts = sections(record["text"], all_pieces(record))
    if len(cuts) == 1:
        shared = [prepare(record)]
        text = "".join(
            "\n".join(lines) + "\n"
            for aset in sets
            for lines in block_lines(record, aset, notes, shared, left_out)
            if lines
        )
        yield text.encode("utf-8")
        return
    for aset in sets:
        parts = (prepare(record, (), cut) for cut in cuts)
        for lines in block_lines(record, aset, notes, parts, left_out):
            if lines:
                yield ("\n".join(lines) + "\n").encode("utf-8")


def write(
    header: Header, documents: Iterable[DocumentRecord], notes: ExportNotes
) -> Iterator[bytes]:
    """A chunk per document (a chunk per section of a long one): its blocks, one per set."""
    left_out = LeftOut("conll", LEFT_OUT, "BIO tags hold labelled spans only")
    for record in documents:
        sets: list[SetRecord] = record.get("sets") or []
        left_out.count_document(record)
        if sets:
            yield from _document_chunks(record, sets, notes, left_out)
    left_out.note(notes)


EXPORTS = {
    "conll": ExportSpec(
        title="CoNLL BIO (token per line)",
        media_type="text/plain",
        extension="conll",
        write=write,
    )
}
