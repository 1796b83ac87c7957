"""The CoNLL BIO export, read back by a small reader (pure: no database)."""

from __future__ import annotations

from dataclasses import dataclass, field

from annotations.formats.conll import EXPORTS, block, write
from annotations.formats.records import ExportNotes, layer_name, span_pieces
from tests.formats.sample_records import SET_COUNT, documents, header, many_documents


@dataclass
class Block:
    comments: dict[str, str] = field(default_factory=dict)
    not_expressed: list[str] = field(default_factory=list)
    sentences: list[list[tuple[str, str]]] = field(default_factory=list)

    @property
    def tokens(self) -> list[tuple[str, str]]:
        return [pair for sentence in self.sentences for pair in sentence]


def read_conll(data: bytes) -> list[Block]:
    """Blocks open with ``# key = value`` comments; sentences end at a blank line."""
    blocks: list[Block] = []
    sentence: list[tuple[str, str]] = []
    for line in data.decode("utf-8").split("\n"):
        if line.startswith("# "):
            if not blocks or blocks[-1].sentences or sentence:
                blocks.append(Block())
            key, _, value = line[2:].partition(" = ")
            if key.startswith("not expressed: "):
                blocks[-1].not_expressed.append(line[len("# not expressed: ") :])
            else:
                blocks[-1].comments[key] = value
        elif line:
            token, tag = line.split("\t")
            sentence.append((token, tag))
        elif sentence:
            blocks[-1].sentences.append(sentence)
            sentence = []
    assert not sentence, "the file ends with a blank line"
    return blocks


def chunks_on_text(text: str, tokens: list[tuple[str, str]]) -> set[tuple[int, int, str]]:
    """Each tagged chunk as (start, end, label) in ``text``, found by walking the tokens
    through the text in order."""
    found = set()
    at = 0
    current: list | None = None
    for token, tag in tokens:
        start = text.index(token, at)
        assert text[at:start].isspace() or at == start, "only whitespace between tokens"
        at = start + len(token)
        if tag.startswith("B-") or tag == "O":
            if current:
                found.add(tuple(current))
            current = [start, at, tag[2:]] if tag != "O" else None
        else:
            assert current is not None and tag[2:] == current[2], f"{tag} continues a chunk"
            current[1] = at
    if current:
        found.add(tuple(current))
    return found


def exported(records: list | None = None) -> tuple[list[Block], ExportNotes]:
    notes = ExportNotes()
    data = b"".join(write(header(), records or documents(), notes))
    return read_conll(data), notes


def find(blocks: list[Block], document_id: int, layer: str) -> Block:
    wanted = {"document_id": str(document_id), "layer": layer}
    return next(b for b in blocks if wanted.items() <= b.comments.items())


def test_the_format_is_registered_as_plain_text():
    assert EXPORTS["conll"].media_type == "text/plain"
    assert EXPORTS["conll"].extension == "conll"


def test_there_is_a_block_per_document_and_set_named_by_comments():
    blocks, _ = exported()
    assert len(blocks) == SET_COUNT
    named = [(b.comments["document_id"], b.comments["layer"]) for b in blocks]
    assert named == [
        (str(record["id"]), layer_name(aset)) for record in documents() for aset in record["sets"]
    ]
    gold = find(blocks, 101, "gold")
    assert gold.comments["title"] == "Kelham reservoir to close for repairs"
    assert gold.comments["kind"] == "gold" and gold.comments["status"] == "curated"


def test_the_tokens_of_each_span_carry_b_then_i_tags_of_its_label():
    blocks, _ = exported()
    gold = find(blocks, 101, "gold").tokens
    source = gold.index(("The", "B-SOURCE"))
    assert gold[source : source + 5] == [
        ("The", "B-SOURCE"),
        ("Brenford", "I-SOURCE"),
        ("Water", "I-SOURCE"),
        ("Board", "I-SOURCE"),
        ("said", "B-CUE"),
    ]
    assert ("Kelham", "O") in gold  # the headline


def test_every_tagged_chunk_is_a_span_piece_at_its_exact_offsets():
    blocks, _ = exported()
    for record in documents():
        for aset in record["sets"]:
            got = chunks_on_text(
                record["text"], find(blocks, record["id"], layer_name(aset)).tokens
            )
            want = {
                (a, b, span["label"])
                for span in aset["spans"]
                if span["id"] != 2006  # "the council", inside another SOURCE of tomas
                for a, b in span_pieces(span)
            }
            assert got == want, (record["id"], layer_name(aset))


def test_the_tokens_joined_give_the_document_words_and_every_layer_the_same_tokens():
    blocks, _ = exported()
    for record in documents():
        layers = [find(blocks, record["id"], layer_name(aset)) for aset in record["sets"]]
        for layer in layers:
            assert "".join(token for token, _ in layer.tokens) == "".join(record["text"].split())
        token_lines = {tuple(token for token, _ in layer.tokens) for layer in layers}
        assert len(token_lines) == 1


