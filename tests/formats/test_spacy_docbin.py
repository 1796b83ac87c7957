"""The spaCy DocBin export, loaded back with spaCy itself (pure: no database)."""

from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import DocBin

from annotations.formats.records import ExportNotes, layer_name, span_pieces
from annotations.formats.spacy_docbin import EXPORTS, write
from annotations.formats.tokens import tokenise
from tests.formats.sample_records import SET_COUNT, SPAN_COUNT, documents, header


def loaded(records: list | None = None, notes: ExportNotes | None = None) -> list:
    chunks = list(write(header(), documents() if records is None else records,
                        notes or ExportNotes()))  # fmt: skip
    assert len(chunks) == 1, "a DocBin is written whole"
    return list(DocBin().from_bytes(chunks[0]).get_docs(spacy.blank("en").vocab))


def test_the_format_is_registered_as_a_binary_file():
    assert EXPORTS["spacy"].extension == "spacy"
    assert EXPORTS["spacy"].media_type == "application/octet-stream"


def test_there_is_a_doc_per_document_and_set_in_record_order():
    docs = loaded()
    assert len(docs) == SET_COUNT
    keys = [(d.user_data["claimlens"]["document_id"], d.user_data["claimlens"]["layer"])
            for d in docs]  # fmt: skip
    assert keys == [(r["id"], layer_name(s)) for r in documents() for s in r["sets"]]


def test_every_span_lies_at_its_offsets_with_its_label_and_text():
    notes = ExportNotes()
    docs = iter(loaded(notes=notes))
    seen = 0
    for record in documents():
        for aset in record["sets"]:
            doc = next(docs)
            assert doc.text == record["text"]
            layer = layer_name(aset)
            assert list(doc.spans) == [layer]
            got = [(s.start_char, s.end_char, s.label_, s.id_, s.text) for s in doc.spans[layer]]
            want = [
                (a, b, span["label"], str(span["id"]), record["text"][a:b])
                for span in aset["spans"]
                for a, b in span_pieces(span)
            ]
            assert got == want
            seen += len(aset["spans"])
    assert seen == SPAN_COUNT
    # nothing had to be widened; the comments are counted
    assert notes.items == ["spacy: left out 6 comments (a DocBin has no place for comment threads)"]


def test_the_fragments_of_a_discontinuous_claim_share_label_and_id():
    gold = loaded()[0]
    pieces = [s for s in gold.spans["gold"] if s.id_ == "1004"]
    assert [(s.text, s.label_) for s in pieces] == [
        ("The repairs", "CLAIM"),
        ("could take a year", "CLAIM"),
    ]
    claim = next(s for s in gold.user_data["claimlens"]["spans"] if s["id"] == 1004)
    assert [list(p) for p in claim["fragments"]] == [[128, 139], [159, 176]]
    assert claim["attributes"] == {"quote_type": "indirect", "check_worthy": "yes"}


def test_overlapping_spans_of_one_layer_are_both_kept():
    tomas = loaded()[1]
    sources = [s.text for s in tomas.spans["tomas"] if s.label_ == "SOURCE"]
    assert "the council's health officer" in sources and "the council" in sources


def test_user_data_keeps_the_document_the_set_and_what_spans_cannot_hold():
    docs = loaded()
    gold = docs[0].user_data["claimlens"]
    assert (gold["title"], gold["outlet"], gold["story"]) == (
        "Kelham reservoir to close for repairs",
        "Brenford Courier",
        "Kelham reservoir closure",
    )
    assert (gold["kind"], gold["author"], gold["status"]) == ("gold", "rhea", "curated")
    assert {"type": "CUE_OF", "source": 1002, "target": 1003, "target_document": None,
            "attributes": {}} in gold["relations"]  # fmt: skip
    assert len(gold["stances"]) == 3
    assert gold["answers"] == {"framing": {"board": "neutral", "residents": "sympathetic"}}
    herald = docs[4].user_data["claimlens"]
    linked = [(r["type"], r["target"], r["target_document"]) for r in herald["relations"]]
    assert ("SAME_CLAIM", 2003, 101) in linked
    letter = docs[6].user_data["claimlens"]
    assert (letter["outlet"], letter["story"], letter["title"]) == (None, None, "")
    assert docs[3].user_data["claimlens"]["model_name"] == "claimbert-v2"


def test_all_docs_of_a_document_have_the_same_tokens():
    docs = loaded()[:4]  # document 101
    assert len({tuple(t.text for t in doc) for doc in docs}) == 1


def test_a_span_ending_inside_a_token_keeps_its_exact_offsets():
    text = "The U.S.-led talks resumed on Friday ."
    record = {"id": 1, "text": text, "sets": [{"kind": "gold", "spans": [
        {"id": 9, "label": "SOURCE", "start": 4, "end": 8, "text": "U.S."},
        {"id": 10, "label": "CLAIM", "start": 13, "end": 37, "text": text[13:37]},
    ]}]}  # fmt: skip
    [doc] = loaded([record])
    assert [(s.start_char, s.end_char, s.text) for s in doc.spans["gold"]] == [
        (4, 8, "U.S."),
        (13, 37, "talks resumed on Friday "),
    ]


def test_an_empty_export_is_an_empty_docbin():
    assert loaded([]) == []


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_tokens_rebuild_the_text_and_align_with_every_piece(data):
    text = data.draw(st.text(alphabet="ab .,'-\n\t\u00a0é🚢“", min_size=1, max_size=16))
    n = len(text)
    starts = data.draw(st.lists(st.integers(0, n - 1), max_size=4))
    pieces = [(a, data.draw(st.integers(a + 1, n))) for a in starts]
    tokens = tokenise(text, pieces)
    doc = tokens.doc()
    assert doc.text == text
    assert [(t.idx, t.idx + len(t)) for t in doc] == tokens.offsets
    for a, b in pieces:
        span = doc.char_span(a, b, alignment_mode="strict")
        assert span is not None and span.text == text[a:b]
