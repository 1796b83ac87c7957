"""The CoNLL export says what BIO cannot hold, tags every span as a chunk of its own, and
tags a long text a section at a time with the same lines (pure: no database). Chunks are
read back with spaCy's own BIO decoder (``spacy.training.iob_utils``)."""

from __future__ import annotations

import random

import pytest
from spacy.training.iob_utils import iob_to_biluo, tags_to_entities

from annotations.formats import conll
from annotations.formats.records import ExportNotes
from tests.formats.test_conll import read_conll

TEXT = "Officials said the strike would end soon. The union disagreed."


def span(k: int, label: str, words: str, text: str = TEXT, **extra: object) -> dict:
    start = text.index(words)
    return {"id": k, "label": label, "start": start, "end": start + len(words),
            "text": words, **extra}  # fmt: skip


def written(records: list[dict]) -> tuple[bytes, ExportNotes]:
    notes = ExportNotes()
    return b"".join(conll.write({"claimlens": "project", "version": 2}, records, notes)), notes


def chunks(data: bytes) -> list[list[tuple[str, str]]]:
    """Per block: (label, words) of each chunk spaCy's BIO decoder finds in its tags."""
    found = []
    for parsed in read_conll(data):
        words = [token for token, _ in parsed.tokens]
        biluo = iob_to_biluo([tag for _, tag in parsed.tokens])
        found.append(
            [(label, " ".join(words[a : b + 1])) for label, a, b in tags_to_entities(biluo)]
        )
    return found


def test_what_bio_cannot_hold_is_counted_in_the_block_and_in_the_notes():
    sources = [span(1, "SOURCE", "Officials", attributes={"kind": "official"}),
               span(2, "CLAIM", "the strike would end soon"),
               span(3, "CLAIM", "the strike"),  # overlaps the claim
               span(4, "SOURCE", "The union")]  # fmt: skip
    aset = {"kind": "annotator", "author": "anna", "status": "submitted", "spans": sources,
            "relations": [{"type": "ATTRIBUTED_TO", "source": 2, "target": 1}],
            "stances": [{"holder": 4, "object": 2, "value": "against"},
                        {"holder": 1, "target": "council", "value": "favor"}],
            "answers": {"framing": "critical"},
            "comments": [{"author": "rhea", "created_at": "2026-01-01", "text": "ok?"}],
            }  # fmt: skip
    record = {"id": 9, "title": "Strike", "text": TEXT, "sets": [aset],
              "comments": [{"author": "rhea", "created_at": "2026-01-01", "text": "Check"}],
              }  # fmt: skip

    data, notes = written([record])

    [parsed] = read_conll(data)
    assert parsed.comments["left out"] == (
        "1 relation, 2 stances, 1 answer, 1 attribute value, 1 comment, 1 overlapping span"
    )
    assert notes.items[-1] == (
        "conll: left out 1 relation, 2 stances, 1 answer, 1 attribute value, 2 comments, "
        "1 overlapping span (BIO tags hold labelled spans only)"
    )


def test_a_set_with_spans_only_has_no_left_out_line_and_no_count_in_the_notes():
    aset = {"kind": "gold", "status": "curated", "spans": [span(1, "SOURCE", "Officials")]}
    data, notes = written([{"id": 1, "title": "", "text": TEXT, "sets": [aset]}])
    assert "left out" not in read_conll(data)[0].comments
    assert notes.items == []


@pytest.mark.parametrize("space", [" ", "\u00a0"])
def test_a_span_beginning_or_ending_with_whitespace_starts_with_b_on_its_first_word(space):
    text = f"Officials said{space}the strike would end{space}soon."
    claim = f"{space}the strike would end{space}"
    spans = [span(1, "SOURCE", "Officials", text), span(2, "CLAIM", claim, text)]
    aset = {"kind": "gold", "status": "curated", "spans": spans}
    data, _ = written([{"id": 1, "title": "", "text": text, "sets": [aset]}])
    assert chunks(data) == [[("SOURCE", "Officials"), ("CLAIM", "the strike would end")]]


def test_two_adjacent_spans_of_one_label_stay_two_chunks():
    text = "Officials said the strike would end soon."
    aset = {"kind": "gold", "status": "curated", "spans": [
        span(1, "CLAIM", "the strike", text), span(2, "CLAIM", " would end", text),
        span(3, "CLAIM", "soon", text)]}  # fmt: skip
    data, _ = written([{"id": 1, "title": "", "text": text, "sets": [aset]}])
    assert chunks(data) == [[("CLAIM", "the strike"), ("CLAIM", "would end"), ("CLAIM", "soon")]]


def test_a_long_text_tagged_by_sections_gives_the_lines_of_the_whole(monkeypatch):
    paragraph = "Officials said the strike would end soon. “Not so,” the union said.\n\n"
    text = paragraph * 40
    claims = []
    for k, at in enumerate(range(0, len(text), len(paragraph))):
        claims.append({"id": k, "label": "CLAIM", "start": at + 15, "end": at + 40,
                       "text": text[at + 15 : at + 40]})  # fmt: skip
    across = text.index("“Not so", len(paragraph) * 4)  # over a line break a cut would take
    quote = {"id": 99, "label": "CLAIM", "start": across, "end": across + 60,
             "text": text[across : across + 60]}  # fmt: skip
    record = {"id": 1, "title": "", "text": text,
              "sets": [{"kind": "gold", "status": "curated", "spans": claims},
                       {"kind": "annotator", "author": "anna", "spans": [quote]}]}  # fmt: skip
    whole, _ = written([record])
    monkeypatch.setattr(conll, "SECTION", 300)
    pieces = [(s["start"], s["end"]) for s in [*claims, quote]]
    assert len(conll.sections(text, pieces)) > 5

    in_sections, _ = written([record])

    assert in_sections == whole


def plainly_chosen(spans: list[dict]) -> tuple[list, dict]:
    """The definition: spans by start, the longer first; one overlapping a piece taken
    earlier is left out, naming the first such piece taken."""
    chunks, why, taken = [], {}, []
    for i in sorted(range(len(spans)), key=lambda i: (spans[i]["start"], -spans[i]["end"])):
        pieces = [
            tuple(p) for p in spans[i].get("fragments") or [(spans[i]["start"], spans[i]["end"])]
        ]
        clash = next((t for t in taken for a, b in pieces if a < t[1] and t[0] < b), None)
        if clash is not None:
            why[i] = [f"overlaps [{clash[0]}, {clash[1]}) in the same layer"]
            continue
        taken.extend(pieces)
        chunks.extend((a, b, spans[i]["label"]) for a, b in pieces)
    return chunks, why


def test_the_spans_tagged_and_the_overlaps_named_are_those_of_the_plain_definition():
    rng = random.Random(5)
    for _ in range(200):
        spans = []
        for _ in range(rng.randint(1, 30)):
            a = rng.randrange(200)
            pieces = [(a, a + rng.randint(1, 15))]
            if rng.random() < 0.2:  # a discontinuous span
                c = pieces[0][1] + rng.randint(1, 20)
                pieces.append((c, c + rng.randint(1, 10)))
            span = {"label": "CLAIM", "start": pieces[0][0], "end": pieces[-1][1]}
            if len(pieces) > 1:
                span["fragments"] = [list(p) for p in pieces]
            spans.append(span)
        chunks, why = conll.chosen(spans)
        expected_chunks, expected_overlaps = plainly_chosen(spans)
        assert chunks == expected_chunks
        overlaps = {
            i: [r for r in reasons if r.startswith("overlaps")] for i, reasons in why.items()
        }
        assert {i: r for i, r in overlaps.items() if r} == expected_overlaps