def test_an_overlap_within_a_layer_keeps_the_longer_span_and_reports_the_other():
    blocks, notes = exported()
    tomas = find(blocks, 101, "tomas")
    start = tomas.tokens.index(("the", "B-SOURCE"))
    assert [tag for _, tag in tomas.tokens[start : start + 5]] == ["B-SOURCE"] + ["I-SOURCE"] * 4
    assert tomas.not_expressed == [
        "SOURCE [262, 273) 'the council': overlaps [262, 290) in the same layer"
    ]
    assert (
        "conll: document 101, layer tomas: SOURCE [262, 273) 'the council': "
        "overlaps [262, 290) in the same layer"
    ) in notes.items


def test_a_discontinuous_claim_is_one_chunk_per_fragment_and_is_reported():
    blocks, notes = exported()
    gold = find(blocks, 101, "gold")
    tags = dict(gold.tokens[gold.tokens.index(("repairs", "I-CLAIM")) - 1 :][:8])
    assert tags["The"] == "B-CLAIM" and tags["repairs"] == "I-CLAIM"
    assert tags["engineers"] == "B-SOURCE" and tags["warned"] == "B-CUE"
    assert tags["could"] == "B-CLAIM"  # the second fragment starts a chunk of its own
    report = (
        "CLAIM [128, 176) 'The repairs could take a year': discontinuous: "
        "written as 2 separate chunks [128, 139) [159, 176)"
    )
    assert gold.not_expressed == [report]
    assert f"conll: document 101, layer gold: {report}" in notes.items
    assert f"conll: document 101, layer priya: {report}" in notes.items
    # the two split claims, tomas's overlap and the count of what BIO cannot hold
    assert len(notes.items) == 4


def test_a_boundary_inside_a_token_splits_it_and_is_reported():
    text = "The U.S.-led talks resumed."
    record = {"id": 5, "title": "", "text": text}
    aset = {"kind": "gold", "status": "curated", "spans": [
        {"id": 1, "label": "SOURCE", "start": 4, "end": 8, "text": "U.S.", "fragments": None},
    ]}  # fmt: skip
    notes = ExportNotes()
    [parsed] = read_conll(block(record, aset, notes).encode())
    assert parsed.tokens[:3] == [("The", "O"), ("U.S.", "B-SOURCE"), ("-led", "O")]
    message = "SOURCE [4, 8) 'U.S.': ends inside the token 'U.S.-led' [4, 12), written split there"
    assert parsed.not_expressed == [message]
    assert notes.items == [f"conll: document 5, layer gold: {message}"]


def test_whitespace_a_span_holds_at_its_edge_is_reported():
    text = "Officials said the strike  would end."
    record = {"id": 6, "title": "", "text": text}
    aset = {"kind": "gold", "status": "curated", "spans": [
        {"id": 1, "label": "CLAIM", "start": 15, "end": 26, "text": text[15:26]},
        {"id": 2, "label": "CUE", "start": 26, "end": 27, "text": " "},
    ]}  # fmt: skip
    notes = ExportNotes()
    [parsed] = read_conll(block(record, aset, notes).encode())
    assert ("strike", "I-CLAIM") in parsed.tokens and ("would", "O") in parsed.tokens
    assert parsed.not_expressed == [
        "CLAIM [15, 26) 'the strike ': whitespace at the edge of [15, 26) is not written",
        "CUE [26, 27) ' ': [26, 27) is whitespace only: no token to tag",
    ]
    assert len(notes.items) == 2


def test_sentences_end_at_line_breaks_and_full_stops_but_never_inside_a_span():
    text = "Dam holds\nThe board said prices rise. Then they fall. “Not so,” she said."
    record = {"id": 7, "title": "", "text": text}
    claim = "prices rise. Then they fall"
    start = text.index(claim)
    aset = {"kind": "gold", "status": "curated", "spans": [
        {"id": 1, "label": "CLAIM", "start": start, "end": start + len(claim), "text": claim},
    ]}  # fmt: skip
    [parsed] = read_conll(block(record, aset, ExportNotes()).encode())
    words = [[token for token, _ in sentence] for sentence in parsed.sentences]
    assert words == [
        ["Dam", "holds"],
        ["The", "board", "said", "prices", "rise", ".", "Then", "they", "fall", "."],
        ["“", "Not", "so", ",", "”", "she", "said", "."],
    ]
    assert parsed.not_expressed == []


def test_the_export_is_streamed_a_chunk_per_document():
    chunks = list(write(header(), many_documents(12), ExportNotes()))
    assert len(chunks) == 12
    assert all(chunk.startswith(b"# document_id = ") for chunk in chunks)
    assert [b.comments["document_id"] for b in read_conll(b"".join(chunks))][:4] == [
        "1", "1", "1", "1"
    ]  # fmt: skip
